package org.netstreamfx.player.publish;

/**
 * The send rates a publisher shows: bytes and video frames per second between two readings at
 * least {@link #INTERVAL_NS} apart (a reading sooner gives the last rates again). Counters that
 * went back (a new session) start the measure again.
 *
 * <p>Thread ownership: any thread; synchronized.
 */
final class SendRates {
    /** The least time between two readings of the send rates. */
    static final long INTERVAL_NS = 250_000_000L;

    private long rateNanos;
    private long rateBytes;
    private long rateFrames;
    private double[] lastRates = {0, 0};

    /** Bytes and video frames sent per second, given the totals sent so far at {@code nowNanos}. */
    synchronized double[] sample(long nowNanos, long bytes, long frames) {
        if (rateNanos != 0 && nowNanos - rateNanos >= INTERVAL_NS && bytes >= rateBytes && frames >= rateFrames) {
            double seconds = (nowNanos - rateNanos) / 1e9;
            lastRates = new double[] {(bytes - rateBytes) / seconds, (frames - rateFrames) / seconds};
        }
        if (rateNanos == 0 || nowNanos - rateNanos >= INTERVAL_NS || bytes < rateBytes) {
            rateNanos = nowNanos;
            rateBytes = bytes;
            rateFrames = frames;
        }
        return lastRates.clone();
    }
}
