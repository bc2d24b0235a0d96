package org.netstreamfx.player.rtmp.message;

import org.netstreamfx.player.wire.WireFormatException;

/** Big-endian helpers for the fixed-size control message bodies of sections 5.4 and 7.1.7. */
final class ControlBytes {
    private ControlBytes() {
    }

    /** Throws unless {@code body} has at least {@code needed} bytes. */
    static void require(String field, byte[] body, int needed) throws WireFormatException {
        if (body.length < needed) {
            throw WireFormatException.truncated(field, needed, body.length);
        }
    }

    /** Length of a body that is one 32-bit value (Set Chunk Size, Abort, Acknowledgement, Window Ack Size). */
    static final int U32_BODY_LENGTH = 4;

    /** Reads a body that is one 32-bit value, after checking it holds one ({@code field} names it in the error). */
    static long readU32Body(String field, byte[] body) throws WireFormatException {
        require(field, body, U32_BODY_LENGTH);
        return u32(body, 0);
    }

    /** A body that is the one 32-bit value {@code v}. */
    static byte[] u32Body(long v) {
        byte[] b = new byte[U32_BODY_LENGTH];
        putU32(b, 0, v);
        return b;
    }

    static long u32(byte[] b, int off) {
        return ((b[off] & 0xFFL) << 24) | ((b[off + 1] & 0xFFL) << 16)
                | ((b[off + 2] & 0xFFL) << 8) | (b[off + 3] & 0xFFL);
    }

    static int u16(byte[] b, int off) {
        return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
    }

    static void putU32(byte[] b, int off, long v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    static void putU16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    static void checkU32(String name, long v) {
        if (v < 0 || v > 0xFFFFFFFFL) {
            throw new IllegalArgumentException(name + " " + v + " does not fit 32 unsigned bits");
        }
    }

    /** Reads a 32-bit message stream id and checks it fits {@code RtmpMessage#messageStreamId}. */
    static int streamId(String field, byte[] b, int off) throws WireFormatException {
        long v = u32(b, off);
        if (v > Integer.MAX_VALUE) {
            throw WireFormatException.overLimit(field, v, Integer.MAX_VALUE);
        }
        return (int) v;
    }
}
