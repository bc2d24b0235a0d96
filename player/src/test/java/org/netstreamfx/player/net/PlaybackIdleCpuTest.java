package org.netstreamfx.player.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.netstreamfx.testkit.RunsAlone;

/**
 * A paused or ended stream costs nothing: its playback thread and its demux thread block until a
 * command or new data wakes them, rather than looking every few milliseconds. Measured over
 * {@value #WINDOW_MS} ms paused (once the read-ahead has filled) and as long again after the end,
 * for each of the stream's two threads: its CPU time ({@link ThreadMXBean#getThreadCpuTime}),
 * under 1 % of a core, and for the demux thread also how often it went back to waiting
 * ({@link ThreadInfo#getWaitedCount}): a thread that polls every 50 ms does so 20 times a second of
 * the window, one that waits for a change not at all.
 */
@RunsAlone
class PlaybackIdleCpuTest {
    /** How long each state is measured. */
    private static final long WINDOW_MS = 10_000;
    /** The most CPU a thread may use in a window: 1 % of one core. */
    private static final long MAX_CPU_NS = WINDOW_MS * 1_000_000L / 100;
    /** The most times the demux thread may wait again in a window (stray wake-ups, none expected). */
    private static final long MAX_DEMUX_WAKEUPS = 5;

    /** What one thread used: CPU time and how many times it waited (each wait ends in a wake-up). */
    private record Usage(long cpuNs, long waits) {
        static Usage of(ThreadMXBean mx, long thread) {
            long cpu = mx.getThreadCpuTime(thread);
            ThreadInfo info = mx.getThreadInfo(thread);
            assertTrue(cpu >= 0 && info != null, "thread " + thread + " is gone");
            return new Usage(cpu, info.getWaitedCount());
        }

        Usage since(Usage from) {
            return new Usage(cpuNs - from.cpuNs, waits - from.waits);
        }

        @Override
        public String toString() {
            return String.format("%.2f ms CPU, %d waits", cpuNs / 1e6, waits);
        }
    }

    @Test
    void aPausedAndAnEndedStreamUseNoMeasurableCpu() throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        assertTrue(mx.isThreadCpuTimeSupported(), "this JVM cannot measure a thread's CPU time");
        mx.setThreadCpuTimeEnabled(true);
        Set<Long> playbackBefore = threads("nsfx-playback-");
        Set<Long> demuxBefore = threads("nsfx-demux-");
        try (PlayedMedia run = new PlayedMedia()) {
            run.ns.play(RateMedia.beeps().toString());
            run.awaitFrame(pts -> pts >= 500_000, 20_000);
            long playback = ours("nsfx-playback-", playbackBefore);
            long demux = ours("nsfx-demux-", demuxBefore);

            run.ns.pause();
            run.awaitEvent("NetStream.Pause.Notify", 1, 5_000);
            long end = System.nanoTime() + 20_000_000_000L;
            while (run.ns.bufferLength() < 2.5) { // the read-ahead fills while paused, and info() shows it
                assertTrue(System.nanoTime() < end, "the buffer did not fill while paused: " + run.ns.bufferLength());
                LockSupport.parkNanos(20_000_000); // bufferLength has no event: looked at every 20 ms
            }
            Usage[] paused = over(mx, playback, demux);
            run.ns.resume();
            run.awaitComplete(30_000);
            Usage[] ended = over(mx, playback, demux);

            System.out.printf("[idle cpu] over %d ms (limit %.0f ms CPU, %d demux waits): paused: playback %s,"
                    + " demux %s; ended: playback %s, demux %s%n", WINDOW_MS, MAX_CPU_NS / 1e6, MAX_DEMUX_WAKEUPS,
                    paused[0], paused[1], ended[0], ended[1]);
            assertIdle("paused", paused);
            assertIdle("ended", ended);
        }
    }

    private static void assertIdle(String state, Usage[] used) {
        assertTrue(used[0].cpuNs() < MAX_CPU_NS, state + ", playback thread: " + used[0] + " in " + WINDOW_MS + " ms");
        assertTrue(used[1].cpuNs() < MAX_CPU_NS, state + ", demux thread: " + used[1] + " in " + WINDOW_MS + " ms");
        assertTrue(used[1].waits() <= MAX_DEMUX_WAKEUPS,
                state + ", demux thread woke up: " + used[1] + " in " + WINDOW_MS + " ms");
    }

    /** What each of {@code threads} uses over the next {@link #WINDOW_MS} (a measuring window, not a wait). */
    private static Usage[] over(ThreadMXBean mx, long... threads) throws InterruptedException {
        Usage[] from = new Usage[threads.length];
        for (int i = 0; i < threads.length; i++) {
            from[i] = Usage.of(mx, threads[i]);
        }
        Thread.sleep(WINDOW_MS);
        Usage[] used = new Usage[threads.length];
        for (int i = 0; i < threads.length; i++) {
            used[i] = Usage.of(mx, threads[i]).since(from[i]);
        }
        return used;
    }

    /** The one thread named {@code prefix}… that this stream started. */
    private static long ours(String prefix, Set<Long> before) {
        List<Long> ours = threads(prefix).stream().filter(id -> !before.contains(id)).toList();
        assertEquals(1, ours.size(), "one " + prefix + " thread per stream");
        return ours.get(0);
    }

    private static Set<Long> threads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix))
                .map(Thread::getId).collect(Collectors.toSet());
    }
}
