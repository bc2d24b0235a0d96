package org.netstreamfx.app.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Item 1: decode throughput. The engine plays the file with {@code Pacing.AS_FAST_AS_POSSIBLE}
 * to BGRA frames in a sink that reads them; ffmpeg decodes the same file to BGRA with
 * {@code -threads 2} (the engine's video decoder also uses 2 threads) into the null muxer.
 * Both are timed on the wall clock, from the start to the last frame (ffmpeg: process start to exit).
 */
final class DecodeBench {
    static final int DECODER_THREADS = 2;

    private DecodeBench() {
    }

    static void run(BenchConfig config, BenchMedia media, BenchReport report) throws Exception {
        Path file = media.h264("decode", config.width(), config.height(), config.decodeSeconds(), "mp4",
                BenchMedia.veryfast());
        int expected = (int) Math.round(config.decodeSeconds() * BenchMedia.FPS);
        // One untimed run of each warms the JIT and the page cache.
        engineFps(file, expected);
        ffmpegFps(media, file, expected, config);
        List<Double> engine = new ArrayList<>();
        List<Double> ffmpeg = new ArrayList<>();
        List<Double> ratio = new ArrayList<>();
        for (int i = 0; i < config.runs(); i++) {
            double e = engineFps(file, expected);
            double f = ffmpegFps(media, file, expected, config);
            engine.add(e);
            ffmpeg.add(f);
            ratio.add(e / f);
        }
        report.add("decode.engine.fps", "fps", engine);
        report.add("decode.ffmpeg.fps", "fps", ffmpeg);
        report.add("decode.ratio", "x", ratio);
        report.note("decode", config.width() + "x" + config.height() + " " + BenchMedia.FPS + " fps H.264 "
                + "(libx264 veryfast), " + expected + " frames; ffmpeg -threads " + DECODER_THREADS
                + " -i FILE -pix_fmt bgra -f null -, wall time incl. process start");
    }

    private static double engineFps(Path file, int expected) throws InterruptedException {
        try (EnginePlayback p = new EnginePlayback(true, 0.1)) {
            p.start(file.toString());
            double seconds = p.awaitCompleteSeconds(300_000);
            if (p.frames() != expected) {
                throw new IllegalStateException("engine decoded " + p.frames() + " frames, expected " + expected);
            }
            return p.frames() / seconds;
        }
    }

    private static double ffmpegFps(BenchMedia media, Path file, int expected, BenchConfig config)
            throws Exception {
        long nanos = Procs.run(List.of(media.ffmpeg(), "-v", "error", "-nostdin", "-threads",
                String.valueOf(DECODER_THREADS), "-i", file.toString(), "-pix_fmt", "bgra", "-f", "null", "-"),
                300, config.workDir());
        return expected / (nanos / 1e9);
    }
}
