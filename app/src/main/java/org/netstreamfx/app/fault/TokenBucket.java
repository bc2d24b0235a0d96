package org.netstreamfx.app.fault;

/**
 * A token bucket limiting bytes per second, its rate changeable at any time (0 = no limit). The
 * bucket holds at most {@link #burstBytes()} tokens, 50 ms worth, so after an idle spell at most
 * 50 ms of data passes at once; it starts full. Shared by every connection going one way through
 * a proxy, so the limit is the link's, not each connection's.
 *
 * <p>Thread-safe; {@link #take} blocks the calling writer thread.
 */
final class TokenBucket {
    /** Burst: this fraction of a second's worth of bytes. */
    private static final int BURST_DIVISOR = 20;

    private long bytesPerSecond;
    private double tokens;
    private long lastRefillNanos = System.nanoTime();

    synchronized void setRate(long newBytesPerSecond) {
        if (newBytesPerSecond < 0) {
            throw new IllegalArgumentException("bandwidth limit must be 0 (none) or more bytes per second: "
                    + newBytesPerSecond);
        }
        refill();
        boolean wasUnlimited = bytesPerSecond == 0;
        bytesPerSecond = newBytesPerSecond;
        tokens = wasUnlimited ? burstBytes() : Math.min(tokens, burstBytes());
        notifyAll();
    }

    synchronized long rate() {
        return bytesPerSecond;
    }

    /** The most bytes one {@link #take} grants, and the bucket's size. */
    synchronized long burstBytes() {
        return Math.max(1, bytesPerSecond / BURST_DIVISOR);
    }

    /**
     * Waits until some of {@code wanted} bytes may pass and returns how many (1 to
     * {@code wanted}); without a limit, {@code wanted} at once.
     */
    synchronized int take(int wanted) throws InterruptedException {
        while (true) {
            if (bytesPerSecond == 0) {
                return wanted;
            }
            refill();
            long need = Math.min(wanted, burstBytes());
            if (tokens >= need) {
                tokens -= need;
                return (int) need;
            }
            double waitSeconds = (need - tokens) / bytesPerSecond;
            long waitMs = Math.max(1, (long) Math.ceil(waitSeconds * 1000));
            wait(waitMs);   // woken early by a rate change
        }
    }

    private void refill() {
        long now = System.nanoTime();
        if (bytesPerSecond > 0) {
            tokens = Math.min(burstBytes(), tokens + (now - lastRefillNanos) / 1e9 * bytesPerSecond);
        }
        lastRefillNanos = now;
    }
}
