package org.netstreamfx.app.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.netstreamfx.testkit.sound.MonitorRecording;

/**
 * A/V sync at the output: plays the {@link AvSyncClip} in real time through the engine as a user
 * would ({@code NetConnection.connect(null)}, a {@code NetStream} with its default audio sink,
 * Java Sound) while the sound server's output is recorded from its monitor; pairs each second's
 * beep, as it left the sound server, with that second's flash, as it reached the video sink.
 *
 * <p>The Java Sound of this JVM must reach the sound server that {@code recorder} records (in
 * tests, the build points it at the test sound server; the bench runs this in a child JVM).
 *
 * <p>Thread ownership: {@link #run} blocks its caller until the clip has played; the engine's
 * threads feed the {@link FlashSink}.
 */
public final class AvSyncMeasurement {
    /** Onset threshold: a tenth of the beep's half-scale amplitude, far above AAC's noise. */
    static final int ONSET_LEVEL = 1638;
    /** Quiet before an onset: longer than any gap inside a beep, shorter than the gap between beeps. */
    static final int ONSET_QUIET_MS = 300;
    /** A beep pairs with a flash when it starts less than this far from it. */
    static final long PAIR_WINDOW_NANOS = 450_000_000L;
    /** Flash's default bufferTime, as a user's stream would have. */
    static final double BUFFER_TIME_S = 0.1;
    /** How long the recording goes on after Play.Complete (the last beep's tail in the server). */
    static final int TAIL_MS = 400;

    /** Starts a recording of the sound server's output. */
    @FunctionalInterface
    public interface Recorder {
        MonitorRecording start() throws IOException;
    }

    private AvSyncMeasurement() {
    }

    /**
     * Plays {@code clip} ({@code seconds} long) and returns the offsets of every second from
     * {@code firstSecond} on.
     *
     * @param recorderLatencyNanos the recorder's own latency, subtracted from the beep times (see
     *                             docs/PERFORMANCE.md, "A/V sync at the output")
     */
    public static AvSyncOffsets run(Path clip, int seconds, int firstSecond, Recorder recorder,
            long recorderLatencyNanos) throws IOException, InterruptedException {
        FlashSink flashSink = new FlashSink();
        MonitorRecording.Recorded recorded;
        try (MonitorRecording rec = recorder.start();
                EnginePlayback playback = new EnginePlayback(false, BUFFER_TIME_S, true)) {
            playback.observe(flashSink::render);
            rec.awaitFrames(1, 5_000); // parec is up: the first beep will be heard
            playback.start(clip.toString());
            try {
                playback.awaitCompleteSeconds((seconds + 30) * 1000L);
            } catch (IllegalStateException e) {
                throw new IllegalStateException("the A/V sync clip did not play with sound: " + e.getMessage(), e);
            }
            rec.awaitFrames(rec.frames() + (long) AvSyncClip.SAMPLE_RATE_HZ * TAIL_MS / 1000, 5_000);
            recorded = rec.stop();
        }
        return pair(flashSink.flashes(), recorded, firstSecond, recorderLatencyNanos);
    }

    /** Pairs each flash from {@code firstSecond} on with the beep onset nearest to it. */
    static AvSyncOffsets pair(List<FlashSink.Flash> flashes, MonitorRecording.Recorded recorded, int firstSecond,
            long recorderLatencyNanos) {
        List<Long> beeps = new ArrayList<>();
        for (int onset : recorded.onsets(ONSET_LEVEL, ONSET_QUIET_MS)) {
            beeps.add(recorded.nanosOf(onset) - recorderLatencyNanos);
        }
        List<AvSyncOffsets.Pair> pairs = new ArrayList<>();
        for (FlashSink.Flash f : flashes) {
            int second = (int) Math.round(f.ptsUs() / 1e6);
            if (second < firstSecond) {
                continue;
            }
            Long nearest = null;
            for (long b : beeps) {
                if (nearest == null || Math.abs(b - f.arrivalNanos()) < Math.abs(nearest - f.arrivalNanos())) {
                    nearest = b;
                }
            }
            if (nearest != null && Math.abs(nearest - f.arrivalNanos()) < PAIR_WINDOW_NANOS) {
                pairs.add(new AvSyncOffsets.Pair(second, (nearest - f.arrivalNanos()) / 1e6));
            }
        }
        return new AvSyncOffsets(pairs, beeps.size(), flashes.size());
    }
}
