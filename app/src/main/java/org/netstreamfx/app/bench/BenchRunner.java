package org.netstreamfx.app.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Runs the measurements in order: time to first frame first (its cold run must be the JVM's first
 * playback), then memory, decode throughput, chunk decoding and RTMP receive.
 */
public final class BenchRunner {
    private final BenchConfig config;
    private final PrintStream log;

    public BenchRunner(BenchConfig config, PrintStream log) {
        this.config = config;
        this.log = log;
    }

    public BenchReport run() throws Exception {
        BenchReport report = new BenchReport(config);
        BenchMedia media = new BenchMedia(config);
        long t0 = System.nanoTime();
        try {
            step("time to first frame", t0);
            FirstFrameBench.run(config, media, report);
            step("memory during playback", t0);
            MemoryBench.run(config, media, report);
            step("decode throughput", t0);
            DecodeBench.run(config, media, report);
            step("RTMP chunk decoding", t0);
            ChunkBench.run(config, report);
            step("RTMP receive over loopback", t0);
            ReceiveBench.run(config, media, report);
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
