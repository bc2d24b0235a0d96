package org.netstreamfx.player.rtmp.message;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One complete RTMP message, as re-assembled from chunks (Adobe RTMP specification 1.0, section
 * 5.3.1 chunk format and 6.1 message format).
 *
 * <p>All values are validated by the compact constructor; these checks guard against programmer
 * error, the chunk decoder checks wire values against {@code ChunkLimits} before building one.
 * The payload array is not copied: whoever builds a message hands over the array and must not
 * change it afterwards.
 *
 * @param chunkStreamId chunk stream id, 2..65599 (5.3.1.1)
 * @param type the named type, {@link MessageType#UNKNOWN} for unnamed ids
 * @param typeId raw message type id, 0..255
 * @param timestampMs absolute timestamp in milliseconds, 32-bit unsigned (0..0xFFFFFFFF); RTMP
 *     timestamps wrap around after 2^32 ms (5.3.1.2)
 * @param messageStreamId message stream id, 0..2^31-1 (0 for protocol control messages)
 * @param payload message body, 0..0xFFFFFF bytes
 */
public record RtmpMessage(int chunkStreamId, MessageType type, int typeId, long timestampMs,
        int messageStreamId, byte[] payload) {

    /** Smallest chunk stream id a message can use; 0 and 1 select the 2- and 3-byte forms. */
    public static final int MIN_CHUNK_STREAM_ID = 2;
    /** Largest chunk stream id the 3-byte basic header can carry (65535 + 64). */
    public static final int MAX_CHUNK_STREAM_ID = 65599;
    /** Chunk stream id reserved for protocol control messages (5.4). */
    public static final int CONTROL_CHUNK_STREAM_ID = 2;
    /** Largest message length the 3-byte length field can carry. */
    public static final int MAX_MESSAGE_LENGTH = 0xFFFFFF;
    /** Largest 32-bit unsigned timestamp. */
    public static final long MAX_TIMESTAMP = 0xFFFFFFFFL;

    public RtmpMessage {
        if (chunkStreamId < MIN_CHUNK_STREAM_ID || chunkStreamId > MAX_CHUNK_STREAM_ID) {
            throw new IllegalArgumentException("chunk stream id " + chunkStreamId + " outside 2..65599");
        }
        if (typeId < 0 || typeId > 255) {
            throw new IllegalArgumentException("message type id " + typeId + " outside 0..255");
        }
        if (type != MessageType.fromId(typeId)) {
            throw new IllegalArgumentException("type " + type + " does not match type id " + typeId);
        }
        if (timestampMs < 0 || timestampMs > MAX_TIMESTAMP) {
            throw new IllegalArgumentException("timestamp " + timestampMs + " outside 32 bits");
        }
        if (messageStreamId < 0) {
            throw new IllegalArgumentException("message stream id " + messageStreamId + " is negative");
        }
        if (payload == null || payload.length > MAX_MESSAGE_LENGTH) {
            throw new IllegalArgumentException("payload missing or longer than 0xFFFFFF bytes");
        }
    }

    /** A message of a named type; use the canonical constructor for unknown type ids. */
    public static RtmpMessage of(int chunkStreamId, MessageType type, long timestampMs,
            int messageStreamId, byte[] payload) {
        if (type == MessageType.UNKNOWN) {
            throw new IllegalArgumentException("UNKNOWN has no type id; use the canonical constructor");
        }
        return new RtmpMessage(chunkStreamId, type, type.id(), timestampMs, messageStreamId, payload);
    }

    /** A protocol control message (section 5.4 / 7.1.7) on chunk stream 2, message stream 0. */
    public static RtmpMessage control(ControlMessage control, long timestampMs) {
        return of(CONTROL_CHUNK_STREAM_ID, control.messageType(), timestampMs, 0, control.encode());
    }

    /** The payload length in bytes. */
    public int length() {
        return payload.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RtmpMessage m
                && chunkStreamId == m.chunkStreamId && typeId == m.typeId
                && timestampMs == m.timestampMs && messageStreamId == m.messageStreamId
                && Arrays.equals(payload, m.payload);
    }

    @Override
    public int hashCode() {
        int h = chunkStreamId;
        h = 31 * h + typeId;
        h = 31 * h + Long.hashCode(timestampMs);
        h = 31 * h + messageStreamId;
        return 31 * h + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        int shown = Math.min(payload.length, 16);
        return "RtmpMessage[csid=" + chunkStreamId + ", type=" + type + "(" + typeId + "), ts="
                + timestampMs + ", msid=" + messageStreamId + ", length=" + payload.length
                + ", payload=" + HexFormat.of().formatHex(payload, 0, shown)
                + (shown < payload.length ? "..." : "") + "]";
    }
}
