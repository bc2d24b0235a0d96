package org.netstreamfx.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netstreamfx.player.net.NetStatusEvent;

/**
 * Prints the session as JSON lines (or text): status events, client callbacks and stats. The
 * shape is the one {@code nsfx play --events jsonl} documents, and the desktop app exports.
 *
 * <p>Thread ownership: called on the connection's callback thread only.
 */
public final class EventPrinter {
    private final ObjectMapper json = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private final PrintStream out;
    private final EventFormat format;
    private final long startNanos;

    public EventPrinter(PrintStream out, EventFormat format, long startNanos) {
        this.out = out;
        this.format = format;
        this.startNanos = startNanos;
        toJson(Map.of("warm", List.of(1.0, "up"))); // first use of Jackson is slow: not while events flow
    }

    public double secondsSinceStart(long nanos) {
        return Math.round((nanos - startNanos) / 1e6) / 1000.0;
    }

    public void status(NetStatusEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("t", secondsSinceStart(e.monotonicNanos()));
        m.put("type", "status");
        m.put("code", e.code());
        m.put("level", e.level().wireName());
        m.put("description", e.description());
        m.put("details", plain(e.details()));
        if (format == EventFormat.text) {
            out.printf("%8.3f  %-7s %s%s%n", m.get("t"), e.level().wireName(), e.code(),
                    e.description().isEmpty() ? "" : "  " + e.description());
        } else {
            line(m);
        }
    }

    public void callback(String type, Object data, long nanos) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("t", secondsSinceStart(nanos));
        m.put("type", type);
        m.put("data", plain(data));
        if (format == EventFormat.text) {
            out.printf("%8.3f  %-7s %s %s%n", m.get("t"), "client", type, toJson(plain(data)));
        } else {
            line(m);
        }
    }

    public void stats(Map<String, Object> fields, long nanos) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("t", secondsSinceStart(nanos));
        m.put("type", "stats");
        m.putAll(fields);
        if (format == EventFormat.text) {
            StringBuilder sb = new StringBuilder();
            fields.forEach((k, v) -> sb.append(k).append('=').append(v).append(' '));
            out.printf("%8.3f  %-7s %s%n", m.get("t"), "stats", sb.toString().trim());
        } else {
            line(m);
        }
    }

    /** Any other object, printed as one line (used by probe). */
    public void object(Object o) {
        out.println(toJson(plain(o)));
        out.flush();
    }

    private void line(Map<String, Object> m) {
        out.println(toJson(m));
        out.flush();
    }

    private String toJson(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            return "{\"type\":\"error\",\"description\":\"unprintable value: " + e.getOriginalMessage() + "\"}";
        }
    }

    /** Values as JSON sees them: NaN and infinities become null, dates ISO strings. */
    static Object plain(Object v) {
        if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return null;
        }
        if (v instanceof Instant i) {
            return i.toString();
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, val) -> out.put(String.valueOf(k), plain(val)));
            return out;
        }
        if (v instanceof List<?> list) {
            return list.stream().map(EventPrinter::plain).toList();
        }
        return v;
    }
}
