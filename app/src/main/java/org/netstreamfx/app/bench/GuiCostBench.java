package org.netstreamfx.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.netstreamfx.app.ui.settings.AppSettings;

/**
 * {@code gui.1080p30} and {@code gui.1080p60} (issue 16): what the desktop app costs while it
 * plays, side by side with ffplay. On the bench's own Xvfb screen ({@link BenchXvfb}), the same
 * 1080p H.264 file (30 and 60 fps) is played to its end by our GUI as users start it
 * ({@code ./nsfx gui --autoexit-report FILE FILE}: a fresh process through the launcher, with its
 * JVM options, in a window of the default size) and by {@code ffplay -x W -y H -autoexit -stats}
 * in a window of the same size. Each process is sampled from /proc every
 * {@value #SAMPLE_MS} ms: CPU seconds (user + system, start-up included, as a user pays it) per
 * second of media, the peak RSS ({@code VmHWM}) and the RSS at the end of playback; dropped
 * frames are the player's own count (ours from the report the window writes at the end, ffplay's
 * {@code fd=} of its last status line). Ratios are ours / ffplay's, below 1 when ours costs less.
 */
final class GuiCostBench {
    /** How often the players are sampled. */
    static final long SAMPLE_MS = 100;
    /** Media length per mode: the 20 s (quick) and its 60 s target (full). */
    private static final double FULL_SECONDS = 60;
    private static final double QUICK_SECONDS = 20;
    /** Runs per frame rate in the full mode (each plays the file once with each player). */
    private static final int FULL_RUNS = 3;
    /** Time allowed beyond the media's length for start-up and a slow machine. */
    private static final double START_SLACK_S = 90;
    private static final List<Integer> RATES = List.of(30, 60);
    /**
     * Why {@code --smoke} leaves this out: even with a 2 s file, two cold starts of the GUI (a JVM
     * and JavaFX each) and two of ffplay took 75 s of the smoke run under a load average of 20 on
     * 2 cores, against a budget of a few seconds. {@code --only gui --quick} runs it.
     */
    static final String SMOKE_SKIPPED = "not run in --smoke (four cold player starts take over a minute on a loaded "
            + "2-core machine); run nsfx bench --only gui --quick";
    /** ffplay's status line: "... fd=   3 aq= ..."; the last one holds the run's count. */
    private static final Pattern FFPLAY_DROPPED = Pattern.compile("fd=\\s*(\\d{1,9})");

    private GuiCostBench() {
    }

