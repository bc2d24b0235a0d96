package org.netstreamfx.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.netstreamfx.capture.device.CaptureClock;
import org.netstreamfx.capture.device.DeviceException;
import org.netstreamfx.capture.device.TestCamera;
import org.netstreamfx.capture.device.VideoCapture;
import org.netstreamfx.capture.device.VideoFormat;
import org.netstreamfx.capture.device.VideoFrame;
import org.netstreamfx.capture.device.VideoFrameListener;
import org.netstreamfx.capture.encode.EncoderException;
import org.netstreamfx.capture.encode.H264Encoder;
import org.netstreamfx.capture.encode.H264Settings;

/**
 * Item 6: CPU per encoded frame of our publisher against the ffmpeg program of the same FFmpeg
 * natives, at 30 fps, libopenh264, keyframe every second, no network (encode only).
 *
 * <p>Engine: the test camera (lavfi testsrc2 converted to BGRA, the code row stamped) on a clock
 * that never sleeps, each picture encoded by {@link H264Encoder} (BGRA → YUV 4:2:0, libopenh264,
 * one thread) on the capture thread, as {@code CameraFeed} does; CPU = that thread's CPU time
 * ({@code ThreadMXBean}) over the measured frames, after {@value #WARMUP} unmeasured ones.
 * {@code encodeCpuPerFrame} is the part spent in {@code encodeBgra} alone. ffmpeg:
 * {@code -f lavfi -i testsrc2=...,format=bgra -c:v libopenh264 (same settings) -f null -}; its CPU
 * (user + system, from bash's {@code times}) for {@value #WARMUP} + N frames minus that for
 * {@value #WARMUP} frames, so its start-up is not counted either.
 */
final class PublishCostBench {
    static final int FPS = 30;
    static final int WARMUP = 10;
    private static final Pattern TIMES = Pattern.compile("(\\d+)m([\\d.]+)s\\s+(\\d+)m([\\d.]+)s");

    private PublishCostBench() {
    }

    static void run(BenchConfig config, BenchReport report) throws Exception {
        String ffmpeg = Procs.bundledFfmpeg();
        for (int height : config.publishHeights()) {
            int width = height * 16 / 9 / 2 * 2;
            int kbps = height >= 1080 ? 4500 : height >= 720 ? 2500 : Math.max(300, width * height / 370);
            H264Settings settings = H264Settings.of(width, height, FPS, kbps).withKeyframeInterval(1)
                    .withEncoder(H264Encoder.LIBOPENH264);
            List<Double> engine = new ArrayList<>();
            List<Double> encodeOnly = new ArrayList<>();
            List<Double> ff = new ArrayList<>();
            List<Double> ratio = new ArrayList<>();
            for (int i = 0; i < config.runs(); i++) {
                double[] ours = engineMsPerFrame(settings, config.publishFrames());
                double theirs = ffmpegMsPerFrame(ffmpeg, settings, config);
                engine.add(ours[0]);
                encodeOnly.add(ours[1]);
                ff.add(theirs);
                ratio.add(ours[0] / theirs);
            }
            String p = "publish." + height + "p.";
            report.add(p + "engine.cpuPerFrame", "ms CPU", engine);
            report.add(p + "engine.encodeCpuPerFrame", "ms CPU", encodeOnly);
            report.add(p + "ffmpeg.cpuPerFrame", "ms CPU", ff);
            report.add(p + "ratio", "x", ratio);
        }
        report.note("publish", "encode only (no network): test camera (testsrc2 -> BGRA, code row) -> H264Encoder "
                + "(BGRA -> yuv420p, libopenh264, 1 thread, 2500 kbit/s at 720p, 4500 at 1080p, keyframe every 1 s) "
                + "on an unpaced clock, capture-thread CPU per frame, vs the bundled ffmpeg (same natives) "
                + "testsrc2,format=bgra -c:v libopenh264 same settings -f null; " + config.publishFrames()
                + " frames after " + WARMUP + "; ratio = engine / ffmpeg (below 1: ours costs less)");
    }

