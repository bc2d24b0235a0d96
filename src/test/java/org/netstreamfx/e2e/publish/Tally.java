package org.netstreamfx.e2e.publish;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A count that grows on other threads (blocks captured, pictures shown, bytes received) and a
 * bounded wait for it to reach a value, woken by each increment: no polling, no sleeping.
 */
final class Tally {
    private long count;

    synchronized void add(long n) {
        count += n;
        notifyAll();
    }

    synchronized long get() {
        return count;
    }

    /** Waits until the count is at least {@code wanted}; fails naming {@code what} after {@code limit}. */
    synchronized void awaitAtLeast(long wanted, Duration limit, String what) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (count < wanted) {
            long leftMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (leftMs <= 0) {
                throw new AssertionError("timed out after " + limit + " waiting for " + what + ": " + count
                        + " of " + wanted);
            }
            wait(leftMs);
        }
    }
}
