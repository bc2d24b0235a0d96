package org.netstreamfx.app.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.netstreamfx.player.util.Redact;

/**
 * Renders {@link EventLine}s as JSON or as the readable text of {@code nsfx play --events text},
 * and turns engine values into their JSON-ready form. Shared by the command line's
 * {@code EventPrinter} and the session exports, so both print the same lines.
 *
 * <p>Thread-safe: it holds only a {@link JsonText}. No global state: each owner keeps its own
 * instance.
 */
public final class EventLines {
    /** Values nested deeper than this are replaced by a marker rather than walked. */
    static final int MAX_DEPTH = 128;
    static final String TOO_DEEP = "<nested too deeply>";
    /** A URL inside any text: scheme "://" and everything up to white space or a quote. */
    private static final Pattern URL_IN_TEXT = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s\"'<>]+");

    private static final String TRAILING_PUNCTUATION = ".,;:!?)]}";

    private final JsonText json = new JsonText();

    /** Seconds from {@code startNanos} to {@code nanos}, to the millisecond ({@code t} of a line). */
    public static double seconds(long nanos, long startNanos) {
        return Math.round((nanos - startNanos) / 1e6) / 1000.0;
    }

    /** The line as one JSON object, without a line end. */
    public String json(EventLine line) {
        return json(line.fields());
    }

    /** Any value as JSON text; a value Jackson cannot print gives an error object instead of throwing. */
    public String json(Object value) {
        try {
            return json.write(value);
        } catch (JsonProcessingException e) {
            return "{\"type\":\"error\",\"description\":\"unprintable value: "
                    + e.getOriginalMessage().replace("\"", "'") + "\"}";
        }
    }

    /**
     * The line as {@code nsfx play --events text} prints it, without a line end:
     * {@code "   0.410  status  NetStream.Play.Start  Started playing demo.mp4."}.
     */
    public String text(EventLine line) {
        double t = line.t();
        return switch (line.kind()) {
            case STATUS -> String.format(Locale.ROOT, "%8.3f  %-7s %s%s", t, line.level(), line.code(),
                    line.description().isEmpty() ? "" : "  " + line.description());
            case CALLBACK -> String.format(Locale.ROOT, "%8.3f  %-7s %s %s", t, "client", line.type(),
                    json(line.payload()));
            case CONTROL -> String.format(Locale.ROOT, "%8.3f  %-7s %s %s", t, "control", line.code(),
                    json(line.payload()));
            case STATS -> {
                StringBuilder sb = new StringBuilder();
                ((Map<?, ?>) line.payload()).forEach((k, v) -> sb.append(k).append('=').append(v).append(' '));
                yield String.format(Locale.ROOT, "%8.3f  %-7s %s", t, "stats", sb.toString().trim());
            }
        };
    }

    /**
     * Values as JSON sees them: NaN and infinities become null, dates ISO-8601 strings, maps
     * ordered with text keys, lists; other values as they are.
     */
    public static Object plain(Object v) {
        return walk(v, UnaryOperator.identity(), 0);
    }

    /** {@link #plain} with every URL in every string masked by {@link #maskUrls}. */
    public static Object plainMasked(Object v) {
        return walk(v, EventLines::maskUrls, 0);
    }

    /** {@code v} with {@code f} applied to every string in it (map values and list items, at any depth). */
    static Object mapStrings(Object v, UnaryOperator<String> f) {
        return walk(v, f, 0);
    }

    /**
     * Every URL in {@code text} passed through {@link Redact#url}: the password of a
     * {@code user:password@} part and every query value become {@value Redact#MASK}. Text without
     * a URL comes back unchanged.
     */
    public static String maskUrls(String text) {
        if (text == null || text.indexOf("://") < 0) {
            return text;
        }
        Matcher m = URL_IN_TEXT.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String url = m.group();
            int end = url.length();
            while (end > 0 && TRAILING_PUNCTUATION.indexOf(url.charAt(end - 1)) >= 0) {
                end--;   // "see rtmp://host/app?k=v." : the sentence's full stop is not part of the URL
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(Redact.url(url.substring(0, end)) + url.substring(end)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static Object walk(Object v, UnaryOperator<String> f, int depth) {
        if (depth > MAX_DEPTH) {
            return TOO_DEEP;
        }
        if (v instanceof String s) {
            return f.apply(s);
        }
        if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return null;
        }
        if (v instanceof Float x && (x.isNaN() || x.isInfinite())) {
            return null;
        }
        if (v instanceof Instant i) {
            return i.toString();
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            map.forEach((k, val) -> out.put(String.valueOf(k), walk(val, f, depth + 1)));
            return out;
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                out.add(walk(item, f, depth + 1));
            }
            return out;
        }
        return v;
    }
}
