package org.netstreamfx.app.session;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.RtmpControlEvent;

/**
 * One line of a session, in the shape {@code nsfx play --events jsonl} prints and the app exports:
 * the ordered fields of its JSON object, already in their JSON-ready form (see
 * {@link EventLines#plain}) with every URL in every string masked ({@link EventLines#maskUrls}).
 * This record and its factories are the only place where those lines are built.
 *
 * <pre>
 * status    {"t":0.41,"type":"status","code":"NetStream.Play.Start","level":"status","description":"…","details":…}
 * callback  {"t":0.43,"type":"onMetaData","data":{…}}        (any handler name; data as the stream sent it)
 * stats     {"t":1.43,"type":"stats","time":1.0,"bufferLength":3.0,…}   (the sample's fields, in order)
 * control   {"t":2.10,"type":"control","code":"StreamBegin","data":{…}} (raw RTMP control events; app only)
 * </pre>
 *
 * @param kind   what the line reports (a callback may be named "status" by a stream: the kind says which it is)
 * @param fields the JSON object's members, in order, unmodifiable
 */
public record EventLine(Kind kind, Map<String, Object> fields) {

    /** What a line reports. */
    public enum Kind { STATUS, CALLBACK, STATS, CONTROL }

    public EventLine {
        Objects.requireNonNull(kind, "kind");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** A NetStatusEvent at {@code t} seconds. */
    public static EventLine status(double t, NetStatusEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("t", t);
        m.put("type", "status");
        m.put("code", EventLines.maskUrls(e.code()));
        m.put("level", e.level().wireName());
        m.put("description", EventLines.maskUrls(e.description()));
        m.put("details", EventLines.plainMasked(e.details()));
        return new EventLine(Kind.STATUS, m);
    }

    /** A client callback ({@code onMetaData}, {@code onCuePoint}, any other handler) at {@code t} seconds. */
    public static EventLine callback(double t, String handler, Object data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("t", t);
        m.put("type", handler);
        m.put("data", EventLines.plainMasked(data));
        return new EventLine(Kind.CALLBACK, m);
    }

    /** A stats sample's fields at {@code t} seconds. */
    public static EventLine stats(double t, Map<String, ?> sampleFields) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("t", t);
        m.put("type", "stats");
        sampleFields.forEach((k, v) -> m.put(k, EventLines.plainMasked(v)));
        return new EventLine(Kind.STATS, m);
    }

    /** A raw RTMP control event (StreamBegin, SetBufferLength, Acknowledgement, SetChunkSize, …) at {@code t}. */
    public static EventLine control(double t, String event, Object data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("t", t);
        m.put("type", "control");
        m.put("code", event);
        m.put("data", EventLines.plainMasked(data));
        return new EventLine(Kind.CONTROL, m);
    }

    /** What a control event carries as data: which way it went ("in" from the server, "out"), then its fields. */
    public static Map<String, Object> controlData(RtmpControlEvent e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("direction", e.sent() ? "out" : "in");
        data.putAll(e.fields());
        return data;
    }

    /** Seconds since the session started. */
    public double t() {
        return ((Number) fields.get("t")).doubleValue();
    }

    /** "status", "stats", "control" or the handler's name. */
    public String type() {
        return (String) fields.get("type");
    }

    /** The status or control code, or null. */
    public String code() {
        return kind == Kind.STATUS || kind == Kind.CONTROL ? (String) fields.get("code") : null;
    }

    /** "status", "warning" or "error" for status lines, else null. */
    public String level() {
        return kind == Kind.STATUS ? (String) fields.get("level") : null;
    }

    /** The status description, else "". */
    public String description() {
        return kind == Kind.STATUS ? (String) fields.get("description") : "";
    }

    /**
     * What the line carries beyond its name: a status's details, a callback's or control event's
     * data, a stats sample's fields (without t and type).
     */
    public Object payload() {
        return switch (kind) {
            case STATUS -> fields.get("details");
            case CALLBACK, CONTROL -> fields.get("data");
            case STATS -> {
                Map<String, Object> m = new LinkedHashMap<>(fields);
                m.remove("t");
                m.remove("type");
                yield m;
            }
        };
    }

    /** The same line with {@code mask} applied to every string in it (for secrets known to the caller). */
    public EventLine mapStrings(UnaryOperator<String> mask) {
        Map<String, Object> m = new LinkedHashMap<>();
        fields.forEach((k, v) -> m.put(k, EventLines.mapStrings(v, mask)));
        return new EventLine(kind, m);
    }
}
