package org.netstreamfx.e2e.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * {@code nsfx ARGS} in a child JVM on the tests' classpath, as a user runs it: stdout read line by
 * line as it comes (each line must be one JSON object), stderr kept, and Ctrl-C (SIGINT).
 */
final class NsfxProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final List<JsonNode> lines = new CopyOnWriteArrayList<>();
    private final StringBuilder stdout = new StringBuilder();
    private final Thread reader;

    NsfxProcess(String... args) throws IOException {
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
            }
        } catch (IOException e) {
            throw new AssertionError("nsfx printed a line that is not JSON: " + stdout(), e);
        }
    }

    /** The status codes printed so far, in order. */
    List<String> codes() {
        return lines.stream().filter(n -> n.path("type").asText().equals("status")).map(n -> n.get("code").asText())
                .toList();
    }

    String stdout() {
        synchronized (stdout) {
            return stdout.toString();
        }
    }

    String stderr() throws IOException {
        return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** Ctrl-C: SIGINT to the child (by its pid), whose JVM then runs its shutdown hooks. */
    void interrupt() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
    }

    /** The exit status, once the child has ended and all of its output is read. */
    int exit(long seconds) throws InterruptedException {
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
