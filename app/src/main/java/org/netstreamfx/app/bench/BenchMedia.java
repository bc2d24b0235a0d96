package org.netstreamfx.app.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The media the benchmarks play, made with the ffmpeg CLI from lavfi's testsrc2 and libx264. */
final class BenchMedia {
    static final int FPS = 30;
    private final BenchConfig config;
    private final String ffmpeg;

    BenchMedia(BenchConfig config) {
        this.config = config;
        this.ffmpeg = Procs.tool("ffmpeg");
    }

    String ffmpeg() {
        return ffmpeg;
    }

    /**
     * H.264 (libx264 preset veryfast: CABAC and B-frames, as a real encoder would send), yuv420p,
     * keyframe every second, no audio.
     */
    Path h264(String name, int width, int height, double seconds, String container, List<String> rateControl)
            throws IOException, InterruptedException {
        return h264(name, width, height, seconds, FPS, container, rateControl);
    }

    /** {@link #h264(String, int, int, double, String, List)} at {@code fps} frames a second. */
    Path h264(String name, int width, int height, double seconds, int fps, String container, List<String> rateControl)
            throws IOException, InterruptedException {
        Path out = config.workDir().resolve(name + "." + container);
        List<String> cmd = new ArrayList<>(List.of(ffmpeg, "-v", "error", "-y", "-f", "lavfi", "-i",
                "testsrc2=size=" + width + "x" + height + ":rate=" + fps + ":duration=" + seconds,
                "-c:v", "libx264", "-pix_fmt", "yuv420p", "-g", String.valueOf(fps)));
        cmd.addAll(rateControl);
        if (container.equals("mp4")) {
            cmd.addAll(List.of("-movflags", "+faststart"));
        }
        cmd.add(out.toString());
        Procs.run(cmd, 600, config.workDir());
        return out;
    }

    static List<String> veryfast() {
        return List.of("-preset", "veryfast");
    }

    /** A high bitrate: lossless (about 100 Mbit/s for testsrc2 at 1080p30), no B-frames. */
    static List<String> highBitrate() {
        return List.of("-preset", "ultrafast", "-qp", "0");
    }
}
