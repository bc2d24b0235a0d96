package org.netstreamfx.capture.device;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Measures glass-to-glass delay from the test camera's frame counter: a picture that comes back
 * from a server (decoded by a player in the same process) carries the number of the frame it
 * was, and frame {@code n} was captured at {@code format.frameTimeUs(n)} on the publisher's
 * {@link CaptureClock}, so the delay is the clock's now minus that.
 *
 * <p>The counter holds the frame number modulo 2^32; the meter takes the whole number that is
 * closest to, and not after, the frame the clock is on now. Pictures without a readable code
 * (another camera, a frame still being blended, a picture too small) are counted as unread and
 * change nothing else.
 *
 * <p>The last {@value #WINDOW} delays are kept for the median and 95th percentile. Thread-safe:
 * a player's playback thread measures while a UI thread reads.
 */
public final class LoopbackDelayMeter {
    /** How many of the most recent delays the median and percentile are taken over. */
    public static final int WINDOW = 512;

    /** Returned by {@link #measure} when the picture holds no readable frame counter. */
    public static final long UNREAD = Long.MIN_VALUE;

    private static final long MODULUS = 1L << 32;

    private final CaptureClock clock;
    private final VideoFormat format;
    private final long[] window = new long[WINDOW];
    private int count;
    private int next;
    private long read;
    private long unread;
    private long lastUs = UNREAD;
    private long lastFrame = -1;

    /**
     * @param clock  the clock the test camera was opened on
     * @param format the format it captures at (its frame rate defines the counter's grid)
     */
    public LoopbackDelayMeter(CaptureClock clock, VideoFormat format) {
        if (clock == null || format == null) {
            throw new IllegalArgumentException("a loopback delay meter needs the camera's clock and format");
        }
        this.clock = clock;
        this.format = format;
    }

    /**
     * Reads the counter in a BGRA picture and records the delay of the frame it names.
     *
     * @return the delay in microseconds, or {@link #UNREAD} when the picture has no readable counter
     */
    public long measure(ByteBuffer bgra, int width, int height, int strideBytes) {
        long code = TestPattern.readFrameNumber(bgra, width, height, strideBytes);
        return record(code, clock.nowUs());
    }

    /**
     * Records the delay of the frame whose counter reads {@code code} (modulo 2^32), seen at
     * {@code nowUs} on the camera's clock.
     *
     * @return the delay in microseconds, or {@link #UNREAD} when {@code code} is {@link TestPattern#NO_CODE}
     */
    public synchronized long record(long code, long nowUs) {
        if (code == TestPattern.NO_CODE || code < 0 || code >= MODULUS) {
            unread++;
            return UNREAD;
        }
        long current = format.firstFrameAtOrAfter(Math.max(0, nowUs));
        long frame = current - Math.floorMod(current - code, MODULUS);
        if (frame < 0) {
            // A number from the future of the clock: not a picture from this camera.
            unread++;
            return UNREAD;
        }
        long delay = Math.max(0, nowUs - format.frameTimeUs(frame));
        window[next] = delay;
        next = (next + 1) % WINDOW;
        count = Math.min(WINDOW, count + 1);
        read++;
        lastUs = delay;
        lastFrame = frame;
        return delay;
    }

    /** The most recent delay in microseconds, or {@link #UNREAD} before the first. */
    public synchronized long lastUs() {
        return lastUs;
    }

    /** The frame number the most recent delay was read from, or -1 before the first. */
    public synchronized long lastFrame() {
        return lastFrame;
    }

    /** Pictures whose counter was read. */
    public synchronized long readCount() {
        return read;
    }

    /** Pictures without a readable counter. */
    public synchronized long unreadCount() {
        return unread;
    }

    /** The median of the recent delays in microseconds, or {@link #UNREAD} before the first. */
    public long medianUs() {
        return percentileUs(50);
    }

    /** The 95th percentile of the recent delays in microseconds, or {@link #UNREAD} before the first. */
    public long p95Us() {
        return percentileUs(95);
    }

    /**
     * The {@code p}th percentile (nearest rank) of the recent delays in microseconds, or
     * {@link #UNREAD} before the first.
     */
    public synchronized long percentileUs(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile " + p + " is outside (0, 100]");
        }
        if (count == 0) {
            return UNREAD;
        }
        long[] sorted = Arrays.copyOf(window, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, rank - 1)];
    }

    /** Forgets every delay (for a new loopback session on the same camera). */
    public synchronized void reset() {
        count = 0;
        next = 0;
        read = 0;
        unread = 0;
        lastUs = UNREAD;
        lastFrame = -1;
    }
}
