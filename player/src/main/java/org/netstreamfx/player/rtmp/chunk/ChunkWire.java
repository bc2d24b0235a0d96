package org.netstreamfx.player.rtmp.chunk;

/** Field codecs shared by the chunk encoder and decoder (section 5.3.1). */
final class ChunkWire {
    /** A 3-byte timestamp field of this value means a 4-byte extended timestamp follows (5.3.1.3). */
    static final int EXTENDED_TIMESTAMP_MARKER = 0xFFFFFF;
    /** Length of the extended timestamp field. */
    static final int EXTENDED_TIMESTAMP_LENGTH = 4;
    /** Longest chunk header: 3-byte basic header, 11-byte message header, extended timestamp. */
    static final int MAX_HEADER_LENGTH = 3 + 11 + EXTENDED_TIMESTAMP_LENGTH;
    /** Mask for 32-bit timestamp arithmetic, which wraps (5.3.1.2). */
    static final long TIMESTAMP_MASK = 0xFFFFFFFFL;

    private ChunkWire() {
    }

    static int u24(byte[] b, int off) {
        return ((b[off] & 0xFF) << 16) | ((b[off + 1] & 0xFF) << 8) | (b[off + 2] & 0xFF);
    }

    static long u32(byte[] b, int off) {
        return ((b[off] & 0xFFL) << 24) | ((b[off + 1] & 0xFFL) << 16)
                | ((b[off + 2] & 0xFFL) << 8) | (b[off + 3] & 0xFFL);
    }

    /** The message stream id is the one little-endian field of the chunk header (5.3.1.2.1). */
    static long u32le(byte[] b, int off) {
        return (b[off] & 0xFFL) | ((b[off + 1] & 0xFFL) << 8)
                | ((b[off + 2] & 0xFFL) << 16) | ((b[off + 3] & 0xFFL) << 24);
    }
}
