package org.netstreamfx.e2e.screen;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.netstreamfx.e2e.fixtures.Tools;

/**
 * An Xvfb virtual X display started by a test: Xvfb picks a free display number itself and writes
 * it on its stdout once it accepts clients ({@code -displayfd 1}), so there is no race for a number
 * and nothing to sleep for. No TCP listener. {@link #kill()} ends it (the test's "unplug");
 * {@link #close()} also, if still running.
 *
 * <p>A missing Xvfb fails (with CI=true as without): the screen camera cannot be tested without a display.
 */
final class XvfbDisplay implements AutoCloseable {
    /** How long Xvfb may take to accept clients on a loaded 2-core machine. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final String display;

    private XvfbDisplay(Process process, String display) {
        this.process = process;
        this.display = display;
    }

    /** Starts {@code Xvfb -displayfd 1 -screen 0 WxHx24 -nolisten tcp} and waits until it serves. */
    static XvfbDisplay start(int width, int height) throws IOException, InterruptedException {
        Path xvfb;
        try {
            xvfb = Tools.tool("Xvfb");
        } catch (IllegalStateException e) {
            throw new AssertionError("Xvfb is needed to test the screen camera (package xvfb): " + e.getMessage()
                    + (("true".equals(System.getenv("CI"))) ? " (CI=true)" : ""), e);
        }
        Process p = new ProcessBuilder(List.of(xvfb.toString(), "-displayfd", "1", "-screen", "0",
                width + "x" + height + "x24", "-nolisten", "tcp", "-noreset"))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> number = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            String n = number.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (n == null || !n.strip().matches("\\d+")) {
                throw new AssertionError("Xvfb did not say which display it serves (got " + n + "; exit "
                        + (p.isAlive() ? "none" : p.exitValue()) + ")");
            }
            return new XvfbDisplay(p, ":" + n.strip());
        } catch (ExecutionException | TimeoutException | AssertionError e) {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            throw new AssertionError("Xvfb did not start within " + START_TIMEOUT + ": " + e, e);
        }
    }

    /** ":N". */
    String display() {
        return display;
    }

    /** The X socket of this display (gone once Xvfb has ended). */
    Path socket() {
        return Path.of("/tmp/.X11-unix/X" + display.substring(1));
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Kills Xvfb (SIGKILL: as sudden as a pulled cable) and waits for it to end. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError("Xvfb " + display + " did not end within 10 s of SIGKILL");
        }
    }

    @Override
    public void close() throws IOException {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    throw new AssertionError("Xvfb " + display + " did not end within 10 s of SIGKILL");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while stopping Xvfb " + display, e);
            }
        }
        Files.deleteIfExists(socket()); // SIGKILL leaves it behind
        Files.deleteIfExists(Path.of("/tmp/.X" + display.substring(1) + "-lock"));
    }
}
