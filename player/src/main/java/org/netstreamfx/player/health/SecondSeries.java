package org.netstreamfx.player.health;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The per-second bit rate and the keyframe times of one track, for {@link TrackSeries}: bytes are
 * summed per whole second of decode time and the second is closed when a packet of a later one
 * comes; each deque keeps the last {@link TrackSeries#MAX_POINTS} only. A packet of an earlier
 * second (a DTS gone back) counts in the open one.
 */
final class SecondSeries {
    private static final long SECOND_US = 1_000_000;
    private final ArrayDeque<SeriesPoint> seconds = new ArrayDeque<>();
    private final ArrayDeque<SeriesPoint> keyframes = new ArrayDeque<>();
    private long openSecond = Long.MIN_VALUE;
    private long openBytes;

    void packet(long dtsUs, int size) {
        long second = Math.floorDiv(dtsUs, SECOND_US);
        if (openSecond != Long.MIN_VALUE && second > openSecond) {
            close();
        }
        if (openSecond == Long.MIN_VALUE || second > openSecond) {
            openSecond = second;
        }
        openBytes += size;
    }

    void keyframe(long dtsUs, long intervalUs) {
        add(keyframes, new SeriesPoint(dtsUs / 1e6, intervalUs / 1e6));
    }

    /** A seek: the open second ends where it is (its bytes are of a part of it only: dropped). */
    void restart() {
        openSecond = Long.MIN_VALUE;
        openBytes = 0;
    }

    List<SeriesPoint> seconds() {
        return List.copyOf(seconds);
    }

    List<SeriesPoint> keyframes() {
        return List.copyOf(keyframes);
    }

    private void close() {
        add(seconds, new SeriesPoint(openSecond, TrackStats.round(openBytes * 8 / 1000.0)));
        openBytes = 0;
    }

    private static void add(ArrayDeque<SeriesPoint> to, SeriesPoint p) {
        if (to.size() == TrackSeries.MAX_POINTS) {
            to.removeFirst();
        }
        to.addLast(p);
    }
}
