package org.netstreamfx.e2e.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** {@code nsfx ARGS} in a child JVM on the tests' classpath; its JSON lines read as they come. */
final class Nsfx implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final List<JsonNode> lines = new CopyOnWriteArrayList<>();
    private final StringBuffer stdout = new StringBuffer();
    private final StringBuffer stderr = new StringBuffer();
    private final Thread outReader;
    private final Thread errReader;

    Nsfx(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.netstreamfx.app.Main"));
        cmd.addAll(List.of(args));
        process = new ProcessBuilder(cmd).start();
        outReader = new Thread(() -> read(process.getInputStream(), stdout, true), "nsfx-child-stdout");
        errReader = new Thread(() -> read(process.getErrorStream(), stderr, false), "nsfx-child-stderr");
        outReader.start();
        errReader.start();
    }

    private void read(java.io.InputStream stream, StringBuffer into, boolean json) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                into.append(line).append('\n');
                if (json && line.startsWith("{")) {
                    lines.add(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            into.append("(reading failed: ").append(e).append(")\n");
        }
    }

    /** The status events printed so far, in order. */
    List<JsonNode> statuses() {
        return lines.stream().filter(n -> n.path("type").asText().equals("status")).toList();
    }

    List<String> codes() {
        return statuses().stream().map(n -> n.get("code").asText()).toList();
    }

    JsonNode status(String code) {
        return statuses().stream().filter(n -> n.get("code").asText().equals(code)).findFirst().orElseThrow();
    }

    void awaitCode(String code, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!codes().contains(code)) {
            if (System.nanoTime() > deadline || !process.isAlive() && !outReader.isAlive()) {
                throw new AssertionError("nsfx printed no " + code + " within " + limit + ":\n" + stdout
                        + "\nstderr:\n" + stderr);
            }
            Thread.sleep(10);
        }
    }

    int exit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("nsfx did not exit within " + limit + "; printed:\n" + stdout);
        }
        outReader.join(5_000);
        errReader.join(5_000);
        return process.exitValue();
    }

    String stdout() {
        return stdout.toString();
    }

    String stderr() {
        return stderr.toString();
    }

    /** Writes the status sequence to the test output. */
    void print(String name) {
        System.out.println("[" + name + "] nsfx status lines:");
        for (JsonNode n : statuses()) {
            System.out.printf("  t=%-6s %-40s %s%n", n.path("t").asText(), n.get("code").asText(),
                    n.path("description").asText());
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
