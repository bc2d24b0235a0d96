package org.netstreamfx.player.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The ffmpeg and ffprobe CLIs: they make the test streams and judge the recordings. */
final class Cli {
    /** A finished command. */
    record Result(int exitCode, String stdout, String stderr) {
    }

    private Cli() {
    }

    static Path tool(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new IllegalStateException(name + " CLI not found on PATH: run ./scripts/install-deps");
    }

    static Result run(String... cmd) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(cmd));
        command.set(0, tool(cmd[0]).toString());
        Path out = Files.createTempFile("cli", ".out");
        Path err = Files.createTempFile("cli", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * A stream made by the ffmpeg CLI: the lavfi test pattern (320x240, 25 fps, H.264 with
     * B-frames, a keyframe every {@code gop} frames) and a 1 kHz stereo tone (AAC-LC, 44.1 kHz).
     */
    static void makeStream(Path out, double seconds, int gop) throws IOException, InterruptedException {
        Result r = run("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25",
                "-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=44100", "-t", String.valueOf(seconds),
                "-c:v", "libx264", "-preset", "veryfast", "-g", String.valueOf(gop), "-bf", "2", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-ac", "2", "-b:a", "128k", out.toString());
        if (r.exitCode() != 0) {
            throw new AssertionError("ffmpeg could not make the test stream: " + r.stderr());
        }
    }

    /** ffprobe's key=value lines for one stream (frames counted by decoding). */
    static Map<String, String> stream(Path file, String selector, String entries) throws IOException, InterruptedException {
        Result r = run("ffprobe", "-v", "error", "-select_streams", selector, "-count_frames", "-show_entries",
                "stream=" + entries, "-of", "default=noprint_wrappers=1", file.toString());
        if (r.exitCode() != 0) {
            throw new AssertionError("ffprobe failed on " + file + ": " + r.stderr());
        }
        return keyValues(r.stdout());
    }

    /** ffprobe's format section, and whatever it printed on stderr at -v error. */
    static Result format(Path file) throws IOException, InterruptedException {
        return run("ffprobe", "-v", "error", "-show_entries", "format=format_name,duration", "-of",
                "default=noprint_wrappers=1", file.toString());
    }

    static Map<String, String> keyValues(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                m.put(line.substring(0, eq), line.substring(eq + 1).trim());
            }
        }
        return m;
    }

    /** What {@code ffmpeg -v error -i file -f null -} prints: nothing for a clean file. */
    static String decodeErrors(Path file) throws IOException, InterruptedException {
        Result r = run("ffmpeg", "-nostdin", "-v", "error", "-i", file.toString(), "-f", "null", "-");
        return (r.stdout() + r.stderr()).trim() + (r.exitCode() == 0 ? "" : " (exit " + r.exitCode() + ")");
    }
}
