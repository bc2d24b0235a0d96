package org.netstreamfx.player.playback;

import java.util.concurrent.TimeUnit;

/**
 * Tells the playback thread that a track's decoder has queued something new (a frame, or the
 * end of the track), so that fast mode can wait for the next frame instead of polling for it.
 *
 * <p>A counter, not a flag: the waiter reads {@link #count()} before it looks at the tracks and
 * then waits for the count to move past what it read, so a frame queued between the look and
 * the wait is never missed. Thread-safe: decoder threads signal, the playback thread waits.
 */
public final class FrameSignal {
    private long count;
    /** Also told of every signal (the playback thread's wake-up while it idles), or null. */
    private volatile Runnable onSignal;

    /** A decoder thread queued a frame or ended its track. */
    public void signal() {
        synchronized (this) {
            count++;
            notifyAll();
        }
        Runnable r = onSignal;
        if (r != null) {
            r.run();
        }
    }

    /** {@code r} runs on the signalling thread after each signal (null: none); it must not block. */
    public void setOnSignal(Runnable r) {
        onSignal = r;
    }

    /** How many signals so far. */
    public synchronized long count() {
        return count;
    }

    /**
     * Waits until a signal comes after {@code seen} (a value of {@link #count()}), at most
     * {@code timeoutNs}. Returns true when one came.
     */
    public synchronized boolean awaitAfter(long seen, long timeoutNs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNs;
        while (count == seen) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }
}
