package org.netstreamfx.app.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An Xvfb display of the bench's own, so that our GUI and ffplay are measured on the same
 * virtual screen whatever display the bench was started from. Xvfb chooses a free display number
 * itself ({@code -displayfd}) and prints it once it accepts clients.
 *
 * @param process the Xvfb process
 * @param display the DISPLAY value of this screen, e.g. {@code :3}
 */
record BenchXvfb(Process process, String display) implements AutoCloseable {
    /** How long Xvfb may take to accept clients on a loaded 2-core machine. */
    private static final long START_TIMEOUT_S = 30;
    /** How long Xvfb may take to end after SIGTERM before it is killed. */
    private static final long STOP_GRACE_MS = 3000;
    /** The screen's size: larger than both windows. */
    static final int SCREEN_WIDTH = 1920;
    static final int SCREEN_HEIGHT = 1080;

    /** Starts Xvfb (from PATH; scripts/install-deps installs it) and waits until it serves. */
    static BenchXvfb start() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(Procs.tool("Xvfb"), "-displayfd", "1", "-screen", "0",
                SCREEN_WIDTH + "x" + SCREEN_HEIGHT + "x24", "-nolisten", "tcp"))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        CompletableFuture<String> number = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII))) {
                return r.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String n = number.get(START_TIMEOUT_S, TimeUnit.SECONDS);
            if (n == null || !n.strip().matches("\\d{1,5}")) {
                Procs.stop(p, STOP_GRACE_MS);
                throw new IOException("Xvfb did not say which display it serves (got " + n + ")");
            }
            return new BenchXvfb(p, ":" + n.strip());
        } catch (ExecutionException | TimeoutException e) {
            Procs.stop(p, STOP_GRACE_MS);
            throw new IOException("Xvfb did not start within " + START_TIMEOUT_S + " s: " + e, e);
        }
    }

    @Override
    public void close() {
        Procs.stop(process, STOP_GRACE_MS);
    }
}
