package org.netstreamfx.player.rtmp.chunk;

/**
 * Limits the {@link ChunkDecoder} enforces on one connection's inbound chunk stream (Adobe RTMP
 * specification 1.0, section 5.3). Every value they bound comes from the wire and is checked
 * before it is used or anything is allocated from it.
 *
 * @param maxChunkStreams how many distinct chunk stream ids may be alive at once (a chunk stream
 *     lives from its first type 0 header to the end of the connection); default 64
 * @param maxMessageLength the longest message accepted, at most 0xFFFFFF (the most the 3-byte
 *     message length field of 5.3.1.2.1 can say); default 0xFFFFFF
 * @param maxBufferedBytes the most bytes held in buffers of partly received messages across all
 *     chunk streams; default 32 MiB
 * @param maxMessageStreamId the largest message stream id accepted (the field is 32 bits, 5.3.1.2.1);
 *     default {@link Integer#MAX_VALUE} so that every id fits a non-negative {@code int}
 */
public record ChunkLimits(int maxChunkStreams, int maxMessageLength, long maxBufferedBytes,
        int maxMessageStreamId) {

    /** The longest message the 3-byte length field can describe. */
    public static final int MESSAGE_LENGTH_FIELD_MAX = 0xFFFFFF;
    /** How many chunk stream ids the basic header can name (2..65599). */
    public static final int CHUNK_STREAM_ID_SPACE = 65598;

    /** 64 chunk streams, 0xFFFFFF bytes per message, 32 MiB buffered, stream ids up to 2^31-1. */
    public static final ChunkLimits DEFAULTS =
            new ChunkLimits(64, MESSAGE_LENGTH_FIELD_MAX, 32L * 1024 * 1024, Integer.MAX_VALUE);

    public ChunkLimits {
        if (maxChunkStreams < 1 || maxChunkStreams > CHUNK_STREAM_ID_SPACE) {
            throw new IllegalArgumentException("maxChunkStreams " + maxChunkStreams + " outside 1..65598");
        }
        if (maxMessageLength < 0 || maxMessageLength > MESSAGE_LENGTH_FIELD_MAX) {
            throw new IllegalArgumentException("maxMessageLength " + maxMessageLength + " outside 0..0xFFFFFF");
        }
        if (maxBufferedBytes < 0) {
            throw new IllegalArgumentException("maxBufferedBytes " + maxBufferedBytes + " is negative");
        }
        if (maxMessageStreamId < 0) {
            throw new IllegalArgumentException("maxMessageStreamId " + maxMessageStreamId + " is negative");
        }
    }
}
