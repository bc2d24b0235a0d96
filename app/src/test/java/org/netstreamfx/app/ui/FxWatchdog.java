package org.netstreamfx.app.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * Measures how long the FX thread is blocked, three ways:
 *
 * <ul>
 *   <li><b>Probes</b>: a monitor thread ("nsfx-fx-watchdog") posts a Platform.runLater probe every
 *       {@link #PROBE_INTERVAL_MS} ms (the next one once the last has run); a probe's latency, from
 *       posting to running, is how long the FX thread was busy before it. This catches everything,
 *       JavaFX's own layout and rendering included.
 *   <li><b>Timed calls</b>: each engine call made on the FX thread through {@link #call} and each
 *       engine callback run through {@link #callbacks()} (the executor the view-model hands its
 *       NetConnections) is timed; a block is attributed to the call it happened in.
 *   <li><b>Stack samples</b>: every {@link #SAMPLE_INTERVAL_MS} ms the FX thread's stack is read
 *       (ThreadMXBean); a sample is in the engine when the innermost of our frames is the
 *       engine's ({@code org.netstreamfx.player}), whatever JDK frames (a join, a wait, a socket
 *       write) sit above it; a listener of ours called by the engine is the app's, not the
 *       engine's. The longest run of samples in the engine, from its first to its last, is how
 *       long the engine held the FX thread at a stretch, apart from the app's and JavaFX's work.
 * </ul>
 *
 * Thread ownership: {@link #call} and the callbacks run on the FX thread; the figures are atomic.
 */
public final class FxWatchdog implements AutoCloseable {
    /** How often a probe is posted. */
    public static final long PROBE_INTERVAL_MS = 10;
    /** How often the FX thread's stack is sampled. */
    public static final long SAMPLE_INTERVAL_MS = 3;
    private static final String OURS = "org.netstreamfx.";
    private static final String ENGINE = "org.netstreamfx.player.";

    /** One timed piece of work on the FX thread. */
    public record Timed(String what, long nanos) {
        public double millis() {
            return nanos / 1e6;
        }
    }

    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "nsfx-fx-watchdog");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong probePostedNanos = new AtomicLong(-1);
    private final AtomicLong maxProbeLatencyNanos = new AtomicLong();
    private final AtomicLong probes = new AtomicLong();
    private final List<Timed> timed = new ArrayList<>(); // guarded by itself
    private volatile String phase = "start";
    private volatile String worstProbePhase = "";
    // Stack sampling, on the monitor thread (the figures read by the test are volatile).
    private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    private volatile long fxThreadId = -1;
    private long runFirstNanos = -1;
    private long runLastNanos;
    private String runPhase;
    private String runFrame;
    private final List<Timed> engineRuns = new ArrayList<>(); // guarded by itself
    private final AtomicLong samples = new AtomicLong();

    public FxWatchdog() {
        monitor.scheduleAtFixedRate(this::tick, 0, PROBE_INTERVAL_MS, TimeUnit.MILLISECONDS);
        monitor.scheduleAtFixedRate(this::sample, 0, SAMPLE_INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    // Called on the monitor thread.
    private void sample() {
        if (fxThreadId < 0) {
            try {
                Platform.runLater(() -> fxThreadId = Thread.currentThread().getId());
            } catch (IllegalStateException toolkitNotStartedYet) {
                // the next sample asks again
            }
            return;
        }
        java.lang.management.ThreadInfo info = threads.getThreadInfo(fxThreadId, 64);
        long now = System.nanoTime();
        samples.incrementAndGet();
        String engineFrame = null;
        if (info != null) {
            for (StackTraceElement e : info.getStackTrace()) {
                if (e.getClassName().startsWith(OURS)) {
                    engineFrame = e.getClassName().startsWith(ENGINE) ? e.toString() : null;
                    break;
                }
            }
        }
        if (engineFrame != null) {
            if (runFirstNanos < 0) {
                runFirstNanos = now;
                runPhase = phase;
                runFrame = engineFrame;
            }
            runLastNanos = now;
        } else if (runFirstNanos >= 0) {
            synchronized (engineRuns) {
                engineRuns.add(new Timed("in the engine during " + runPhase + " at " + runFrame,
                        runLastNanos - runFirstNanos));
            }
            runFirstNanos = -1;
        }
    }

    /** Runs of stack samples in the engine longer than {@code millis}, outside the phases named {@code except}. */
    public List<Timed> engineRunsOver(double millis, String except) {
        synchronized (engineRuns) {
            return engineRuns.stream().filter(t -> t.millis() > millis && !t.what().contains(except)).toList();
        }
    }

    /** The longest run of stack samples in the engine so far, outside the phases named {@code except}. */
    public Timed worstEngineRun(String except) {
        synchronized (engineRuns) {
            return engineRuns.stream().filter(t -> !t.what().contains(except))
                    .max(java.util.Comparator.comparingLong(Timed::nanos)).orElse(new Timed("none", 0));
        }
    }

    /** How many times the FX thread's stack has been read. */
    public long samples() {
        return samples.get();
    }

    public int engineSamplesRuns() {
        synchronized (engineRuns) {
            return engineRuns.size();
        }
    }

    /** Names what the test does from now on; the worst probe is reported with its phase. */
    public void phase(String name) {
        phase = name;
    }

    // Called on the monitor thread.
    private void tick() {
        long now = System.nanoTime();
        if (!probePostedNanos.compareAndSet(-1, now)) {
            return; // the last probe has not run yet: the FX thread is busy
        }
        try {
            Platform.runLater(() -> {
                long latency = System.nanoTime() - probePostedNanos.getAndSet(-1);
                probes.incrementAndGet();
                if (latency > maxProbeLatencyNanos.get()) {
                    maxProbeLatencyNanos.set(latency);
                    worstProbePhase = phase;
                }
            });
        } catch (IllegalStateException toolkitNotStartedYet) {
            probePostedNanos.set(-1); // the next tick tries again
        }
    }

    /**
     * Runs {@code action} on the FX thread (from a test thread), timing it as {@code what}; returns
     * its result.
     */
    public <T> T call(String what, Callable<T> action) {
        return Fx.call(() -> {
            long t0 = System.nanoTime();
            try {
                return action.call();
            } finally {
                record(what, System.nanoTime() - t0);
            }
        });
    }

    public void run(String what, Runnable action) {
        call(what, () -> {
            action.run();
            return null;
        });
    }

    /**
     * Platform::runLater that times each task it runs as an engine callback ("callback in"
     * the phase): the status events and the work the engine schedules on the callback executor.
     */
    public Executor callbacks() {
        return task -> Platform.runLater(() -> {
            long t0 = System.nanoTime();
            try {
                task.run();
            } finally {
                record("engine callback during " + phase, System.nanoTime() - t0);
            }
        });
    }

    private void record(String what, long nanos) {
        synchronized (timed) {
            timed.add(new Timed(what, nanos));
        }
    }

    /** The longest timed call or callback so far. */
    public Timed worstCall() {
        synchronized (timed) {
            return timed.stream().max(java.util.Comparator.comparingLong(Timed::nanos)).orElse(new Timed("none", 0));
        }
    }

    /** Every timed call or callback longer than {@code millis}. */
    public List<Timed> callsOver(double millis) {
        synchronized (timed) {
            return timed.stream().filter(t -> t.millis() > millis).toList();
        }
    }

    public int timedCount() {
        synchronized (timed) {
            return timed.size();
        }
    }

    public double maxProbeLatencyMs() {
        return maxProbeLatencyNanos.get() / 1e6;
    }

    public String worstProbePhase() {
        return worstProbePhase;
    }

    public long probes() {
        return probes.get();
    }

    @Override
    public void close() {
        monitor.shutdownNow();
    }
}
