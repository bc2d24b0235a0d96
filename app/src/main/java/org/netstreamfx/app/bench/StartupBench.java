package org.netstreamfx.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.netstreamfx.app.StartupReport;

/**
 * Issue 16: how long a start takes as a user waits for it, in fresh processes of the launcher
 * ({@code ./nsfx}, the built app as users run it: its script, a new JVM with an empty JIT, the
 * class archive it made), against ffplay's first picture of the same file in the same run.
 *
 * <ul>
 *   <li>{@code startup.window}, {@code startup.firstPicture}: {@code nsfx gui --quit-after-frames 1}
 *       on the demo clip (what {@code ./nsfx} opens) under an Xvfb of its own, from the moment the
 *       launcher is started to the milestones the app writes itself ({@link StartupReport}: the
 *       stage's show, the first frame on the window's image);</li>
 *   <li>{@code startup.cli.play.firstFrame}: {@code nsfx play FILE} to its first frame in the video
 *       sink; {@code startup.cli.probe}: {@code nsfx probe FILE} start to exit;</li>
 *   <li>{@code startup.ffplay.firstPicture}: {@code ffplay -vf showinfo} on the same display, from
 *       its start to the showinfo line of frame 0 (the decoded frame leaving the filter graph for
 *       the display queue: a few milliseconds before ffplay shows it, in ffplay's favour);</li>
 *   <li>ratios of each of ours to that anchor, run by run (the runs interleave ours and ffplay's,
 *       so both see the same load).</li>
 * </ul>
 *
 * <p>One untimed start of the window and one of the headless player first make the launcher's
 * two class archives where it has none (as the first start of each kind after a build does) and
 * warm the page cache; the smoke run (tests) skips them and uses what there is. In full and quick modes, when
 * /proc/sys/vm/drop_caches is writable (root), one more pair of starts after dropping the page
 * cache gives {@code startup.coldCache.firstPicture} and {@code startup.coldCache.ffplay.firstPicture}.
 */
final class StartupBench {
    /** The longest a start may take before the run fails. */
    static final long RUN_TIMEOUT_SECONDS = 120;
    /** The longest startup report read: a handful of short lines. */
    static final long MAX_REPORT_BYTES = 4096;
    /** How long the headless player plays, in media seconds, after its first frame. */
    static final String PLAY_SECONDS = "0.2";
    /** How long ffplay plays before it exits by itself. */
    static final String FFPLAY_SECONDS = "0.3";
    private static final Path DROP_CACHES = Path.of("/proc/sys/vm/drop_caches");

    private StartupBench() {
    }

