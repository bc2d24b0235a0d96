package org.netstreamfx.app.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.List;

/**
 * Runs the measurements in order: time to first frame first (its cold run must be the JVM's first
 * playback), then memory, decode throughput, chunk decoding, RTMP receive, loopback latency,
 * publishing cost, A/V sync at the output and the GUI's cost against ffplay.
 */
public final class BenchRunner {
    private final BenchConfig config;
    private final PrintStream log;

    public BenchRunner(BenchConfig config, PrintStream log) {
        this.config = config;
        this.log = log;
    }

    /** One measurement: the name {@code --only} takes, what the log calls it, and how it runs. */
    private record Measurement(String name, String title, Body body) {
    }

    /** A measurement's run, adding its figures to the report. */
    @FunctionalInterface
    private interface Body {
        void run(BenchConfig config, BenchMedia media, BenchReport report) throws Exception;
    }

    /** Every measurement, in the order they run. */
    private static final List<Measurement> ALL = List.of(
            new Measurement("ttff", "time to first frame", FirstFrameBench::run),
            new Measurement("memory", "memory during playback", MemoryBench::run),
            new Measurement("decode", "decode throughput", DecodeBench::run),
            new Measurement("chunk", "RTMP chunk decoding", (c, m, r) -> ChunkBench.run(c, r)),
            new Measurement("receive", "RTMP receive over loopback", ReceiveBench::run),
            new Measurement("loopback", "glass-to-glass loopback latency", (c, m, r) -> LoopbackBench.run(c, r)),
            new Measurement("publish", "publishing cost (encode only)", (c, m, r) -> PublishCostBench.run(c, r)),
            new Measurement("avsync", "A/V sync at the output (sound server)", (c, m, r) -> AvSyncBench.run(c, r)),
            new Measurement("gui", "GUI cost against ffplay (Xvfb)", GuiCostBench::run),
            new Measurement("startup", "startup of fresh processes against ffplay", StartupBench::run));

    /** The measurements, in the order they run, by the names {@code --only} takes. */
    public static final List<String> MEASUREMENTS = List.copyOf(ALL.stream().map(Measurement::name).toList());

    public BenchReport run() throws Exception {
        return run(MEASUREMENTS);
    }

    /** Runs the named measurements (a subset of {@link #MEASUREMENTS}), in their usual order. */
    public BenchReport run(Collection<String> only) throws Exception {
        for (String name : only) {
            if (!MEASUREMENTS.contains(name)) {
                throw new IllegalArgumentException("unknown measurement " + name + "; use some of " + MEASUREMENTS);
            }
        }
        BenchReport report = new BenchReport(config);
        BenchMedia media = new BenchMedia(config);
        long t0 = System.nanoTime();
        try {
            for (Measurement m : ALL) {
                if (only.contains(m.name())) {
                    step(m.title(), t0);
                    m.body().run(config, media, report);
                }
            }
            step("done", t0);
        } finally {
            deleteTree(config.workDir());
        }
        return report;
    }

    /** {@code nsfx bench --soak}: only the GUI's long run ({@link GuiSoak}), {@code seconds} long. */
    public BenchReport runSoak(double seconds) throws Exception {
        BenchReport report = new BenchReport(config);
        long t0 = System.nanoTime();
        try {
            step("GUI memory over " + seconds + " s (soak)", t0);
            GuiSoak.run(config, new BenchMedia(config), report, seconds);
            step("done", t0);
        } finally {
            deleteTree(config.workDir());
        }
        return report;
    }

    private void step(String what, long t0) {
        log.printf(java.util.Locale.ROOT, "nsfx bench [%6.1f s] %s%n", (System.nanoTime() - t0) / 1e9, what);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
