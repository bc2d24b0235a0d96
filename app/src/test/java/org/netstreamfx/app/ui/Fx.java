package org.netstreamfx.app.ui;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.application.Platform;

/** Runs test code on the FX thread and waits for conditions read there. */
public final class Fx {
    private Fx() {
    }

    /** Runs {@code action} on the FX thread and returns its result (rethrowing its failure). */
    public static <T> T call(Callable<T> action) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(action.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        try {
            return f.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new AssertionError(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("the FX thread did not answer within 20 s", e);
        }
    }

    public static void run(Runnable action) {
        call(() -> {
            action.run();
            return null;
        });
    }

    /**
     * Waits until {@code condition}, read on the FX thread, holds; fails with {@code what} and the
     * last value of {@code state} after {@code timeout}.
     */
    public static void waitUntil(String what, Duration timeout, Supplier<Boolean> condition, Supplier<?> state) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (call(condition::get)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what
                        + "; state: " + call(state::get));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
