package org.netstreamfx.e2e.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * {@code nsfx ARGS} in a child JVM on the tests' classpath, as a user runs it: stdout read line by
 * line as it comes (each line must be one JSON object), stderr kept, and Ctrl-C (SIGINT).
 */
public final class NsfxProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final List<JsonNode> lines = new CopyOnWriteArrayList<>();
    private final StringBuilder stdout = new StringBuilder();
    private final Thread reader;

    public NsfxProcess(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.netstreamfx.app.Main"));
        cmd.addAll(List.of(args));
        process = new ProcessBuilder(cmd).start();
        reader = new Thread(this::read, "nsfx-process-stdout");
        reader.start();
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (stdout) {
                    stdout.append(line).append('\n');
                }
                if (!line.isBlank()) {
                    lines.add(JSON.readTree(line));
                }
                synchronized (stdout) {
                    stdout.notifyAll();
                }
            }
        } catch (IOException e) {
            throw new AssertionError("nsfx printed a line that is not JSON: " + stdout(), e);
        } finally {
            synchronized (stdout) {
                stdout.notifyAll();
            }
        }
    }

    /**
     * The first line printed that matches, waiting for it: woken by each line as it comes, not
     * by polling; fails naming {@code what} with everything printed when {@code limit} passes or
     * the output ends without one.
     */
    public JsonNode awaitLine(String what, java.time.Duration limit, java.util.function.Predicate<JsonNode> which)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (stdout) {
            while (true) {
                for (JsonNode l : lines) {
                    if (which.test(l)) {
                        return l;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !reader.isAlive()) {
                    throw new AssertionError("nsfx printed no " + what + " within " + limit.toSeconds() + " s:\n"
                            + stdout);
                }
                stdout.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** Every line printed so far, parsed, in order. */
    public List<JsonNode> lines() {
        return List.copyOf(lines);
    }

    /** Whether the child is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The status codes printed so far, in order. */
    public List<String> codes() {
        return lines.stream().filter(n -> n.path("type").asText().equals("status")).map(n -> n.get("code").asText())
                .toList();
    }

    public String stdout() {
        synchronized (stdout) {
            return stdout.toString();
        }
    }

    public String stderr() throws IOException {
        return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    /**
     * Ctrl-C: SIGINT to the child (by its pid), whose JVM then runs its shutdown hooks. When this
     * JVM was started with SIGINT ignored (a background job of a non-interactive shell, as some CI
     * runners start builds), the child inherits that and a JVM keeps ignoring it; SIGTERM then
     * stands in, which runs the same shutdown hooks.
     */
    public void interrupt() throws IOException, InterruptedException {
        String signal = sigintIgnored() ? "-TERM" : "-INT";
        new ProcessBuilder("kill", signal, Long.toString(process.pid())).start().waitFor();
    }

    /** Whether this process ignores SIGINT (Linux: the SigIgn mask in /proc/self/status). */
    private static boolean sigintIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16);
                return (mask & (1L << (2 - 1))) != 0; // SIGINT is signal 2
            }
        }
        return false;
    }

    /** The exit status, once the child has ended and all of its output is read. */
    public int exit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("nsfx did not exit within " + seconds + " s; printed: " + stdout());
        }
        reader.join(5_000);
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
