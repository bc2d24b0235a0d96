package org.netstreamfx.capture.encode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The ffmpeg and ffprobe CLIs, run to check what the encoders made. */
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
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
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

    /** ffprobe's key=value lines for one stream's entries. */
    static Map<String, String> streamEntries(Path file, String selector, String entries)
            throws IOException, InterruptedException {
        Result r = run("ffprobe", "-v", "error", "-select_streams", selector, "-count_frames", "-show_entries",
                "stream=" + entries, "-of", "default=noprint_wrappers=1", file.toString());
        if (r.exitCode() != 0) {
            throw new AssertionError("ffprobe failed: " + r.stderr());
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : r.stdout().split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                m.put(line.substring(0, eq), line.substring(eq + 1).trim());
            }
        }
        return m;
    }

    /** Presentation times (s) of the video keyframes, as ffprobe reads the packets. */
    static List<Double> keyframeTimes(Path file) throws IOException, InterruptedException {
        Result r = run("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pts_time,flags",
                "-of", "csv=p=0", file.toString());
        List<Double> times = new ArrayList<>();
        for (String line : r.stdout().split("\n")) {
            String[] f = line.trim().split(",");
            if (f.length >= 2 && f[1].startsWith("K")) {
                times.add(Double.parseDouble(f[0]));
            }
        }
        return times;
    }

    /** What {@code ffmpeg -v error -i file -f null -} prints: nothing for a clean file. */
    static String decodeErrors(Path file) throws IOException, InterruptedException {
        Result r = run("ffmpeg", "-nostdin", "-v", "error", "-i", file.toString(), "-f", "null", "-");
        return (r.stdout() + r.stderr()).trim() + (r.exitCode() == 0 ? "" : " (exit " + r.exitCode() + ")");
    }
}