    static void run(BenchConfig config, BenchMedia media, BenchReport report) throws Exception {
        if (config.mode().equals("smoke")) {
            report.note("gui", SMOKE_SKIPPED);
            return;
        }
        double seconds = config.mode().equals("full") ? FULL_SECONDS : QUICK_SECONDS;
        int runs = config.mode().equals("full") ? FULL_RUNS : 1;
        Path launcher = launcher();
        String ffplay = Procs.tool("ffplay");
        int w = (int) AppSettings.DEFAULT_WIDTH;
        int h = (int) AppSettings.DEFAULT_HEIGHT;
        List<String> loads = new ArrayList<>();
        try (BenchXvfb x = BenchXvfb.start()) {
            for (int fps : RATES) {
                String label = "gui." + config.height() + "p" + fps;
                Path file = media.h264(label, config.width(), config.height(), seconds, fps, "mp4",
                        BenchMedia.veryfast());
                Map<String, List<Double>> f = new LinkedHashMap<>();
                for (int i = 0; i < runs; i++) {
                    Path reportFile = config.workDir().resolve(label + "-" + i + ".json");
                    GuiProcessRun ours = GuiProcessRun.sample(
                            List.of(launcher.toString(), "gui", "--autoexit-report", reportFile.toString(), file.toString()),
                            ourEnvironment(x, config.workDir().resolve(label + "-config-" + i)), config.workDir(),
                            label + "-nsfx-" + i, SAMPLE_MS, seconds + START_SLACK_S, () -> Files.exists(reportFile), 0);
                    loads.add(label + " nsfx " + loadAverage());
                    GuiProcessRun theirs = GuiProcessRun.sample(
                            List.of(ffplay, "-hide_banner", "-x", String.valueOf(w), "-y", String.valueOf(h), "-autoexit",
                                    "-stats", file.toString()),
                            Map.of("DISPLAY", x.display()), config.workDir(), label + "-ffplay-" + i, SAMPLE_MS,
                            seconds + START_SLACK_S, () -> false, 0);
                    loads.add(label + " ffplay " + loadAverage());
                    add(f, "engine.cpuPerMediaSecond", ours.last().cpuSeconds() / seconds);
                    add(f, "ffplay.cpuPerMediaSecond", theirs.last().cpuSeconds() / seconds);
                    add(f, "cpuRatio", ours.last().cpuSeconds() / theirs.last().cpuSeconds());
                    add(f, "engine.droppedFrames", ourDropped(reportFile));
                    add(f, "ffplay.droppedFrames", ffplayDropped(theirs));
                    add(f, "engine.peakRss", ours.last().peakRssMb());
                    add(f, "ffplay.peakRss", theirs.last().peakRssMb());
                    add(f, "peakRssRatio", ours.last().peakRssMb() / theirs.last().peakRssMb());
                    add(f, "engine.endRss", ours.last().rssMb());
                    add(f, "ffplay.endRss", theirs.last().rssMb());
                    add(f, "endRssRatio", ours.last().rssMb() / theirs.last().rssMb());
                }
                f.forEach((name, values) -> report.add(label + "." + name, unit(name), values));
            }
        }
        report.note("gui", config.width() + "x" + config.height() + " H.264 at 30 and 60 fps, " + seconds
                + " s, played to the end by ./nsfx gui and by ffplay in a " + w + "x" + h + " window on Xvfb "
                + BenchXvfb.SCREEN_WIDTH + "x" + BenchXvfb.SCREEN_HEIGHT + "; CPU includes start-up; load average "
                + "(1 min) after each run: " + loads);
    }

    /** ./nsfx of the tree this bench runs from (the launcher sets nsfx.home). */
    static Path launcher() {
        String home = System.getProperty("nsfx.home");
        Path nsfx = home == null ? null : Path.of(home, "nsfx");
        if (nsfx == null || !Files.isExecutable(nsfx)) {
            throw new IllegalStateException("the GUI cost needs ./nsfx (system property nsfx.home, set by the "
                    + "launcher; got " + home + ")");
        }
        return nsfx;
    }

    /**
     * The launcher's environment for a measured GUI: the bench's screen, settings of its own (the
     * default window size; the user's recent items untouched) and no rebuild (the bench's build is
     * the one measured).
     */
    static Map<String, String> ourEnvironment(BenchXvfb x, Path configHome) throws IOException {
        Files.createDirectories(configHome);
        return Map.of("DISPLAY", x.display(), "XDG_CONFIG_HOME", configHome.toString(), "NSFX_SKIP_BUILD", "1");
    }

    private static double ourDropped(Path reportFile) throws IOException {
        JsonNode r = new ObjectMapper().readTree(reportFile.toFile());
        if (!"ENDED".equals(r.path("state").asText())) {
            throw new IOException("our GUI did not play to the end: " + r);
        }
        return r.path("droppedFrames").asDouble();
    }

    static double ffplayDropped(GuiProcessRun run) throws IOException {
        Matcher m = FFPLAY_DROPPED.matcher(run.output());
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        if (last == null) {
            throw new IOException("ffplay printed no status line with fd=:\n" + Procs.tail(run.log()));
        }
        return Double.parseDouble(last);
    }

    /** The 1-minute load average now, from /proc/loadavg. */
    static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0];
    }

    private static void add(Map<String, List<Double>> figures, String name, double value) {
        figures.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    private static String unit(String name) {
        if (name.endsWith("Ratio")) {
            return "ratio";
        }
        if (name.endsWith("Rss")) {
            return "MB";
        }
        return name.endsWith("droppedFrames") ? "frames" : "s/s";
    }
}
