package org.netstreamfx.app.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The A/V offsets at the output, one per second of the clip: when the beep left the sound server
 * minus when the flash of the same second reached the video sink. Positive: the sound is late.
 *
 * @param seconds     the pairs, in order
 * @param beepsHeard  beep onsets found in the recording
 * @param flashesSeen flashes that reached the video sink
 */
public record AvSyncOffsets(List<Pair> seconds, int beepsHeard, int flashesSeen) {

    /** One second: the media second, and the offset in milliseconds. */
    public record Pair(int second, double offsetMs) {}

    public AvSyncOffsets {
        seconds = List.copyOf(seconds);
    }

    /** The median of |offset|, in milliseconds (NaN without pairs). */
    public double medianAbsMs() {
        return percentile(abs(), 50);
    }

    /** The 95th percentile of |offset| (nearest rank), in milliseconds (NaN without pairs). */
    public double p95AbsMs() {
        return percentile(abs(), 95);
    }

    /** The median of the signed offsets: which way the sound leans, in milliseconds. */
    public double medianSignedMs() {
        return percentile(seconds.stream().map(Pair::offsetMs).toList(), 50);
    }

    private List<Double> abs() {
        return seconds.stream().map(p -> Math.abs(p.offsetMs())).toList();
    }

    /** Nearest-rank percentile; the median of an even count is the mean of the middle two. */
    static double percentile(List<Double> values, int pct) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        int n = s.size();
        if (pct == 50 && n % 2 == 0) {
            return (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
        }
        int rank = (int) Math.ceil(pct / 100.0 * n);
        return s.get(Math.max(0, Math.min(n, rank) - 1));
    }

    /** As lines a child process prints and {@link #parse} reads back: {@code pair SECOND MS}, then {@code counts BEEPS FLASHES}. */
    public List<String> toLines() {
        List<String> lines = new ArrayList<>();
        for (Pair p : seconds) {
            lines.add(String.format(Locale.ROOT, "pair %d %.3f", p.second(), p.offsetMs()));
        }
        lines.add("counts " + beepsHeard + " " + flashesSeen);
        return lines;
    }

    /** Reads what {@link #toLines} wrote; other lines are ignored. */
    public static AvSyncOffsets parse(List<String> lines) {
        List<Pair> pairs = new ArrayList<>();
        int[] counts = null;
        for (String line : lines) {
            String[] f = line.trim().split(" ");
            if (f.length == 3 && f[0].equals("pair")) {
                pairs.add(new Pair(Integer.parseInt(f[1]), Double.parseDouble(f[2])));
            } else if (f.length == 3 && f[0].equals("counts")) {
                counts = new int[] {Integer.parseInt(f[1]), Integer.parseInt(f[2])};
            }
        }
        if (counts == null) {
            throw new IllegalArgumentException("no counts line in " + lines);
        }
        return new AvSyncOffsets(pairs, counts[0], counts[1]);
    }

    /** One line per second and the summary, for test logs and the bench. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        for (Pair p : seconds) {
            b.append(String.format(Locale.ROOT, "  second %2d: %+7.1f ms%n", p.second(), p.offsetMs()));
        }
        b.append(String.format(Locale.ROOT, "  %d pairs (%d beeps heard, %d flashes seen): median |offset| %.1f ms, "
                + "p95 |offset| %.1f ms, signed median %+.1f ms (+ = sound late)", seconds.size(), beepsHeard,
                flashesSeen, medianAbsMs(), p95AbsMs(), medianSignedMs()));
        return b.toString();
    }
}