    /** {ms CPU per frame of the capture thread, ms CPU per frame inside encodeBgra}. */
    private static double[] engineMsPerFrame(H264Settings settings, int frames) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<String> failure = new AtomicReference<>();
        AtomicLong threadCpu = new AtomicLong();
        AtomicLong encodeCpu = new AtomicLong();
        try (H264Encoder encoder = new H264Encoder(settings)) {
            VideoFrameListener listener = new VideoFrameListener() {
                private int seen;
                private long startCpu;
                private long inEncoder;

                @Override
                public void onFrame(VideoFrame frame) {
                    if (done.getCount() == 0) {
                        return;
                    }
                    if (seen == WARMUP) {
                        startCpu = threads.getCurrentThreadCpuTime();
                    }
                    long before = threads.getCurrentThreadCpuTime();
                    try {
                        encoder.encodeBgra(frame.pixels(), frame.strideBytes(), frame.captureTimeUs());
                    } catch (EncoderException e) {
                        failure.compareAndSet(null, e.getMessage());
                        done.countDown();
                        return;
                    }
                    long after = threads.getCurrentThreadCpuTime();
                    if (seen >= WARMUP) {
                        inEncoder += after - before;
                    }
                    seen++;
                    if (seen == WARMUP + frames) {
                        // The next frame's capture (lavfi, conversion, stamp) is not counted: end here.
                        threadCpu.set(after - startCpu);
                        encodeCpu.set(inEncoder);
                        done.countDown();
                    }
                }

                @Override
                public void onCaptureFailed(DeviceException e) {
                    failure.compareAndSet(null, e.getMessage());
                    done.countDown();
                }
            };
            VideoCapture camera = new TestCamera(false).open(
                    new VideoFormat(settings.width(), settings.height(), FPS), new UnpacedClock(), listener);
            try {
                if (!done.await(120, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the encoder did not take " + frames + " frames in 120 s");
                }
            } finally {
                camera.close();
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException("publishing cost: " + failure.get());
        }
        return new double[] {threadCpu.get() / 1e6 / frames, encodeCpu.get() / 1e6 / frames};
    }

    private static double ffmpegMsPerFrame(String ffmpeg, H264Settings s, BenchConfig config) throws Exception {
        double all = ffmpegCpuSeconds(ffmpeg, s, WARMUP + config.publishFrames(), config.workDir());
        double start = ffmpegCpuSeconds(ffmpeg, s, WARMUP, config.workDir());
        return Math.max(0, all - start) * 1000 / config.publishFrames();
    }

    /** User + system CPU seconds of one ffmpeg encode of {@code frames} frames, from bash's {@code times}. */
    private static double ffmpegCpuSeconds(String ffmpeg, H264Settings s, int frames, Path workDir) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", "-c", "\"$@\" </dev/null >/dev/null 2>&1 || exit $?; times",
                "nsfx-bench", ffmpeg, "-v", "error", "-nostdin", "-f", "lavfi", "-i",
                "testsrc2=size=" + s.width() + "x" + s.height() + ":rate=" + FPS + ",format=bgra",
                "-frames:v", String.valueOf(frames), "-c:v", "libopenh264", "-threads", "1",
                "-profile:v", "constrained_baseline", "-b:v", s.bitrateKbps() + "k", "-maxrate", s.bitrateKbps() + "k",
                "-g", String.valueOf(s.keyframeIntervalFrames()), "-bf", "0", "-rc_mode", "bitrate",
                "-allow_skip_frames", "0", "-f", "null", "-"));
        Path out = Files.createTempFile(workDir, "times-", ".txt");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("ffmpeg encode failed: " + String.join(" ", cmd) + "\n"
                        + Procs.tail(out));
            }
            String[] lines = Files.readString(out).trim().split("\n");
            Matcher m = TIMES.matcher(lines[lines.length - 1]); // the second line: the children's times
            if (lines.length < 2 || !m.find()) {
                throw new IllegalStateException("unexpected output of bash times: " + Files.readString(out));
            }
            return Long.parseLong(m.group(1)) * 60 + Double.parseDouble(m.group(2))
                    + Long.parseLong(m.group(3)) * 60 + Double.parseDouble(m.group(4));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** A capture clock that is always already at the time waited for: the camera runs as fast as it can. */
    static final class UnpacedClock implements CaptureClock {
        private final AtomicLong nowUs = new AtomicLong();

        @Override
        public long nowUs() {
            return nowUs.get();
        }

        @Override
        public void sleepUntilUs(long targetUs) throws InterruptedException {
            if (Thread.interrupted()) {
                throw new InterruptedException("capture clock wait interrupted");
            }
            nowUs.accumulateAndGet(targetUs, Math::max);
        }
    }
}
