package org.netstreamfx.player.rtmp.message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * Splits an Aggregate message, type 22 (Adobe RTMP specification 1.0, section 7.1.6), into its
 * sub-messages.
 *
 * <p>The body is a sequence of FLV-tag-like records: type (1 byte), body size (3 bytes),
 * timestamp (3 bytes, then 1 byte holding the upper 8 bits, as in an FLV tag), stream id
 * (3 bytes), body, back pointer (4 bytes, equal to 11 + body size). The specification's figure
 * shows a 4-byte big-endian timestamp; servers write FLV tags, whose 4th timestamp byte is the
 * upper byte, so that layout is used here. As section 7.1.6 says, the sub-message timestamps are
 * offsets: the first sub-message takes the aggregate's timestamp and the others keep their
 * distance to it (modulo 2^32). Sub-messages take the aggregate's chunk stream and message stream
 * ids; the 3-byte stream id inside the record is ignored. Every size is checked against the bytes
 * that remain before it is used, and the number of sub-messages against a named limit.
 */
public final class AggregateMessage {
    /** Length of a sub-message header. */
    public static final int SUB_HEADER_LENGTH = 11;
    /** Length of the back pointer after each sub-message body. */
    public static final int BACK_POINTER_LENGTH = 4;
    /** Default limit on sub-messages per aggregate, used by {@link #split(RtmpMessage)}. */
    public static final int DEFAULT_MAX_SUB_MESSAGES = 10_000;

    private AggregateMessage() {
    }

    /** Splits with {@link #DEFAULT_MAX_SUB_MESSAGES}. */
    public static List<RtmpMessage> split(RtmpMessage aggregate) throws WireFormatException {
        return split(aggregate, DEFAULT_MAX_SUB_MESSAGES);
    }

    /**
     * Splits {@code aggregate} into its sub-messages.
     *
     * @param maxSubMessages the most sub-messages accepted
     * @throws IllegalArgumentException if {@code aggregate} is not of type {@link MessageType#AGGREGATE}
     * @throws WireFormatException if a record is cut short, its back pointer is wrong, it nests an
     *     aggregate, or there are more than {@code maxSubMessages} records
     */
    public static List<RtmpMessage> split(RtmpMessage aggregate, int maxSubMessages)
            throws WireFormatException {
        if (aggregate.type() != MessageType.AGGREGATE) {
            throw new IllegalArgumentException("not an aggregate message: " + aggregate.type());
        }
        byte[] b = aggregate.payload();
        List<RtmpMessage> out = new ArrayList<>();
        long firstTimestamp = -1;
        int pos = 0;
        while (pos < b.length) {
            if (out.size() >= maxSubMessages) {
                throw WireFormatException.overLimit("RTMP aggregate sub-message count",
                        out.size() + 1L, maxSubMessages);
            }
            int remaining = b.length - pos;
            if (remaining < SUB_HEADER_LENGTH) {
                throw WireFormatException.truncated("RTMP aggregate sub-message header",
                        SUB_HEADER_LENGTH, remaining);
            }
            int typeId = b[pos] & 0xFF;
            int size = u24(b, pos + 1);
            long timestamp = u24(b, pos + 4) | ((b[pos + 7] & 0xFFL) << 24);
            if (typeId == MessageType.AGGREGATE.id()) {
                throw WireFormatException.outOfRange("RTMP aggregate sub-message type", typeId,
                        "an aggregate may not contain an aggregate");
            }
            int bodyStart = pos + SUB_HEADER_LENGTH;
            long needed = (long) size + BACK_POINTER_LENGTH;
            if (needed > b.length - bodyStart) {
                throw WireFormatException.truncated("RTMP aggregate sub-message body and back pointer",
                        needed, b.length - bodyStart);
            }
            int bodyEnd = bodyStart + size;
            long backPointer = ControlBytes.u32(b, bodyEnd);
            if (backPointer != SUB_HEADER_LENGTH + size) {
                throw WireFormatException.outOfRange("RTMP aggregate back pointer", backPointer,
                        "must be 11 + body size = " + (SUB_HEADER_LENGTH + size));
            }
            if (firstTimestamp < 0) {
                firstTimestamp = timestamp;
            }
            long ts = (aggregate.timestampMs() + timestamp - firstTimestamp) & 0xFFFFFFFFL;
            out.add(new RtmpMessage(aggregate.chunkStreamId(), MessageType.fromId(typeId), typeId,
                    ts, aggregate.messageStreamId(), Arrays.copyOfRange(b, bodyStart, bodyEnd)));
            pos = bodyEnd + BACK_POINTER_LENGTH;
        }
        return out;
    }

    private static int u24(byte[] b, int off) {
        return ((b[off] & 0xFF) << 16) | ((b[off + 1] & 0xFF) << 8) | (b[off + 2] & 0xFF);
    }
}
