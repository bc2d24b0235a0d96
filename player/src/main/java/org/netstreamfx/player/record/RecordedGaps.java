package org.netstreamfx.player.record;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The gaps of a recording (a reconnect: nothing received while the connection was down, or, when
 * publishing, nothing sent), kept in the file's metadata as the {@code gaps} tag: a JSON array,
 * space-padded to {@link #FIELD_BYTES} so it is reserved when the file starts and overwritten in
 * place at each gap (a recording killed later still says where its gaps were):
 *
 * <pre>
 * gaps = [{"start":12.480,"duration":3.020,"reason":"reconnect","media":"missing"}]␠␠␠…
 * </pre>
 *
 * {@code start} and {@code duration} are seconds on the file's timeline; {@code media} is
 * {@code missing} when the file has nothing in the gap (what plays: the file's timeline jumps by
 * the wall-clock time the stream was away, so its duration is true) or {@code kept} when the file
 * has it but the audience did not (what is published is recorded as captured). ffprobe shows it
 * ({@code ffprobe -show_entries format_tags=gaps}): in FLV it is a string of onMetaData, in
 * fragmented MP4 an {@code mdta} key of the 'moov' metadata. Once the field is full, later gaps are
 * counted in a last entry {@code {"more":N}}.
 *
 * <p>Thread ownership: the recorder's, under its lock.
 */
public final class RecordedGaps {
    /** The metadata key. */
    public static final String KEY = "gaps";
    /** The reserved size of the value; under FFmpeg's 1024-byte limit for an FLV metadata string. */
    public static final int FIELD_BYTES = 960;
    /** What the field holds before any gap. */
    static final String EMPTY = pad("[]");

    /** One gap: {@code startUs} and {@code lengthUs} on the file's timeline. */
    public record Gap(long startUs, long lengthUs, String reason, boolean mediaKept) {
        String json() {
            return String.format(Locale.ROOT, "{\"start\":%.3f,\"duration\":%.3f,\"reason\":\"%s\",\"media\":\"%s\"}",
                    startUs / 1e6, lengthUs / 1e6, reason, mediaKept ? "kept" : "missing");
        }
    }

    private final List<Gap> gaps = new ArrayList<>();

    void add(Gap g) {
        gaps.add(g);
    }

    List<Gap> list() {
        return List.copyOf(gaps);
    }

    /** The field's bytes now: the JSON array, as many gaps as fit, padded with spaces. */
    byte[] field() {
        return pad(json()).getBytes(StandardCharsets.US_ASCII);
    }

    String json() {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < gaps.size(); i++) {
            String next = (i == 0 ? "" : ",") + gaps.get(i).json();
            int left = gaps.size() - i;
            String more = (i == 0 ? "" : ",") + "{\"more\":" + left + "}";
            if (b.length() + next.length() + more.length() + 1 > FIELD_BYTES) {
                b.append(more);
                break;
            }
            b.append(next);
        }
        return b.append(']').toString();
    }

    static String pad(String json) {
        if (json.length() > FIELD_BYTES) {
            throw new IllegalStateException("gaps field of " + json.length() + " bytes, over " + FIELD_BYTES);
        }
        return json + " ".repeat(FIELD_BYTES - json.length());
    }

    /** Where the reserved field starts in {@code bytes} (the file's first bytes), or -1. */
    static int find(byte[] bytes) {
        byte[] needle = EMPTY.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
