package org.netstreamfx.app.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The X display the startup measurement opens its windows on: an Xvfb of its own, so that every
 * run, ours and ffplay's, gets the same empty screen whatever DISPLAY the bench was started with.
 * Xvfb chooses a free display number and writes it on its stdout once it serves clients
 * ({@code -displayfd 1}): no number to guess, no wait to guess.
 *
 * @param xvfb  the Xvfb process
 * @param name  ":N", for DISPLAY
 */
record StartupDisplay(Process xvfb, String name) implements AutoCloseable {
    /** The screen's size: the window's default size fits. */
    static final String SCREEN = "1280x800x24";
    /** How long Xvfb may take to serve on a loaded 2-core machine. */
    static final long START_TIMEOUT_MS = 20_000;
    /** The longest display number Xvfb writes ("65535"), read before anything else is trusted. */
    static final int MAX_NUMBER_CHARS = 5;

    /** Starts Xvfb and returns once it serves. */
    static StartupDisplay start() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(Procs.tool("Xvfb"), "-displayfd", "1", "-screen", "0", SCREEN,
                "-nolisten", "tcp", "-noreset")).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String n = line.get(START_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            if (n == null || n.isBlank() || n.strip().length() > MAX_NUMBER_CHARS || !n.strip().matches("\\d+")) {
                throw new IOException("Xvfb did not say which display it serves (it wrote " + n + ")");
            }
            return new StartupDisplay(p, ":" + n.strip());
        } catch (ExecutionException | TimeoutException | IOException e) {
            Procs.stop(p, 2000);
            throw new IOException("Xvfb did not start within " + START_TIMEOUT_MS + " ms: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        Procs.stop(xvfb, 2000);
    }
}
