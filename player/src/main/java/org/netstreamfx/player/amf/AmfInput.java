package org.netstreamfx.player.amf;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * Checked big-endian reads from a {@link ByteBuffer}, shared by the AMF0 and AMF3 readers. Every
 * read names its field so that a short buffer gives a {@link WireFormatException} that says what
 * was being read; nothing throws {@link BufferUnderflowException}.
 */
final class AmfInput {
    private final ByteBuffer buf;
    private final AmfLimits limits;

    AmfInput(ByteBuffer buf, AmfLimits limits) {
        this.buf = buf;
        this.limits = limits;
    }

    AmfLimits limits() {
        return limits;
    }

    int remaining() {
        return buf.remaining();
    }

    private void need(String field, int n) throws WireFormatException {
        if (buf.remaining() < n) {
            throw WireFormatException.truncated(field, n, buf.remaining());
        }
    }

    int u8(String field) throws WireFormatException {
        need(field, 1);
        return buf.get() & 0xFF;
    }

    int peekU8(String field) throws WireFormatException {
        need(field, 1);
        return buf.get(buf.position()) & 0xFF;
    }

    int u16(String field) throws WireFormatException {
        need(field, 2);
        return buf.getShort() & 0xFFFF;
    }

    short s16(String field) throws WireFormatException {
        need(field, 2);
        return buf.getShort();
    }

    int s32(String field) throws WireFormatException {
        need(field, 4);
        return buf.getInt();
    }

    long u32(String field) throws WireFormatException {
        return s32(field) & 0xFFFF_FFFFL;
    }

    double f64(String field) throws WireFormatException {
        need(field, 8);
        return buf.getDouble();
    }

    /**
     * Checks a byte length read from the wire against {@link AmfLimits#maxStringBytes()} and the
     * bytes remaining, then reads that many bytes.
     */
    byte[] bytes(String field, long length) throws WireFormatException {
        if (length > limits.maxStringBytes()) {
            throw WireFormatException.overLimit(field, length, limits.maxStringBytes());
        }
        if (length > buf.remaining()) {
            throw WireFormatException.truncated(field, length, buf.remaining());
        }
        byte[] out = new byte[(int) length];
        buf.get(out);
        return out;
    }

    /** Reads {@code length} bytes of UTF-8; malformed sequences become U+FFFD. */
    String utf8(String field, long length) throws WireFormatException {
        return new String(bytes(field, length), StandardCharsets.UTF_8);
    }

    /**
     * Checks an element count read from the wire against {@link AmfLimits#maxElementCount()} and
     * against the remaining bytes, given that each element takes at least {@code minBytesEach}.
     */
    void checkCount(String field, long count, int minBytesEach) throws WireFormatException {
        if (count > limits.maxElementCount()) {
            throw WireFormatException.overLimit(field, count, limits.maxElementCount());
        }
        long needed = count * minBytesEach;
        if (needed > buf.remaining()) {
            throw new WireFormatException(field, field + " is " + count + ", which needs at least "
                    + needed + " bytes but only " + buf.remaining() + " remain");
        }
    }

    /** A list for {@code count} already-checked items. */
    static <T> List<T> newList(long count) {
        return new ArrayList<>((int) Math.min(count, 1024));
    }
}
