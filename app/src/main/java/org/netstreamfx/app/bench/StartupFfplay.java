package org.netstreamfx.app.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * ffplay's cold first picture, the startup measurement's anchor: a fresh {@code ffplay} on the
 * file with {@code -vf showinfo}, timed from its start to the showinfo line of frame 0 on its
 * stderr (the first decoded frame leaving the filter graph for the display queue, shown on the
 * next refresh). ffplay shows no picture without a display: it runs on the bench's Xvfb.
 */
final class StartupFfplay {
    /** showinfo's line for the first frame: "[Parsed_showinfo_0 @ 0x…] n:   0 pts:…". */
    static final Pattern FIRST_FRAME = Pattern.compile("Parsed_showinfo.*\\bn:\\s*0\\s");
    /** The longest stderr line read; longer ones are cut (ffplay's lines are short). */
    static final int MAX_LINE_CHARS = 8192;

    private StartupFfplay() {
    }

    /** ms from ffplay's start to its first frame; fails when it shows none. */
    static double firstPictureMs(String ffplay, String display, Path file, Path workDir)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of(ffplay, "-hide_banner", "-nostats", "-autoexit",
                "-t", StartupBench.FFPLAY_SECONDS, "-vf", "showinfo", file.toString()))
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("DISPLAY", display);
        pb.environment().remove("WAYLAND_DISPLAY");
        long t0 = System.nanoTime();
        Process p = pb.start();
        double ms = -1;
        StringBuilder seen = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.length() > MAX_LINE_CHARS) {
                    line = line.substring(0, MAX_LINE_CHARS);
                }
                if (ms < 0 && FIRST_FRAME.matcher(line).find()) {
                    ms = (System.nanoTime() - t0) / 1e6;
                } else if (ms < 0 && seen.length() < MAX_LINE_CHARS) {
                    seen.append(line).append('\n');
                }
            }
            if (!p.waitFor(StartupBench.RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException("ffplay still running after " + StartupBench.RUN_TIMEOUT_SECONDS + " s");
            }
        } finally {
            Procs.stop(p, 2000);
        }
        if (ms < 0) {
            throw new IOException("ffplay showed no frame of " + file + " (exit " + p.exitValue() + "):\n" + seen);
        }
        return ms;
    }
}
