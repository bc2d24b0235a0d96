package org.netstreamfx.testkit.sound;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How late a {@link MonitorRecording} puts a sound: clicks written one by one into a
 * {@code pacat} stream with a {@value #PACAT_LATENCY_MS} ms latency, each stamped with
 * {@link System#nanoTime()} just before it is written, are found in a recording of the same
 * sink; a click's recorded time ({@link MonitorRecording.Recorded#nanosOf}) minus its write time
 * is one figure. A click cannot leave the sink before it is written, and leaves it at most about
 * {@value #PACAT_LATENCY_MS} ms plus one of the sink's blocks later, so the recorder's own
 * latency is the median figure minus that path, which is small and not known more exactly.
 *
 * <p>Thread ownership: {@link #measure} blocks its caller for about {@code clicks} × {@value
 * #GAP_MS} ms.
 */
public final class RecorderCalibration {
    /** pacat's requested latency: the most a written click waits before the sink plays it. */
    public static final int PACAT_LATENCY_MS = 5;
    /** Recorded time between clicks (so each one is an onset after quiet). */
    static final int GAP_MS = 250;
    static final int CLICK_MS = 20;
    static final int PAD_MS = 30;
    static final int ONSET_LEVEL = 1638;
    static final int SAMPLE_RATE_HZ = 48_000;
    /** How long pacat may take to drain and exit once its input ends. */
    static final long PACAT_EXIT_MS = 3_000;

    /**
     * The figures of one calibration.
     *
     * @param delaysMs recorded time minus write time, one per click found, in milliseconds
     */
    public record Result(List<Double> delaysMs) {
        public Result {
            delaysMs = List.copyOf(delaysMs);
        }

        public double medianMs() {
            List<Double> s = new ArrayList<>(delaysMs);
            Collections.sort(s);
            int n = s.size();
            return n == 0 ? Double.NaN : n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
        }

        public double minMs() {
            return delaysMs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }

        public double maxMs() {
            return delaysMs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "recorded - written: median %.2f ms (%.2f to %.2f ms, %d clicks: %s)",
                    medianMs(), minMs(), maxMs(), delaysMs.size(), delaysMs.stream()
                            .map(d -> String.format(Locale.ROOT, "%.1f", d)).toList());
        }
    }

    private RecorderCalibration() {
    }

    /** Calibrates against {@code server}'s default sink. */
    public static Result measure(SoundServer server, int clicks) throws IOException, InterruptedException {
        return measure(server.environment(), SoundServer.SINK, clicks);
    }

    /** Calibrates against {@code sink} of the server that {@code environment} names. */
    public static Result measure(Map<String, String> environment, String sink, int clicks)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("pacat", "--playback", "-d", sink, "--format=s16le",
                "--rate=" + SAMPLE_RATE_HZ, "--channels=2", "--latency-msec=" + PACAT_LATENCY_MS, "--raw")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(environment);
        byte[] click = click();
        long[] writtenNanos = new long[clicks];
        MonitorRecording.Recorded recorded;
        try (MonitorRecording rec = MonitorRecording.start(environment, sink + ".monitor", SAMPLE_RATE_HZ)) {
            Process pacat = pb.start();
            try (OutputStream in = pacat.getOutputStream()) {
                long gapFrames = (long) SAMPLE_RATE_HZ * GAP_MS / 1000;
                rec.awaitFrames(gapFrames, 10_000);
                for (int i = 0; i < clicks; i++) {
                    long from = rec.frames();
                    writtenNanos[i] = System.nanoTime();
                    in.write(click);
                    in.flush();
                    rec.awaitFrames(from + gapFrames, 10_000);
                }
            } finally {
                // Its stdin is closed: pacat drains its stream and leaves the server as any player
                // does (killed, it would leave the sink to notice a dead client).
                if (!pacat.waitFor(PACAT_EXIT_MS, TimeUnit.MILLISECONDS)) {
                    pacat.destroy();
                    pacat.waitFor(5, TimeUnit.SECONDS);
                }
            }
            recorded = rec.stop();
        }
        List<Integer> onsets = recorded.onsets(ONSET_LEVEL, GAP_MS / 2);
        List<Double> delays = new ArrayList<>();
        for (long written : writtenNanos) {
            for (int onset : onsets) {
                double ms = (recorded.nanosOf(onset) - written) / 1e6;
                if (ms > -GAP_MS / 2.0 && ms < GAP_MS / 2.0) {
                    delays.add(ms);
                    break;
                }
            }
        }
        if (delays.size() < clicks / 2 + 1) {
            throw new IOException("only " + delays.size() + " of " + clicks + " calibration clicks were recorded");
        }
        return new Result(delays);
    }

    /** {@value #CLICK_MS} ms of a half-scale 1 kHz tone, then {@value #PAD_MS} ms of silence, stereo. */
    private static byte[] click() {
        int clickFrames = SAMPLE_RATE_HZ * CLICK_MS / 1000;
        int frames = clickFrames + SAMPLE_RATE_HZ * PAD_MS / 1000;
        ByteBuffer b = ByteBuffer.allocate(frames * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            short s = i < clickFrames ? (short) (16384 * Math.sin(2 * Math.PI * 1000.0 * i / SAMPLE_RATE_HZ)) : 0;
            b.putShort(s).putShort(s);
        }
        return b.array();
    }
}
