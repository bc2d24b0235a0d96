package org.netstreamfx.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The app's own background threads: named daemon threads (none keeps the JVM alive), and the one
 * way an executor of them is stopped, waiting a bounded time for its last tasks. Shared by the
 * CLI, the benches and the desktop app.
 */
public final class DaemonThreads {
    /** How long {@link #shutdownAndWait} waits for the tasks under way, in seconds. */
    public static final long STOP_WAIT_SECONDS = 5;

    private DaemonThreads() {
    }

    /** A daemon thread called {@code name} that runs {@code r} (a thread factory's body). */
    public static Thread named(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Shuts {@code executor} down and waits up to {@link #STOP_WAIT_SECONDS} for its tasks to end;
     * an interrupt while waiting ends the wait and is kept on the calling thread.
     */
    public static void shutdownAndWait(ExecutorService executor) {
        executor.shutdown();
        try {
            executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
