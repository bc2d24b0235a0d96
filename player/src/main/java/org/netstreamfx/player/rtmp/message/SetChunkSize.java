package org.netstreamfx.player.rtmp.message;

import org.netstreamfx.player.wire.WireFormatException;

/**
 * Set Chunk Size, message type 1 (Adobe RTMP specification 1.0, section 5.4.1): a 32-bit value
 * whose first bit MUST be zero, so 1..2^31-1. Since no message is longer than 0xFFFFFF bytes
 * (the 3-byte length field of 5.3.1.2), larger sizes behave exactly like 0xFFFFFF:
 * {@link #effectiveSize()} is what decoders and encoders use, and nothing is allocated from the
 * declared size.
 *
 * @param size the size as sent, 1..0x7FFFFFFF
 */
public record SetChunkSize(int size) implements ControlMessage {
    /** Body length on the wire. */
    public static final int BODY_LENGTH = ControlBytes.U32_BODY_LENGTH;
    /** The cap applied by {@link #effectiveSize()}: the longest possible message. */
    public static final int MAX_EFFECTIVE_SIZE = 0xFFFFFF;
    /** Default chunk size before any Set Chunk Size (5.3.1). */
    public static final int DEFAULT_SIZE = 128;

    public SetChunkSize {
        if (size < 1) {
            throw new IllegalArgumentException("chunk size " + size + " must be 1..0x7FFFFFFF");
        }
    }

    /** Parses the 4-byte body, rejecting 0 and values with the first bit set. */
    public static SetChunkSize parse(byte[] body) throws WireFormatException {
        long v = ControlBytes.readU32Body("Set Chunk Size body", body);
        if (v > Integer.MAX_VALUE) {
            throw WireFormatException.outOfRange("Set Chunk Size", v,
                    "its first bit must be zero (at most 2147483647, RTMP 5.4.1)");
        }
        if (v == 0) {
            throw WireFormatException.outOfRange("Set Chunk Size", v, "must be at least 1");
        }
        return new SetChunkSize((int) v);
    }

    /** The size to chunk by: {@code min(size, 0xFFFFFF)}. */
    public int effectiveSize() {
        return Math.min(size, MAX_EFFECTIVE_SIZE);
    }

    @Override
    public MessageType messageType() {
        return MessageType.SET_CHUNK_SIZE;
    }

    @Override
    public byte[] encode() {
        return ControlBytes.u32Body(size);
    }
}
