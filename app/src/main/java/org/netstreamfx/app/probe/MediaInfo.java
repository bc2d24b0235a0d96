package org.netstreamfx.app.probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.netstreamfx.player.media.Codec;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.source.SourceDescription;
import org.netstreamfx.player.util.Redact;

/**
 * What is known about a stream: its container, duration and size, each track (codec, profile,
 * level, geometry, frame rate, sample rate, channels, bit rate) and its metadata. {@code nsfx probe}
 * prints it as JSON ({@link #toJson()}); the player's Media information window shows it as
 * rows ({@link #rows()}) and copies it as text ({@link #text()}).
 *
 * <p>Metadata values that are addresses are shown with their password and query values masked
 * ({@link Redact#url}): a server's onMetaData may carry a URL with a token.
 *
 * @param description what the source found when it opened
 * @param bytes       the stream's size in bytes, or a negative number (or 0 for a live stream) when unknown
 * @param metaData    the stream's latest onMetaData (empty when none, or when it is the container's own)
 */
public record MediaInfo(SourceDescription description, long bytes, Map<String, Object> metaData) {
    /** The longest metadata value shown in a row; longer ones are cut with "…". */
    public static final int MAX_VALUE_CHARS = 200;
    /** At most this many metadata rows per section; the rest are counted in one last row. */
    public static final int MAX_METADATA_ROWS = 100;
    /** Nested metadata (objects in arrays in objects…) is followed this deep, no deeper. */
    static final int MAX_DEPTH = 16;
    private static final Pattern ADDRESS = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://.*", Pattern.DOTALL);

    /** One line of the table: the section ("General", "Video", "Audio", "Metadata", "onMetaData"), a name, a value. */
    public record Row(String section, String name, String value) {
    }

    public MediaInfo {
        java.util.Objects.requireNonNull(description, "description");
        metaData = metaData == null ? Map.of() : metaData;
    }

    /** The JSON object {@code nsfx probe} prints: container, duration, bytes, streams, ignoredStreams, metadata. */
    public Map<String, Object> toJson() {
        SourceDescription d = description;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("container", d.container());
        m.put("duration", d.durationUs() < 0 ? null : d.durationUs() / 1e6);
        m.put("bytes", bytes < 0 ? null : bytes);
        List<Map<String, Object>> streams = new ArrayList<>();
        for (TrackFormat t : d.tracks()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("index", t.index());
            s.put("type", t.kind() == TrackKind.VIDEO ? "video" : "audio");
            s.put("codec", t.codec().displayName());
            s.put("fourcc", t.codec().fourCc());
            s.put("profile", t.profile());
            if (t.kind() == TrackKind.VIDEO) {
                s.put("level", t.level());
                s.put("width", t.width());
                s.put("height", t.height());
                s.put("frameRate", Math.round(t.frameRate() * 1000) / 1000.0);
            } else {
                s.put("sampleRate", t.sampleRateHz());
                s.put("channels", t.channels());
            }
            s.put("bitRate", t.bitRateBps() > 0 ? t.bitRateBps() : null);
            streams.add(s);
        }
        m.put("streams", streams);
        m.put("ignoredStreams", d.ignoredTracks());
        m.put("metadata", redacted(d.containerMetadata(), 0));
        return m;
    }

