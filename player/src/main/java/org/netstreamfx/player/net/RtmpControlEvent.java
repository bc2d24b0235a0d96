package org.netstreamfx.player.net;

import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.netstreamfx.player.rtmp.message.ControlMessage;
import org.netstreamfx.player.rtmp.message.UserControl;

/**
 * One raw RTMP protocol control message or User Control event, sent or received on a
 * connection (Adobe RTMP specification 1.0, sections 5.4 and 7.1.7): Set Chunk Size, Abort,
 * Acknowledgement, Window Acknowledgement Size, Set Peer Bandwidth, StreamBegin, StreamEOF,
 * StreamDry, SetBufferLength, StreamIsRecorded, PingRequest and PingResponse. Testers watch them
 * next to the NetStatus events; the engine acts on them whether anyone watches or not.
 *
 * @param name      the message's name as in the specification, without spaces: "SetChunkSize",
 *                  "StreamBegin", "SetBufferLength", …
 * @param sent      true for what this client sent, false for what the server sent
 * @param fields    the message's fields by name (e.g. streamId, bufferLengthMs, size), read-only
 * @param nanoTime  when it was sent or received, on the connection's time source
 */
public record RtmpControlEvent(String name, boolean sent, Map<String, Object> fields, long nanoTime) {

    public RtmpControlEvent {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The event for {@code message}, its fields read from the record's components. */
    public static RtmpControlEvent of(ControlMessage message, boolean sent, long nanoTime) {
        Map<String, Object> fields = new LinkedHashMap<>();
        String name = message.getClass().getSimpleName();
        if (message instanceof UserControl.Unknown u) {
            name = "UserControl";
            fields.put("eventType", u.eventType());
            fields.put("bytes", u.data().length);
        } else if (message.getClass().isRecord()) {
            for (RecordComponent c : message.getClass().getRecordComponents()) {
                try {
                    Object v = c.getAccessor().invoke(message);
                    fields.put(c.getName(), v instanceof Enum<?> e ? e.name() : v);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + c.getName() + " of " + name, e);
                }
            }
        }
        if (name.equals("StreamEof")) {
            name = "StreamEOF";
        }
        return new RtmpControlEvent(name, sent, fields, nanoTime);
    }

    /** "in StreamBegin streamId=1" or "out SetBufferLength streamId=1 bufferLengthMs=100". */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(sent ? "out " : "in ").append(name);
        fields.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
        return b.toString();
    }
}
