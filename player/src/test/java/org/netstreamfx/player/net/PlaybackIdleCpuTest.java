package org.netstreamfx.player.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A paused or ended stream costs nothing: its playback thread blocks until a command or new data
 * wakes it, rather than looking every few milliseconds. Measured as the CPU time of the stream's
 * own playback thread ({@link ThreadMXBean#getThreadCpuTime}) over {@value #WINDOW_MS} ms paused
 * (once the read-ahead has filled) and as long again after the end: under 1 % of a core each.
 */
class PlaybackIdleCpuTest {
    /** How long each state is measured. */
    private static final long WINDOW_MS = 10_000;
    /** The most CPU the playback thread may use in a window: 1 % of one core. */
    private static final long MAX_CPU_NS = WINDOW_MS * 1_000_000L / 100;

    @Test
    void aPausedAndAnEndedStreamUseNoMeasurableCpu() throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        assertTrue(mx.isThreadCpuTimeSupported(), "this JVM cannot measure a thread's CPU time");
        mx.setThreadCpuTimeEnabled(true);
        Set<Long> before = playbackThreads();
        try (PlayedMedia run = new PlayedMedia()) {
            run.ns.play(RateMedia.beeps().toString());
            run.awaitFrame(pts -> pts >= 500_000, 20_000);
            List<Long> ours = playbackThreads().stream().filter(id -> !before.contains(id)).toList();
            assertEquals(1, ours.size(), "one playback thread per stream");
            long thread = ours.get(0);

            run.ns.pause();
            run.awaitEvent("NetStream.Pause.Notify", 1, 5_000);
            long end = System.nanoTime() + 20_000_000_000L;
            while (run.ns.bufferLength() < 2.5) { // the read-ahead fills while paused, and info() shows it
                assertTrue(System.nanoTime() < end, "the buffer did not fill while paused: " + run.ns.bufferLength());
                LockSupport.parkNanos(20_000_000); // bufferLength has no event: looked at every 20 ms
            }
            long paused = cpuOver(mx, thread);
            run.ns.resume();
            run.awaitComplete(30_000);
            long ended = cpuOver(mx, thread);

            System.out.printf("[idle cpu] playback thread over %d ms: paused %.2f ms, ended %.2f ms (limit %.0f ms)%n",
                    WINDOW_MS, paused / 1e6, ended / 1e6, MAX_CPU_NS / 1e6);
            assertTrue(paused < MAX_CPU_NS, "paused: " + paused / 1e6 + " ms of CPU in " + WINDOW_MS + " ms");
            assertTrue(ended < MAX_CPU_NS, "ended: " + ended / 1e6 + " ms of CPU in " + WINDOW_MS + " ms");
        }
    }

    /** The CPU time {@code thread} uses over the next {@link #WINDOW_MS} (a measuring window, not a wait). */
    private static long cpuOver(ThreadMXBean mx, long thread) throws InterruptedException {
        long from = mx.getThreadCpuTime(thread);
        assertTrue(from >= 0, "the playback thread is gone");
        Thread.sleep(WINDOW_MS);
        long to = mx.getThreadCpuTime(thread);
        assertTrue(to >= 0, "the playback thread is gone");
        return to - from;
    }

    private static Set<Long> playbackThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("nsfx-playback-"))
                .map(Thread::getId).collect(Collectors.toSet());
    }
}
