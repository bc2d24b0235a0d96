package org.netstreamfx.app.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * One player process under the bench's Xvfb, sampled from /proc while it plays: its CPU time, RSS
 * and peak RSS ({@link ProcSample}) every {@code sampleMs}. The run ends when the process exits
 * (ffplay {@code -autoexit}), when {@code ended} turns true (our GUI's report file appears) or
 * after {@code timeoutS}, which fails. Its output goes to a log file in the work folder.
 *
 * @param last    the last sample taken while the process was alive, at or just before the end
 * @param series  every sample with its time since the start, {seconds, rss MB}
 * @param log     the process's stdout and stderr
 */
record GuiProcessRun(ProcSample last, List<double[]> series, Path log) {
    /** How long a process may take to end after its playback ended, before it is killed. */
    private static final long EXIT_GRACE_MS = 20_000;

    /**
     * Starts {@code command} with {@code env} added to this process's environment and samples it.
     * {@code stopAfterS} &gt; 0 ends the run (the process is stopped) after that many seconds
     * instead of waiting for its end (the long run).
     */
    static GuiProcessRun sample(List<String> command, Map<String, String> env, Path workDir, String name,
            long sampleMs, double timeoutS, BooleanSupplier ended, double stopAfterS)
            throws IOException, InterruptedException {
        Path log = workDir.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.start();
        List<double[]> series = new ArrayList<>();
        ProcSample last = null;
        try {
            for (long n = 1; ; n++) {
                ProcSample s = ProcSample.read(p.pid());
                double t = (System.nanoTime() - t0) / 1e9;
                if (s != null) {
                    last = s;
                    series.add(new double[] {t, s.rssMb()});
                }
                if (!p.isAlive() || ended.getAsBoolean() || stopAfterS > 0 && t >= stopAfterS) {
                    break;
                }
                if (t > timeoutS) {
                    throw new IOException(name + " still playing after " + timeoutS + " s:\n" + Procs.tail(log));
                }
                long sleep = (t0 + n * sampleMs * 1_000_000L - System.nanoTime()) / 1_000_000L;
                if (sleep > 0) {
                    Thread.sleep(sleep);
                }
            }
            if (stopAfterS <= 0 && !p.waitFor(EXIT_GRACE_MS, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                throw new IOException(name + " did not exit within " + EXIT_GRACE_MS + " ms of its end:\n"
                        + Procs.tail(log));
            }
            if (stopAfterS <= 0 && p.exitValue() != 0) {
                throw new IOException(name + " exited with " + p.exitValue() + ":\n" + Procs.tail(log));
            }
        } finally {
            Procs.stop(p, 3000);
        }
        if (last == null) {
            throw new IOException(name + " ended before it could be sampled:\n" + Procs.tail(log));
        }
        return new GuiProcessRun(last, series, log);
    }

    /** The log's text (ffplay's status lines). */
    String output() throws IOException {
        return Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