    /** The rows of the Media information table, section by section. */
    public List<Row> rows() {
        SourceDescription d = description;
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("General", "Container", d.container()));
        boolean live = d.durationUs() < 0 && !d.seekable();
        rows.add(new Row("General", "Duration", d.durationUs() >= 0
                ? String.format(Locale.ROOT, "%.3f s", d.durationUs() / 1e6) : live ? "live" : "unknown"));
        if (bytes > 0) {
            rows.add(new Row("General", "Size", String.format(Locale.ROOT, "%,d bytes", bytes)));
        }
        rows.add(new Row("General", "Seekable", d.seekable() ? "yes" : "no"));
        for (String ignored : d.ignoredTracks()) {
            rows.add(new Row("General", "Not played", ignored));
        }
        for (TrackFormat t : d.tracks()) {
            String section = t.kind() == TrackKind.VIDEO ? "Video" : "Audio";
            rows.add(new Row(section, "Codec", t.codec().displayName() + " (" + t.codec().fourCc() + ")"));
            if (!t.profile().isEmpty()) {
                rows.add(new Row(section, "Profile", profileName(t.codec(), t.profile())));
            }
            if (t.kind() == TrackKind.VIDEO) {
                if (!t.level().isEmpty()) {
                    rows.add(new Row(section, "Level", t.level()));
                }
                rows.add(new Row(section, "Resolution", t.width() + "×" + t.height()));
                if (t.frameRate() > 0) {
                    rows.add(new Row(section, "Frame rate", String.format(Locale.ROOT, "%.3f fps", t.frameRate())
                            .replaceAll("\\.?0+ fps$", " fps")));
                }
            } else {
                rows.add(new Row(section, "Sample rate", t.sampleRateHz() + " Hz"));
                rows.add(new Row(section, "Channels", t.channels() == 1 ? "1 (mono)"
                        : t.channels() == 2 ? "2 (stereo)" : String.valueOf(t.channels())));
            }
            if (t.bitRateBps() > 0) {
                rows.add(new Row(section, "Bit rate", String.format(Locale.ROOT, "%.0f kbit/s", t.bitRateBps() / 1000.0)));
            }
        }
        metadataRows(rows, "Metadata", d.containerMetadata());
        if (!metaData.equals(d.containerMetadata())) {
            metadataRows(rows, "onMetaData", metaData);
        }
        return rows;
    }

    /** The rows as plain text: each section's name, then "  name: value" lines. */
    public String text() {
        StringBuilder b = new StringBuilder();
        String section = null;
        for (Row r : rows()) {
            if (!r.section().equals(section)) {
                section = r.section();
                b.append(section).append('\n');
            }
            b.append("  ").append(r.name()).append(": ").append(r.value()).append('\n');
        }
        return b.toString();
    }

    /**
     * A codec profile as people name it: AAC's "LC", "HE-AAC", "HE-AACv2" (as AudioSpecificConfig
     * and FFmpeg name them) read "AAC LC", "HE-AAC", "HE-AAC v2"; other profiles as they are.
     */
    public static String profileName(Codec codec, String profile) {
        if (codec != Codec.AAC) {
            return profile;
        }
        return switch (profile) {
            case "LC" -> "AAC LC";
            case "HE-AAC" -> "HE-AAC";
            case "HE-AACv2" -> "HE-AAC v2";
            case "Main" -> "AAC Main";
            case "LTP" -> "AAC LTP";
            case "SSR" -> "AAC SSR";
            default -> profile;
        };
    }

    private static void metadataRows(List<Row> rows, String section, Map<String, Object> meta) {
        int n = 0;
        for (Map.Entry<String, Object> e : meta.entrySet()) {
            if (n == MAX_METADATA_ROWS) {
                rows.add(new Row(section, "…", (meta.size() - n) + " more"));
                return;
            }
            rows.add(new Row(section, e.getKey(), shown(redacted(e.getValue(), 0))));
            n++;
        }
    }

    private static String shown(Object v) {
        String s;
        if (v instanceof Double dd && dd == Math.rint(dd) && !Double.isInfinite(dd) && Math.abs(dd) < 1e15) {
            s = String.valueOf(dd.longValue());
        } else if (v instanceof List<?> l && l.size() > 8) {
            s = "[" + l.size() + " values]";
        } else {
            s = String.valueOf(v);
        }
        return s.length() > MAX_VALUE_CHARS ? s.substring(0, MAX_VALUE_CHARS) + "…" : s;
    }

    /** {@code v} with every string that is an address masked (password, query values), nested values too. */
    static Object redacted(Object v, int depth) {
        if (v instanceof String s) {
            return ADDRESS.matcher(s).matches() ? Redact.url(s) : s;
        }
        if (depth >= MAX_DEPTH) {
            return v instanceof Map<?, ?> || v instanceof List<?> ? "…" : v;
        }
        if (v instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, x) -> out.put(k, redacted(x, depth + 1)));
            return out;
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object x : list) {
                out.add(redacted(x, depth + 1));
            }
            return out;
        }
        return v;
    }
}
