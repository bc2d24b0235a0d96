package org.netstreamfx.player.rtmp.message;

import java.util.Arrays;
import java.util.HexFormat;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * User Control Message events, message type 4 (Adobe RTMP specification 1.0, section 7.1.7).
 * The body is a 2-byte event type followed by event data; every known event checks that the
 * body holds its data before reading it. Event types the specification does not define (for
 * example the 31/32 buffer-empty/ready events some servers send) become {@link Unknown}.
 */
public sealed interface UserControl extends ControlMessage {

    /** Length of the event type field. */
    int EVENT_TYPE_LENGTH = 2;

    /** The event types of section 7.1.7. */
    enum EventType {
        STREAM_BEGIN(0, "StreamBegin", 4),
        STREAM_EOF(1, "StreamEOF", 4),
        STREAM_DRY(2, "StreamDry", 4),
        SET_BUFFER_LENGTH(3, "SetBufferLength", 8),
        STREAM_IS_RECORDED(4, "StreamIsRecorded", 4),
        PING_REQUEST(6, "PingRequest", 4),
        PING_RESPONSE(7, "PingResponse", 4);

        private final int id;
        private final String specName;
        private final int dataLength;

        EventType(int id, String specName, int dataLength) {
            this.id = id;
            this.specName = specName;
            this.dataLength = dataLength;
        }

        /** The 16-bit wire value. */
        public int id() {
            return id;
        }

        /** Length of the event data after the event type. */
        public int dataLength() {
            return dataLength;
        }

        /** The event type for a wire value, or null if the specification does not define it. */
        static EventType fromId(int id) {
            for (EventType t : values()) {
                if (t.id == id) {
                    return t;
                }
            }
            return null;
        }
    }

    /** The 16-bit event type as on the wire. */
    int eventTypeId();

    @Override
    default MessageType messageType() {
        return MessageType.USER_CONTROL;
    }

    /** Parses a User Control body, checking it holds the event's data. */
    static UserControl parse(byte[] body) throws WireFormatException {
        ControlBytes.require("User Control event type", body, EVENT_TYPE_LENGTH);
        int typeId = ControlBytes.u16(body, 0);
        EventType type = EventType.fromId(typeId);
        if (type == null) {
            return new Unknown(typeId, Arrays.copyOfRange(body, EVENT_TYPE_LENGTH, body.length));
        }
        ControlBytes.require("User Control " + type.specName + " body", body,
                EVENT_TYPE_LENGTH + type.dataLength);
        int d = EVENT_TYPE_LENGTH;
        String idField = "User Control " + type.specName + " stream id";
        return switch (type) {
            case STREAM_BEGIN -> new StreamBegin(ControlBytes.streamId(idField, body, d));
            case STREAM_EOF -> new StreamEof(ControlBytes.streamId(idField, body, d));
            case STREAM_DRY -> new StreamDry(ControlBytes.streamId(idField, body, d));
            case SET_BUFFER_LENGTH -> new SetBufferLength(ControlBytes.streamId(idField, body, d),
                    ControlBytes.u32(body, d + 4));
            case STREAM_IS_RECORDED -> new StreamIsRecorded(ControlBytes.streamId(idField, body, d));
            case PING_REQUEST -> new PingRequest(ControlBytes.u32(body, d));
            case PING_RESPONSE -> new PingResponse(ControlBytes.u32(body, d));
        };
    }

    private static byte[] event(EventType type, long first) {
        byte[] b = new byte[EVENT_TYPE_LENGTH + type.dataLength];
        ControlBytes.putU16(b, 0, type.id);
        ControlBytes.putU32(b, EVENT_TYPE_LENGTH, first);
        return b;
    }

    private static void checkStreamId(int streamId) {
        if (streamId < 0) {
            throw new IllegalArgumentException("stream id " + streamId + " is negative");
        }
    }

    /** Event 0: the stream became functional. */
    record StreamBegin(int streamId) implements UserControl {
        public StreamBegin {
            checkStreamId(streamId);
        }

        @Override
        public int eventTypeId() {
            return EventType.STREAM_BEGIN.id;
        }

