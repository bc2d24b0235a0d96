package org.netstreamfx.player.flv;

import org.netstreamfx.player.wire.WireFormatException;

/** Checked big-endian reads from a byte array; every read names the field it is reading. */
final class ByteCursor {
    private final byte[] data;
    private int pos;

    ByteCursor(byte[] data) {
        this.data = data;
    }

    int position() {
        return pos;
    }

    int remaining() {
        return data.length - pos;
    }

    void need(String field, long n) throws WireFormatException {
        if (remaining() < n) {
            throw WireFormatException.truncated(field, n, remaining());
        }
    }

    int u8(String field) throws WireFormatException {
        need(field, 1);
        return data[pos++] & 0xFF;
    }

    int u16(String field) throws WireFormatException {
        need(field, 2);
        int v = ((data[pos] & 0xFF) << 8) | (data[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    int u24(String field) throws WireFormatException {
        need(field, 3);
        int v = ((data[pos] & 0xFF) << 16) | ((data[pos + 1] & 0xFF) << 8) | (data[pos + 2] & 0xFF);
        pos += 3;
        return v;
    }

    /** SI24: a signed 24-bit big-endian integer. */
    int s24(String field) throws WireFormatException {
        return (u24(field) << 8) >> 8;
    }

    int u32(String field) throws WireFormatException {
        need(field, 4);
        int v = ((data[pos] & 0xFF) << 24) | ((data[pos + 1] & 0xFF) << 16)
                | ((data[pos + 2] & 0xFF) << 8) | (data[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    byte[] bytes(String field, int n) throws WireFormatException {
        need(field, n);
        byte[] out = new byte[n];
        System.arraycopy(data, pos, out, 0, n);
        pos += n;
        return out;
    }

    void skip(String field, int n) throws WireFormatException {
        need(field, n);
        pos += n;
    }
}
