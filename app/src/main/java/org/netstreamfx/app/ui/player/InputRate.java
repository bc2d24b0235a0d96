package org.netstreamfx.app.ui.player;

/**
 * The bit rate of what arrives, measured over a window of samples of a growing byte count
 * (NetStream.bytesLoaded, read at each poll of the view model). A count that goes down (a new
 * play, a seek that opened the source again) starts the measure over. FX thread.
 */
final class InputRate {
    private final long[] bytes;
    private final long[] nanos;
    private int count;
    private int next;

    /** @param samples how many samples make the window (at least 2) */
    InputRate(int samples) {
        if (samples < 2) {
            throw new IllegalArgumentException("an input rate needs at least 2 samples, not " + samples);
        }
        bytes = new long[samples];
        nanos = new long[samples];
    }

    /** Adds the count {@code loaded} seen at {@code nowNs}; returns bits per second over the window (0 until two samples). */
    double add(long loaded, long nowNs) {
        int n = bytes.length;
        if (count > 0 && loaded < bytes[(next + n - 1) % n]) {
            count = 0;
        }
        bytes[next] = loaded;
        nanos[next] = nowNs;
        next = (next + 1) % n;
        count = Math.min(count + 1, n);
        if (count < 2) {
            return 0;
        }
        int oldest = (next + n - count) % n;
        double seconds = (nowNs - nanos[oldest]) / 1e9;
        return seconds > 0 ? (loaded - bytes[oldest]) * 8 / seconds : 0;
    }

    void reset() {
        count = 0;
    }
}