        @Override
        public byte[] encode() {
            return event(EventType.STREAM_BEGIN, streamId);
        }
    }

    /** Event 1: playback of the stream is over. */
    record StreamEof(int streamId) implements UserControl {
        public StreamEof {
            checkStreamId(streamId);
        }

        @Override
        public int eventTypeId() {
            return EventType.STREAM_EOF.id;
        }

        @Override
        public byte[] encode() {
            return event(EventType.STREAM_EOF, streamId);
        }
    }

    /** Event 2: no more data on the stream for now. */
    record StreamDry(int streamId) implements UserControl {
        public StreamDry {
            checkStreamId(streamId);
        }

        @Override
        public int eventTypeId() {
            return EventType.STREAM_DRY.id;
        }

        @Override
        public byte[] encode() {
            return event(EventType.STREAM_DRY, streamId);
        }
    }

    /** Event 3: the client's buffer length for a stream, in milliseconds (32-bit unsigned). */
    record SetBufferLength(int streamId, long bufferLengthMs) implements UserControl {
        public SetBufferLength {
            checkStreamId(streamId);
            ControlBytes.checkU32("buffer length", bufferLengthMs);
        }

        @Override
        public int eventTypeId() {
            return EventType.SET_BUFFER_LENGTH.id;
        }

        @Override
        public byte[] encode() {
            byte[] b = event(EventType.SET_BUFFER_LENGTH, streamId);
            ControlBytes.putU32(b, EVENT_TYPE_LENGTH + 4, bufferLengthMs);
            return b;
        }
    }

    /** Event 4: the stream is a recorded stream. */
    record StreamIsRecorded(int streamId) implements UserControl {
        public StreamIsRecorded {
            checkStreamId(streamId);
        }

        @Override
        public int eventTypeId() {
            return EventType.STREAM_IS_RECORDED.id;
        }

        @Override
        public byte[] encode() {
            return event(EventType.STREAM_IS_RECORDED, streamId);
        }
    }

    /** Event 6: the server asks whether the client is reachable; answer with PingResponse. */
    record PingRequest(long timestamp) implements UserControl {
        public PingRequest {
            ControlBytes.checkU32("ping timestamp", timestamp);
        }

        @Override
        public int eventTypeId() {
            return EventType.PING_REQUEST.id;
        }

        @Override
        public byte[] encode() {
            return event(EventType.PING_REQUEST, timestamp);
        }

        /** The response carrying the same timestamp. */
        public PingResponse response() {
            return new PingResponse(timestamp);
        }
    }

    /** Event 7: the answer to a PingRequest, echoing its timestamp. */
    record PingResponse(long timestamp) implements UserControl {
        public PingResponse {
            ControlBytes.checkU32("ping timestamp", timestamp);
        }

        @Override
        public int eventTypeId() {
            return EventType.PING_RESPONSE.id;
        }

        @Override
        public byte[] encode() {
            return event(EventType.PING_RESPONSE, timestamp);
        }
    }

    /** An event type section 7.1.7 does not define, kept with its raw data. */
    record Unknown(int eventType, byte[] data) implements UserControl {
        public Unknown {
            if (eventType < 0 || eventType > 0xFFFF || EventType.fromId(eventType) != null) {
                throw new IllegalArgumentException("event type " + eventType + " is not an unknown 16-bit type");
            }
            if (data == null) {
                throw new IllegalArgumentException("data missing");
            }
        }

        @Override
        public int eventTypeId() {
            return eventType;
        }

        @Override
        public byte[] encode() {
            byte[] b = new byte[EVENT_TYPE_LENGTH + data.length];
            ControlBytes.putU16(b, 0, eventType);
            System.arraycopy(data, 0, b, EVENT_TYPE_LENGTH, data.length);
            return b;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Unknown u && u.eventType == eventType && Arrays.equals(u.data, data);
        }

        @Override
        public int hashCode() {
            return 31 * eventType + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Unknown[eventType=" + eventType + ", data=" + HexFormat.of().formatHex(data) + "]";
        }
    }
}