    static void run(BenchConfig config, BenchMedia media, BenchReport report) throws Exception {
        Path home = StartupLaunch.cloneRoot();
        Path demo = home.resolve("resources").resolve("demo").resolve("demo.mp4");
        if (!Files.isRegularFile(demo)) {
            throw new IOException("the demo clip is missing: " + demo);
        }
        String ffplay = Procs.tool("ffplay");
        double loadBefore = loadAverage();
        List<Double> window = new ArrayList<>();
        List<Double> picture = new ArrayList<>();
        List<Double> ffplayPicture = new ArrayList<>();
        List<Double> play = new ArrayList<>();
        List<Double> probe = new ArrayList<>();
        Map<String, List<Double>> phases = new LinkedHashMap<>();
        boolean coldCache = false;
        try (StartupDisplay display = StartupDisplay.start()) {
            StartupLaunch launch = new StartupLaunch(home, display.name(), config.workDir());
            List<String> gui = List.of("gui", "--quit-after-frames", "1", demo.toString());
            boolean smoke = config.mode().equals("smoke");
            List<String> headless = List.of("play", demo.toString(), "--no-audio", "--duration", PLAY_SECONDS,
                    "--stats-interval", "0");
            if (!smoke) {
                // The launcher keeps an archive for the window and one for the headless commands.
                launch.run(gui, true);
                launch.run(headless, true);
            }
            if (!smoke && dropCaches()) {
                coldCache = true;
                report.add("startup.coldCache.firstPicture", "ms",
                        List.of(launch.run(gui, false).ms(StartupReport.FIRST_PICTURE)));
                dropCaches();
                report.add("startup.coldCache.ffplay.firstPicture", "ms",
                        List.of(StartupFfplay.firstPictureMs(ffplay, display.name(), demo, config.workDir())));
            }
            for (int i = 0; i < config.runs(); i++) {
                StartupLaunch.Milestones m = launch.run(gui, false);
                window.add(m.ms(StartupReport.WINDOW));
                picture.add(m.ms(StartupReport.FIRST_PICTURE));
                phases(phases, "startup.gui.", m, StartupReport.MAIN, StartupReport.COMMAND, StartupReport.NATIVES,
                        StartupReport.TOOLKIT, StartupReport.VIEWS);
                ffplayPicture.add(StartupFfplay.firstPictureMs(ffplay, display.name(), demo, config.workDir()));
                StartupLaunch.Milestones p = launch.run(headless, false);
                play.add(p.ms(StartupReport.FIRST_PICTURE));
                phases(phases, "startup.cli.play.", p, StartupReport.MAIN, StartupReport.COMMAND,
                        StartupReport.NATIVES);
                probe.add(launch.run(List.of("probe", demo.toString()), false).exitMs());
            }
        }
        report.add("startup.window", "ms", window);
        report.add("startup.firstPicture", "ms", picture);
        report.add("startup.cli.play.firstFrame", "ms", play);
        report.add("startup.cli.probe", "ms", probe);
        report.add("startup.ffplay.firstPicture", "ms", ffplayPicture);
        phases.forEach((name, values) -> report.add(name, "ms", values));
        report.add("startup.window.ratio", "x", ratios(window, ffplayPicture));
        report.add("startup.firstPicture.ratio", "x", ratios(picture, ffplayPicture));
        report.add("startup.cli.play.ratio", "x", ratios(play, ffplayPicture));
        String archive = "0".equals(System.getenv("NSFX_CDS")) ? "without a class archive (NSFX_CDS=0)"
                : "with the class archive the launcher makes";
        report.note("startup", String.format(Locale.ROOT, "fresh processes of %s (NSFX_SKIP_BUILD=1: what is "
                + "built, " + archive + "), the demo clip (640x360 H.264 + AAC), an Xvfb "
                + "%s of its own, no sound server for either player; ffplay's first picture = its showinfo line of "
                + "frame 0; ratios = ours / ffplay's, run by run; page cache %s; load average %.2f before, "
                + "%.2f after", home.resolve("nsfx"), StartupDisplay.SCREEN,
                coldCache ? "dropped before the coldCache pair, warm for the others" : "warm (not dropped)",
                loadBefore, loadAverage()));
    }

    /**
     * Adds the run's {@code milestones} to {@code phases} as {@code prefix + name} (ms from the
     * launcher's start): where a start's time goes, run by run.
     */
    private static void phases(Map<String, List<Double>> phases, String prefix, StartupLaunch.Milestones run,
                               String... milestones) throws IOException {
        for (String m : milestones) {
            phases.computeIfAbsent(prefix + m, k -> new ArrayList<>()).add(run.ms(m));
        }
    }

    private static List<Double> ratios(List<Double> ours, List<Double> anchor) {
        List<Double> r = new ArrayList<>();
        for (int i = 0; i < ours.size(); i++) {
            r.add(ours.get(i) / anchor.get(i));
        }
        return r;
    }

    /** Drops the page cache (needs root); false when this system does not let us. */
    private static boolean dropCaches() throws InterruptedException {
        if (!Files.isWritable(DROP_CACHES)) {
            return false;
        }
        try {
            new ProcessBuilder("sync").inheritIO().start().waitFor();
            Files.writeString(DROP_CACHES, "3");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
