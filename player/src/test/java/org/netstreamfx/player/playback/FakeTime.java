package org.netstreamfx.player.playback;

import org.netstreamfx.player.clock.TimeSource;

/** A monotonic clock that moves only when the test says so. Starts at an arbitrary non-zero base. */
final class FakeTime implements TimeSource {
    private static final long BASE_NS = 7_000_000_000L;
    private long elapsedNs;

    @Override
    public long nanoTime() {
        return BASE_NS + elapsedNs;
    }

    /** Milliseconds since the test began. */
    long nowMs() {
        return elapsedNs / 1_000_000;
    }

    void advanceMs(long ms) {
        elapsedNs += ms * 1_000_000;
    }

    /** Moves to {@code ms} since the test began; never backwards. */
    void setMs(long ms) {
        long ns = ms * 1_000_000;
        if (ns < elapsedNs) {
            throw new IllegalArgumentException("fake time goes forward only: " + ms + " ms < " + nowMs() + " ms");
        }
        elapsedNs = ns;
    }
}
