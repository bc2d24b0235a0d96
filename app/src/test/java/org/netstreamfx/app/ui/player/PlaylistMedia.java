package org.netstreamfx.app.ui.player;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Short clips for the playlist tests, made once per build by the FFmpeg program bundled with
 * JavaCV (its OpenH264 and AAC encoders): 1.6 s of testsrc2 at 160x90, 25 fps, with a tone.
 */
final class PlaylistMedia {
    /** The clips' length in seconds. */
    static final double CLIP_S = 1.6;
    private static final Path DIR = Path.of("target", "test-media", "playlist").toAbsolutePath();

    private PlaylistMedia() {
    }

    /** The short clip, copied into {@code dir} under each of {@code names}, in that order. */
    static List<Path> copies(Path dir, String... names) throws IOException {
        Path clip = clip();
        List<Path> out = new ArrayList<>();
        for (String name : names) {
            out.add(Files.copy(clip, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING));
        }
        return out;
    }

    static synchronized Path clip() {
        Path out = DIR.resolve("short.mp4");
        if (Files.isRegularFile(out)) {
            return out;
        }
        String ffmpeg = org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
        Path partial = DIR.resolve("partial-short.mp4");
        List<String> cmd = List.of(ffmpeg, "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=s=160x90:r=25:d=" + CLIP_S,
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100:duration=" + CLIP_S,
                "-c:v", "libopenh264", "-g", "25", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k", "-shortest",
                partial.toString());
        try {
            Files.createDirectories(DIR);
            Path log = Files.createTempFile(DIR, "ffmpeg", ".log");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("ffmpeg timed out: " + String.join(" ", cmd));
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("ffmpeg failed (" + p.exitValue() + "): " + String.join(" ", cmd) + "\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            Files.deleteIfExists(log);
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot run ffmpeg: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while making the clip", e);
        }
    }
}
