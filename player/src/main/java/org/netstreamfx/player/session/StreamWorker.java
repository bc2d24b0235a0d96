package org.netstreamfx.player.session;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine's own thread for one NetStream ("nsfx-stream-N"): the work of its public
 * commands that may wait (starting a session, joining the threads of the one before and closing
 * its source, decoders and sink, sending RTMP stream commands, finishing a recording) runs here,
 * one task after another in the order asked, never on the caller's thread (the FX thread in the
 * app) nor on the connection's callback executor.
 *
 * <p>The thread starts with the first task and ends after {@link #IDLE_MS} ms without one, so an
 * idle stream holds no thread. A task that throws is reported on stderr and the next one runs.
 *
 * <p>Thread ownership: {@link #run} and {@link #call} from any thread.
 */
final class StreamWorker {
    /** How long the thread waits for another task before it ends. */
    static final long IDLE_MS = 2_000;
    private static final AtomicInteger IDS = new AtomicInteger();

    private final ThreadPoolExecutor executor;

    StreamWorker() {
        String name = "nsfx-stream-" + IDS.incrementAndGet();
        executor = new ThreadPoolExecutor(1, 1, IDLE_MS, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        executor.allowCoreThreadTimeOut(true);
    }

    /** Runs {@code task} on the stream's thread after every task asked for before it. */
    void run(Runnable task) {
        executor.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                Thread t = Thread.currentThread();
                t.getUncaughtExceptionHandler().uncaughtException(t, e);
            }
        });
    }

    /** As {@link #run}; the stage completes when {@code task} has run (exceptionally if it threw). */
    CompletionStage<Void> call(Runnable task) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                task.run();
                done.complete(null);
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
                Thread t = Thread.currentThread();
                t.getUncaughtExceptionHandler().uncaughtException(t, e);
            }
        });
        return done;
    }
}
