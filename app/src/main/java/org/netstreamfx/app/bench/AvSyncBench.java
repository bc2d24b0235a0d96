package org.netstreamfx.app.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.netstreamfx.testkit.sound.MonitorRecording;
import org.netstreamfx.testkit.sound.RecorderCalibration;
import org.netstreamfx.testkit.sound.SoundServer;

/**
 * A/V sync at the output ({@code avsync.*}): the {@link AvSyncClip} played in real time by the
 * engine with its default audio sink (Java Sound) into a private sound server that this bench
 * starts (testkit's {@link SoundServer}, a null sink paced like a sound card), measured by
 * {@link AvSyncMeasurement}: each second, when the beep left the server minus when the flash
 * reached the video sink.
 *
 * <p>The player runs in a child JVM (this class's {@link #main}) given the server's environment:
 * Java Sound finds its device through {@code ALSA_CONFIG_PATH} and {@code PULSE_SERVER}, which a
 * running JVM cannot change for itself. Before each run the recorder is calibrated
 * ({@link RecorderCalibration}) and the calibration subtracted.
 *
 * <p>No ffmpeg side: this ffmpeg has no player (Debian's ffplay is not installed) and an
 * {@code ffmpeg -re … -f pulse} pipeline keeps no A/V clock, so its offset would be its buffer
 * settings, not a player's sync (docs/PERFORMANCE.md).
 */
final class AvSyncBench {
    static final int CALIBRATION_CLICKS = 6;
    /** Second 0 has no flash: the engine drops the frames it is late for while the device starts. */
    static final int FIRST_SECOND = 1;

    private AvSyncBench() {
    }

    static void run(BenchConfig config, BenchReport report) throws Exception {
        int seconds = config.avsyncSeconds();
        Path clip = AvSyncClip.make(Procs.tool("ffmpeg"), config.workDir().resolve("avsync.mp4"), seconds, 0);
        List<Double> medians = new ArrayList<>();
        List<Double> p95s = new ArrayList<>();
        List<Double> signed = new ArrayList<>();
        List<Double> calibrations = new ArrayList<>();
        List<List<Double>> offsets = new ArrayList<>();
        try (SoundServer server = SoundServer.startPrivate()) {
            for (int run = 0; run < config.runs(); run++) {
                RecorderCalibration.Result c = RecorderCalibration.measure(server, CALIBRATION_CLICKS);
                AvSyncOffsets o = playInChild(server, clip, seconds, Math.round(c.medianMs() * 1e6), config.workDir());
                if (o.seconds().isEmpty()) {
                    throw new IllegalStateException("no second of the A/V sync clip could be paired:\n" + o.describe());
                }
                calibrations.add(c.medianMs());
                medians.add(o.medianAbsMs());
                p95s.add(o.p95AbsMs());
                signed.add(o.medianSignedMs());
                offsets.add(o.seconds().stream().map(p -> Math.round(p.offsetMs() * 10) / 10.0).toList());
            }
        }
        report.add("avsync.output.median", "ms", medians);
        report.add("avsync.output.p95", "ms", p95s);
        report.add("avsync.output.signedMedian", "ms", signed);
        report.add("avsync.recorder.calibration", "ms", calibrations);
        report.note("avsyncOffsetsMsPerSecondFrom" + FIRST_SECOND, offsets);
    }

    /** Plays the clip in a child JVM whose Java Sound reaches {@code server}; its offsets. */
    private static AvSyncOffsets playInChild(SoundServer server, Path clip, int seconds, long recorderLatencyNanos,
            Path workDir) throws IOException, InterruptedException {
        Path err = Files.createTempFile(workDir, "avsync-", ".log");
        ProcessBuilder pb = new ProcessBuilder(Procs.childJava(AvSyncBench.class.getName(), List.of(clip.toString(),
                String.valueOf(seconds), String.valueOf(FIRST_SECOND), String.valueOf(recorderLatencyNanos))))
                .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(server.environment());
        Process child = pb.start();
        try {
            String out;
            try (InputStream in = child.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!child.waitFor(seconds + 60L, TimeUnit.SECONDS) || child.exitValue() != 0) {
                throw new IOException("the A/V sync player failed: " + out + "\n" + Procs.tail(err));
            }
            return AvSyncOffsets.parse(out.lines().toList());
        } finally {
            Procs.stop(child, 3000);
            Files.deleteIfExists(err);
        }
    }

    /**
     * The child player: {@code CLIP SECONDS FIRST_SECOND RECORDER_LATENCY_NS}; plays the clip into
     * the sound server that {@code PULSE_SERVER} names, records its default sink's monitor, prints
     * the offsets ({@link AvSyncOffsets#toLines}) and exits.
     */
    public static void main(String[] args) throws Exception {
        int status = 1;
        try {
            AvSyncOffsets o = AvSyncMeasurement.run(Path.of(args[0]), Integer.parseInt(args[1]),
                    Integer.parseInt(args[2]), () -> MonitorRecording.start(System.getenv(),
                            SoundServer.SINK + ".monitor", AvSyncClip.SAMPLE_RATE_HZ), Long.parseLong(args[3]));
            o.toLines().forEach(System.out::println);
            status = 0;
        } finally {
            System.out.flush();
            System.exit(status); // the engine's threads must not keep the child alive
        }
    }
}
