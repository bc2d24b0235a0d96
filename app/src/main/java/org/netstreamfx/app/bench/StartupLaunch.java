package org.netstreamfx.app.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.netstreamfx.app.StartupReport;

/**
 * Starts {@code ./nsfx} as a user would, in a fresh process, with {@code -Dnsfx.startupReport}
 * (through JDK_JAVA_OPTIONS, which every java launcher reads, so the launcher script runs as it
 * is) and reads the milestones the app wrote, as milliseconds from the moment the launcher was
 * started.
 *
 * @param home     the clone's root (where {@code nsfx} is)
 * @param display  DISPLAY for the runs
 * @param workDir  where the reports, logs and the runs' settings go
 */
record StartupLaunch(Path home, String display, Path workDir) {
    /** A run's milestones, in ms from the launcher's start, and its time to exit. */
    record Milestones(Map<String, Double> ms, double exitMs) {
        /** The milestone {@code name}; fails when the run did not reach it. */
        double ms(String name) throws IOException {
            Double v = ms.get(name);
            if (v == null) {
                throw new IOException("the app did not report " + name + " (it reported " + ms.keySet() + ")");
            }
            return v;
        }
    }

    /** Numbers the runs' report and log files. */
    private static final AtomicInteger RUNS = new AtomicInteger();

    /**
     * The clone the bench runs from: {@code nsfx.home} (the launcher sets it), else the first of
     * the working directory and its parents that holds the launcher and a built app.
     */
    static Path cloneRoot() throws IOException {
        String set = System.getProperty("nsfx.home");
        if (set != null) {
            return Path.of(set).toAbsolutePath();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isExecutable(p.resolve("nsfx")) && Files.isRegularFile(p.resolve("app/target/classpath.txt"))) {
                return p;
            }
        }
        throw new IOException("no built clone (nsfx and app/target/classpath.txt) at or above "
                + Path.of("").toAbsolutePath() + "; run the bench through ./nsfx");
    }

    /**
     * Runs {@code ./nsfx ARGS} to its end (exit 0 expected) and returns its milestones.
     *
     * @param makeArchive  let the launcher make its class archive if it has none (the untimed
     *                     first start); otherwise it uses what there is
     */
    Milestones run(List<String> args, boolean makeArchive) throws IOException, InterruptedException {
        int n = RUNS.incrementAndGet();
        Path reportFile = workDir.resolve("startup-" + n + ".txt");
        Path log = workDir.resolve("startup-" + n + ".log");
        List<String> command = new ArrayList<>(List.of(home.resolve("nsfx").toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Map<String, String> env = pb.environment();
        env.put("DISPLAY", display);
        env.remove("WAYLAND_DISPLAY");
        env.put("XDG_CONFIG_HOME", workDir.resolve("startup-config").toString()); // the user's settings untouched
        env.put("NSFX_SKIP_BUILD", "1"); // what is built: a build here is not a start
        if (makeArchive) {
            env.put("NSFX_MAKE_ARCHIVE", "1");
        }
        env.put("JDK_JAVA_OPTIONS", "-D" + StartupReport.PROPERTY + "=" + reportFile);
        long t0 = System.currentTimeMillis();
        Process p = pb.start();
        try {
            if (!p.waitFor(StartupBench.RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException("nsfx " + String.join(" ", args) + " still running after "
                        + StartupBench.RUN_TIMEOUT_SECONDS + " s:\n" + Procs.tail(log));
            }
            double exitMs = System.currentTimeMillis() - t0;
            if (p.exitValue() != 0) {
                throw new IOException("nsfx " + String.join(" ", args) + ": exit " + p.exitValue() + "\n"
                        + Procs.tail(log));
            }
            return new Milestones(read(reportFile, t0), exitMs);
        } finally {
            Procs.stop(p, 2000);
        }
    }

    /** The report's lines ("name epochMs"), as ms after {@code t0}. */
    private static Map<String, Double> read(Path file, long t0) throws IOException {
        Map<String, Double> ms = new HashMap<>();
        if (!Files.exists(file)) {
            return ms;
        }
        long size = Files.size(file);
        if (size > StartupBench.MAX_REPORT_BYTES) {
            throw new IOException("startup report " + file + " is " + size + " bytes, over " + StartupBench.MAX_REPORT_BYTES);
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.strip().split(" ");
            if (f.length != 2 || !f[1].matches("\\d{1,19}")) {
                throw new IOException("startup report " + file + ": not \"name epochMs\": " + line);
            }
            ms.put(f[0], (double) (Long.parseLong(f[1]) - t0));
        }
        return ms;
    }
}
