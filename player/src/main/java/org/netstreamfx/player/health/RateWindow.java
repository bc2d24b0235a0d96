package org.netstreamfx.player.health;

import java.util.ArrayDeque;

/**
 * Bytes over the last {@code lengthUs} of a timeline: a sliding sum of (time, bytes) entries,
 * dropping those older than the window, so its memory is bounded by the packets of one window.
 */
final class RateWindow {
    private final long lengthUs;
    private final ArrayDeque<long[]> entries = new ArrayDeque<>();
    private long bytes;
    private long firstUs = Long.MIN_VALUE;

    RateWindow(long lengthUs) {
        this.lengthUs = lengthUs;
    }

    void add(long timeUs, int size) {
        if (firstUs == Long.MIN_VALUE) {
            firstUs = timeUs;
        }
        entries.addLast(new long[] {timeUs, size});
        bytes += size;
        while (!entries.isEmpty() && entries.peekFirst()[0] <= timeUs - lengthUs) {
            bytes -= entries.removeFirst()[1];
        }
    }

    /** Whether the window has seen a whole window's length of the timeline. */
    boolean full(long nowUs) {
        return firstUs != Long.MIN_VALUE && nowUs - firstUs >= lengthUs;
    }

    /** The mean rate over the window in kbit/s. */
    double kbps() {
        return bytes * 8.0 / (lengthUs / 1e6) / 1000.0;
    }

    void clear() {
        entries.clear();
        bytes = 0;
        firstUs = Long.MIN_VALUE;
    }
}
