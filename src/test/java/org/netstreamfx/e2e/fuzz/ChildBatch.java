package org.netstreamfx.e2e.fuzz;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link FuzzChild} on a list of files in one child JVM with a bounded heap and watches it:
 * each file must end within {@code perFile} of its start. Returns what each finished play printed
 * and, if the child died or hung, which file it was on.
 */
final class ChildBatch {
    /** The child's heap: small, so that an allocation bug is an OutOfMemoryError, not swapping. */
    static final String CHILD_HEAP = "-Xmx256m";
    private static final String EOF = "\u0000eof";

    /** One finished play; {@code peakRssKib} is the child's peak resident set after it (VmHWM). */
    record Played(int index, int exit, long millis, long peakRssKib, String stdout, String stderr) {}

    /**
     * How the batch ended.
     *
     * @param played the plays that finished, in order
     * @param stuckIndex the file the child was on when it crashed or hung, or -1 (all done)
     * @param hung whether it hung (killed after {@code perFile}) rather than died
     * @param childExit the child's exit status when it died by itself
     * @param raw what the child printed outside the frames (a fatal-error banner), and for a
     *     hang its threads as jcmd printed them
     */
    record Outcome(List<Played> played, int stuckIndex, boolean hung, int childExit, String raw) {}

    private ChildBatch() {}

    static Outcome run(List<Path> files, Duration perFile, Path workDir) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                CHILD_HEAP, "-Xss1m", "-XX:ErrorFile=" + workDir.resolve("hs_err_pid%p.log"),
                "-XX:-UsePerfData", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), FuzzChild.class.getName()));
        files.forEach(f -> cmd.add(f.toString()));
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        StringBuilder raw = new StringBuilder();
        Thread outReader = pump(p.getInputStream(), lines, "fuzz-child-stdout");
        Thread errReader = pump(p.getErrorStream(), lines, "fuzz-child-stderr");
        List<Played> played = new ArrayList<>();
        int current = -1;
        int eofs = 0;
        boolean done = false;
        try {
            long deadline = System.nanoTime() + perFile.toNanos();
            while (eofs < 2) {
                String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    if (current >= 0 && !done) {
                        raw.append(threadDump(p.pid()));
                        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                        return new Outcome(played, current, true, -1, raw.toString());
                    }
                    // Not in a play (JVM start or exit) for as long as a whole play may take: give up.
                    raw.append(threadDump(p.pid()));
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    break;
                }
                if (line.equals(EOF)) {
                    eofs++;
                } else if (line.startsWith("@@begin\t")) {
                    current = Integer.parseInt(line.substring(8));
                    deadline = System.nanoTime() + perFile.toNanos();
                } else if (line.startsWith("@@end\t")) {
                    String[] f = line.split("\t", -1);
                    Base64.Decoder d = Base64.getDecoder();
                    played.add(new Played(Integer.parseInt(f[1]), Integer.parseInt(f[2]), Long.parseLong(f[3]),
                            Long.parseLong(f[4]), new String(d.decode(f[5]), StandardCharsets.UTF_8),
                            new String(d.decode(f[6]), StandardCharsets.UTF_8)));
                    current = -1;
                } else if (line.equals("@@done")) {
                    done = true;
                } else {
                    raw.append(line).append('\n');
                }
            }
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            int exit = p.waitFor();
            boolean allPlayed = played.size() == files.size();
            if (done && allPlayed) {
                return new Outcome(played, -1, false, exit, raw.toString());
            }
            boolean killed = eofs < 2;
            return new Outcome(played, current >= 0 ? current : played.size(), killed, exit, raw.toString());
        } finally {
            p.destroyForcibly();
            outReader.join(5_000);
            errReader.join(5_000);
        }
    }

    private static Thread pump(InputStream in, BlockingQueue<String> lines, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    lines.add(l);
                }
            } catch (IOException e) {
                lines.add("(reading the child failed: " + e + ")");
            } finally {
                lines.add(EOF);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The child's threads, to show where a hang sits (jcmd from the same JDK). */
    private static String threadDump(long pid) {
        try {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            Process j = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "Thread.print")
                    .redirectErrorStream(true).start();
            byte[] out = j.getInputStream().readAllBytes();
            j.waitFor(20, TimeUnit.SECONDS);
            StringBuilder ours = new StringBuilder("threads of the hung child (jcmd Thread.print; JVM threads left out):\n");
            for (String block : new String(out, StandardCharsets.UTF_8).split("\n\\s*\n")) {
                if (block.contains("netstreamfx") || block.contains("nsfx-") || block.contains("bytedeco")) {
                    ours.append(block).append("\n\n");
                }
            }
            return ours.toString();
        } catch (IOException e) {
            return "(no thread dump: " + e + ")\n";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(no thread dump: interrupted)\n";
        }
    }
}
