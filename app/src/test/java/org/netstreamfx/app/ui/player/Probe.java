package org.netstreamfx.app.ui.player;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the ffprobe CLI (on PATH; a missing one fails the test) says of a recorded file: its
 * streams' codec types and its duration. An independent reader, not our engine.
 */
record Probe(List<String> codecTypes, double durationSeconds) {
    private static final Pattern TYPE = Pattern.compile("\"codec_type\"\\s*:\\s*\"(\\w+)\"");
    private static final Pattern DURATION = Pattern.compile("\"format\"\\s*:\\s*\\{[^}]*\"duration\"\\s*:\\s*\"([0-9.]+)\"",
            Pattern.DOTALL);

    static Probe of(Path file) {
        Path out = null;
        try {
            out = Files.createTempFile("ffprobe", ".json");
            Process p = new ProcessBuilder(ffprobe(), "-v", "error", "-print_format", "json", "-show_streams",
                    "-show_format", file.toString()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("ffprobe timed out on " + file);
            }
            String json = Files.readString(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new AssertionError("ffprobe cannot read " + file + ": " + json);
            }
            List<String> types = new ArrayList<>();
            Matcher t = TYPE.matcher(json);
            while (t.find()) {
                types.add(t.group(1));
            }
            Matcher d = DURATION.matcher(json);
            if (!d.find()) {
                throw new AssertionError("ffprobe gives no duration for " + file + ": " + json);
            }
            return new Probe(types, Double.parseDouble(d.group(1)));
        } catch (IOException e) {
            throw new AssertionError("cannot run ffprobe: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            if (out != null) {
                out.toFile().delete();
            }
        }
    }

    private static String ffprobe() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir, "ffprobe");
                if (!dir.isBlank() && Files.isExecutable(p)) {
                    return p.toString();
                }
            }
        }
        throw new AssertionError("ffprobe CLI not found on PATH: run ./scripts/install-deps");
    }
}
