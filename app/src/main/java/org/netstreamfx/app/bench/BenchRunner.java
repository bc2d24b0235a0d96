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
 * publishing cost and A/V sync at the output.
 */
public final class BenchRunner {
    private final BenchConfig config;
    private final PrintStream log;

    public BenchRunner(BenchConfig config, PrintStream log) {
        this.config = config;
        this.log = log;
    }

    /** The measurements, in the order they run, by the names {@code --only} takes. */
    public static final List<String> MEASUREMENTS = List.of("ttff", "memory", "decode", "chunk", "receive",
            "loopback", "publish", "avsync");

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
            if (only.contains("ttff")) {
                step("time to first frame", t0);
                FirstFrameBench.run(config, media, report);
            }
            if (only.contains("memory")) {
                step("memory during playback", t0);
                MemoryBench.run(config, media, report);
            }
            if (only.contains("decode")) {
                step("decode throughput", t0);
                DecodeBench.run(config, media, report);
            }
            if (only.contains("chunk")) {
                step("RTMP chunk decoding", t0);
                ChunkBench.run(config, report);
            }
            if (only.contains("receive")) {
                step("RTMP receive over loopback", t0);
                ReceiveBench.run(config, media, report);
            }
            if (only.contains("loopback")) {
                step("glass-to-glass loopback latency", t0);
                LoopbackBench.run(config, report);
            }
            if (only.contains("publish")) {
                step("publishing cost (encode only)", t0);
                PublishCostBench.run(config, report);
            }
            if (only.contains("avsync")) {
                step("A/V sync at the output (sound server)", t0);
                AvSyncBench.run(config, report);
            }
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
