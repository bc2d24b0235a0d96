package org.netstreamfx.player.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Loader;

/**
 * Media for the rate and step tests: the demo clip, and the demo's H.264 picture (25 fps, frames
 * at exact multiples of 40 ms) with a beep track made by the FFmpeg program bundled with the
 * engine: 1 kHz for the first half of every second, silence for the second half, AAC 44.1 kHz
 * stereo. Each second's beep starts exactly with the frame at that second, so the sound and the
 * picture can be compared as they are played.
 */
final class RateMedia {
    static final double BEEP_HZ = 1000;
    static final int SAMPLE_RATE = 44_100;
    private static Path beeps;

    private RateMedia() {
    }

    static Path demo() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path p = dir.resolve("resources/demo/demo.mp4");
            if (Files.isRegularFile(p)) {
                return p;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("resources/demo/demo.mp4 not found above " + Path.of("").toAbsolutePath());
    }

    /** {@code seconds} of the demo's picture with a beep at the start of each second (made once per run). */
    static synchronized Path beeps() throws IOException, InterruptedException {
        if (beeps != null) {
            return beeps;
        }
        Path dir = Files.createDirectories(Path.of("target", "rate-media"));
        Path out = dir.resolve("beeps-8s.mp4");
        Path tmp = dir.resolve("beeps-8s.tmp.mp4");
        String ffmpeg = Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
        String tone = "aevalsrc=if(lt(mod(t\\,1)\\,0.5)\\,0.5*sin(2*PI*" + (int) BEEP_HZ + "*t)\\,0):s=" + SAMPLE_RATE
                + ":c=stereo";
        Process p = new ProcessBuilder(List.of(ffmpeg, "-v", "error", "-y", "-i", demo().toString(), "-f", "lavfi",
                "-i", tone, "-map", "0:v", "-c:v", "copy", "-map", "1:a", "-c:a", "aac", "-b:a", "128k", "-t", "8",
                "-f", "mp4", tmp.toString())).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("ffmpeg could not make the beep clip: " + log);
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        beeps = out;
        return out;
    }
}
