package org.netstreamfx.player.rtmp.message;

import org.netstreamfx.player.wire.WireFormatException;

/**
 * Abort Message, type 2 (Adobe RTMP specification 1.0, section 5.4.2): the receiver discards the
 * partly received message on the named chunk stream.
 *
 * @param chunkStreamId the chunk stream whose partial message is dropped, 2..65599
 */
public record Abort(int chunkStreamId) implements ControlMessage {
    /** Body length on the wire. */
    public static final int BODY_LENGTH = ControlBytes.U32_BODY_LENGTH;

    public Abort {
        if (chunkStreamId < RtmpMessage.MIN_CHUNK_STREAM_ID
                || chunkStreamId > RtmpMessage.MAX_CHUNK_STREAM_ID) {
            throw new IllegalArgumentException("chunk stream id " + chunkStreamId + " outside 2..65599");
        }
    }

    /** Parses the 4-byte body; the chunk stream id must be one a chunk header can carry. */
    public static Abort parse(byte[] body) throws WireFormatException {
        long v = ControlBytes.readU32Body("Abort Message body", body);
        if (v < RtmpMessage.MIN_CHUNK_STREAM_ID || v > RtmpMessage.MAX_CHUNK_STREAM_ID) {
            throw WireFormatException.outOfRange("Abort Message chunk stream id", v,
                    "must be 2..65599 (RTMP 5.3.1.1)");
        }
        return new Abort((int) v);
    }

    @Override
    public MessageType messageType() {
        return MessageType.ABORT;
    }

    @Override
    public byte[] encode() {
        return ControlBytes.u32Body(chunkStreamId);
    }
}
