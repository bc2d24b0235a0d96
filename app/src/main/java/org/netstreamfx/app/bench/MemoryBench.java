package org.netstreamfx.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Item 5: memory during real-time playback of a 1080p30 H.264 MP4 (NullAudioSink, a sink that
 * reads every frame). Every second: RSS ({@code VmRSS} of /proc/self/status, Linux) and heap used
 * (MemoryMXBean, no GC forced); and the live heap (used after System.gc()) at the first frame
 * and at the end. Reported: the last sample of each, the live heap at the end and its growth per
 * minute, and least-squares slopes of RSS in MB per minute over the whole run and over its second
 * half (the first seconds include pools filling and the heap expanding). A leak shows as a
 * growth that stays above zero. Then the same file played by a fresh child JVM
 * ({@code nsfx play --no-audio}), its RSS sampled every second: the player alone, without what
 * the bench JVM has done before.
 */
final class MemoryBench {
    private MemoryBench() {
    }

    static void run(BenchConfig config, BenchMedia media, BenchReport report) throws Exception {
        Path file = media.h264("memory", config.width(), config.height(), config.memorySeconds() + 3, "mp4",
                BenchMedia.veryfast());
        List<Double> rss = new ArrayList<>();
        List<Double> heap = new ArrayList<>();
        List<Double> liveEnd = new ArrayList<>();
        List<Double> liveGrowth = new ArrayList<>();
        List<Double> rssSlope = new ArrayList<>();
        List<Double> rssSlopeLate = new ArrayList<>();
        for (int i = 0; i < config.runs(); i++) {
            double[] live = new double[2];
            List<double[]> samples = playAndSample(file, config.memorySeconds(), live);
            double[] last = samples.get(samples.size() - 1);
            rss.add(last[1]);
            heap.add(last[2]);
            liveEnd.add(live[1]);
            liveGrowth.add((live[1] - live[0]) / last[0] * 60);
            rssSlope.add(slopePerMinute(samples, 1));
            rssSlopeLate.add(slopePerMinute(samples.subList(samples.size() / 2, samples.size()), 1));
        }
        List<Double> freshRss = new ArrayList<>();
        List<Double> freshSlope = new ArrayList<>();
        for (int i = 0; i < config.runs(); i++) {
            List<double[]> samples = sampleChildPlayer(file, config.memorySeconds());
            freshRss.add(samples.get(samples.size() - 1)[1]);
            freshSlope.add(slopePerMinute(samples.subList(samples.size() / 2, samples.size()), 1));
        }
        report.add("memory.rss", "MB", rss);
        report.add("memory.heapUsed", "MB", heap);
        report.add("memory.heapLiveAtEnd", "MB", liveEnd);
        report.add("memory.rssSlope", "MB/min", rssSlope);
        report.add("memory.rssSlopeSecondHalf", "MB/min", rssSlopeLate);
        report.add("memory.heapLiveGrowth", "MB/min", liveGrowth);
        report.add("memory.freshProcess.rss", "MB", freshRss);
        report.add("memory.freshProcess.rssSlopeSecondHalf", "MB/min", freshSlope);
        report.note("memory", config.width() + "x" + config.height() + " " + BenchMedia.FPS + " fps, "
                + config.memorySeconds() + " s of real-time playback per run, sampled every second, "
                + "in the bench JVM (max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB, after the "
                + "first-frame runs) and in a fresh child JVM running nsfx play (freshProcess)");
    }

    /**
     * Samples {seconds, rss MB, heap MB} every second while playing for {@code seconds}; puts the
     * live heap (heap used just after System.gc()) at the first frame and at the end in {@code live}.
     */
    private static List<double[]> playAndSample(Path file, double seconds, double[] live) throws Exception {
        List<double[]> samples = new ArrayList<>();
        try (EnginePlayback p = new EnginePlayback(false, 0.1)) {
            p.start(file.toString());
            p.awaitFirstFrameMs(15_000);
            live[0] = liveHeapMb();
            long t0 = System.nanoTime();
            for (int s = 1; s <= Math.max(2, (int) Math.round(seconds)); s++) {
                long wake = t0 + s * 1_000_000_000L;
                long sleep = (wake - System.nanoTime()) / 1_000_000L;
                if (sleep > 0) {
                    Thread.sleep(sleep);
                }
                samples.add(new double[] {(System.nanoTime() - t0) / 1e9, rssMb(),
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0});
            }
            live[1] = liveHeapMb();
        }
        return samples;
    }

    /**
     * RSS of a fresh player process ({@code nsfx play FILE --no-audio} in a child JVM with this
     * JVM's java and classpath and the launcher's JVM options, nothing else run in it) every
     * second for {@code seconds}:
     * {seconds, rss MB}.
     */
    private static List<double[]> sampleChildPlayer(Path file, double seconds) throws Exception {
        Process child = Procs.start(Procs.childJava("org.netstreamfx.app.Main",
                List.of("play", file.toString(), "--no-audio", "--stats-interval", "0")));
        List<double[]> samples = new ArrayList<>();
        try {
            Path status = Path.of("/proc", String.valueOf(child.pid()), "status");
            long t0 = System.nanoTime();
            for (int s = 1; s <= Math.max(2, (int) Math.round(seconds)); s++) {
                long sleep = (t0 + s * 1_000_000_000L - System.nanoTime()) / 1_000_000L;
                if (sleep > 0) {
                    Thread.sleep(sleep);
                }
                if (!child.isAlive()) {
                    throw new IllegalStateException("the child player exited early (status " + child.exitValue() + ")");
                }
                samples.add(new double[] {(System.nanoTime() - t0) / 1e9, rssMb(status)});
            }
        } finally {
            Procs.stop(child, 3000);
        }
        return samples;
    }

    /** Heap used just after a full collection (System.gc()): what is really held; a leak grows it. */
    static double liveHeapMb() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
    }

    static double rssMb() throws IOException {
        return rssMb(Path.of("/proc/self/status"));
    }

    static double rssMb(Path status) throws IOException {
        if (!Files.isReadable(status)) {
            throw new IllegalStateException("RSS needs /proc/self/status (Linux)");
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring(6).trim().split("\\s+");
                return Long.parseLong(parts[0]) / 1024.0; // kB
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    /** Least-squares slope of column {@code col} against column 0 (seconds), per minute. */
    static double slopePerMinute(List<double[]> samples, int col) {
        int n = samples.size();
        double mx = 0;
        double my = 0;
        for (double[] s : samples) {
            mx += s[0];
            my += s[col];
        }
        mx /= n;
        my /= n;
        double num = 0;
        double den = 0;
        for (double[] s : samples) {
            num += (s[0] - mx) * (s[col] - my);
            den += (s[0] - mx) * (s[0] - mx);
        }
        return den == 0 ? 0 : num / den * 60;
    }

    /**
     * The JVM options ./nsfx starts every process with (resources/jvm.options under nsfx.home, or
     * NSFX_JAVA_OPTS), so the fresh player is measured as users run it.
     */
    static List<String> launcherJvmOptions() throws IOException {
        String env = System.getenv("NSFX_JAVA_OPTS");
        if (env != null && !env.isBlank()) {
            return List.of(env.trim().split("\\s+"));
        }
        String home = System.getProperty("nsfx.home");
        Path file = home == null ? null : Path.of(home, "resources", "jvm.options");
        if (file == null || !Files.isRegularFile(file)) {
            return List.of();
        }
        return Files.readAllLines(file).stream().map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }
}
