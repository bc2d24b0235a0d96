package org.netstreamfx.app.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * The sizes of one benchmark run.
 *
 * @param mode {@code full}, {@code quick} or {@code smoke}
 * @param runs how many measured runs each measurement makes
 * @param width width of the "1080p" media (smaller only in smoke mode)
 * @param height height of the "1080p" media
 * @param decodeSeconds length of the decode-throughput file
 * @param memorySeconds how long the memory measurement plays
 * @param chunkBytes size of the pre-encoded chunk stream fed to the chunk decoder
 * @param receiveSeconds length of the high-bitrate stream sent over RTMP
 * @param loopbackWidth width of the loopback-latency camera (height: 16:9)
 * @param loopbackWarmupSeconds how long the loopback plays before its first measured window
 * @param loopbackWindowSeconds each measured loopback window (one per run)
 * @param publishHeights the heights (16:9, 30 fps) the publishing cost is measured at
 * @param publishFrames frames encoded per publishing-cost run
 * @param avsyncSeconds length of the A/V sync clip (one flash and beep a second), played once per run
 * @param workDir where media and the nginx prefix go (deleted at the end)
 */
public record BenchConfig(String mode, int runs, int width, int height, double decodeSeconds,
        double memorySeconds, int chunkBytes, double receiveSeconds, int loopbackWidth,
        double loopbackWarmupSeconds, double loopbackWindowSeconds, List<Integer> publishHeights,
        int publishFrames, int avsyncSeconds, Path workDir) {

    public static BenchConfig full(Path workDir) {
        return new BenchConfig("full", 5, 1920, 1080, 20, 60, 256 << 20, 20, 640, 3, 10,
                List.of(720, 1080), 300, 20, workDir);
    }

    public static BenchConfig quick(Path workDir) {
        return new BenchConfig("quick", 3, 1920, 1080, 5, 10, 64 << 20, 8, 640, 2, 5,
                List.of(720, 1080), 90, 10, workDir);
    }

    /** The reduced form the test command runs: tiny sizes, one run each. */
    public static BenchConfig smoke(Path workDir) {
        return new BenchConfig("smoke", 1, 320, 180, 1, 2, 2 << 20, 1, 320, 1, 1.5,
                List.of(180), 20, 4, workDir);
    }
}
