package org.netstreamfx.app.ui;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test media made by the ffmpeg CLI (found on PATH) into target/test-media, once per build: the
 * app module cannot use the e2e module's fixtures, so this is its own small runner. A missing
 * ffmpeg is an error, never a skip.
 */
public final class TestMedia {
    /** Width and height of each colour block of {@link #redBlue()}. */
    public static final int BLOCK_W = 320;
    public static final int BLOCK_H = 240;

    private static final Path DIR = Path.of("target", "test-media");

    private TestMedia() {
    }

    /**
     * 4 s of a 640x240 picture, red on the left half and blue on the right, H.264 in MP4 at
     * 25 fps, no audio: after any scaling the colour at a known point is known.
     */
    public static synchronized Path redBlue() {
        return make("red-blue.mp4", List.of(
                "-f", "lavfi", "-i", "color=c=red:s=" + BLOCK_W + "x" + BLOCK_H + ":r=25:d=4",
                "-f", "lavfi", "-i", "color=c=blue:s=" + BLOCK_W + "x" + BLOCK_H + ":r=25:d=4",
                "-filter_complex", "[0:v][1:v]hstack=inputs=2,format=yuv420p[v]", "-map", "[v]",
                "-c:v", "libx264", "-preset", "veryfast", "-g", "25", "-bf", "0"));
    }

    /** 12 s of testsrc2 at 320x180, 25 fps, with a 440 Hz AAC tone, H.264 in MP4 (keyframe each second). */
    public static synchronized Path clip() {
        return make("clip-12s.mp4", List.of(
                "-f", "lavfi", "-i", "testsrc2=s=320x180:r=25:d=12",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100:duration=12",
                "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-g", "25",
                "-c:a", "aac", "-b:a", "64k", "-shortest"));
    }

    /** 8 s of a 440 Hz tone at -18 dBFS peak, AAC in MP4, no video (an audio-only file). */
    public static synchronized Path tone() {
        return make("tone-8s.m4a", List.of(
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100:duration=8",
                "-c:a", "aac", "-b:a", "64k", "-ac", "2"));
    }

    /** 1.6 s of testsrc2 at 160x90, 25 fps, with a 440 Hz AAC tone, H.264 in MP4 (the playlist tests' clip). */
    public static synchronized Path shortClip() {
        return make("short-1.6s.mp4", List.of(
                "-f", "lavfi", "-i", "testsrc2=s=160x90:r=25:d=1.6",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100:duration=1.6",
                "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-g", "25",
                "-c:a", "aac", "-b:a", "64k", "-shortest"));
    }

    private static Path make(String name, List<String> args) {
        Path out = DIR.resolve(name).toAbsolutePath();
        if (Files.isRegularFile(out)) {
            return out;
        }
        List<String> cmd = new ArrayList<>(List.of(ffmpeg(), "-hide_banner", "-loglevel", "error", "-y"));
        cmd.addAll(args);
        // The module's tests run in two JVMs at once (see app/pom.xml): each makes its own partial
        // file, and the rename into place is atomic, so a file seen under its name is whole.
        Path partial = DIR.resolve("partial-" + ProcessHandle.current().pid() + "-" + name).toAbsolutePath();
        cmd.add(partial.toString());
        try {
            Files.createDirectories(DIR);
            Path log = Files.createTempFile(DIR.toAbsolutePath(), "ffmpeg", ".log");
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
            Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE);
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot run ffmpeg: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while making " + name, e);
        }
    }

    private static String ffmpeg() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir, "ffmpeg");
                if (!dir.isBlank() && Files.isExecutable(p)) {
                    return p.toString();
                }
            }
        }
        throw new AssertionError("ffmpeg CLI not found on PATH: run ./scripts/install-deps");
    }
}
