package org.netstreamfx.player.rtmp.client;

/**
 * When a connected server has been silent too long (see {@link RtmpOptions#silenceTimeoutMs()}):
 * the time of the last byte received, and the probes (PingRequests) due at one and two thirds of
 * the limit. Times are {@link System#nanoTime()} values passed in, so tests need no clock.
 *
 * <p>Owned by the connection's reader thread.
 */
final class SilenceWatch {
    /** PingRequests sent in one silence, at 1/3 and 2/3 of the limit. */
    static final int PROBES = 2;

    private final long limitNanos;
    private long lastNanos;
    private int probes;
    private int pingsSent;

    SilenceWatch(long limitMs, long nowNanos) {
        this.limitNanos = limitMs * 1_000_000L;
        this.lastNanos = nowNanos;
    }

    /** Bytes came: the silence ends. */
    void received(long nowNanos) {
        lastNanos = nowNanos;
        probes = 0;
        pingsSent = 0;
    }

    /** How long a read may block before something is due: the next probe or the limit; at least 1. */
    int readTimeoutMs(long nowNanos) {
        long due = probes < PROBES ? probeAt(probes) : lastNanos + limitNanos;
        long ms = (due - nowNanos + 999_999) / 1_000_000;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, ms));
    }

    boolean expired(long nowNanos) {
        return nowNanos - lastNanos >= limitNanos;
    }

    boolean probeDue(long nowNanos) {
        return probes < PROBES && nowNanos >= probeAt(probes);
    }

    /** The probe that was due went out ({@code sent}), or was skipped because a write was in progress. */
    void probed(boolean sent) {
        probes++;
        if (sent) {
            pingsSent++;
        }
    }

    int pingsSent() {
        return pingsSent;
    }

    long silentMs(long nowNanos) {
        return (nowNanos - lastNanos) / 1_000_000;
    }

    private long probeAt(int probe) {
        return lastNanos + limitNanos * (probe + 1) / (PROBES + 1);
    }
}
