package org.netstreamfx.player.playback;

import org.netstreamfx.player.clock.MediaClock;

/**
 * Keeps the media clock on the audio device's playout position, the way ExoPlayer's
 * {@code AudioTrackPositionTracker} does: the clock runs on wall time, and each time the device
 * reports progress it is corrected towards the device by a fraction of the error, so it neither
 * steps with the device's periods (20 ms through PulseAudio) nor runs backwards
 * ({@link MediaClock#nudge}).
 *
 * <p>Until the device first reports progress the clock runs on wall time (a device may take a
 * while to start: a sound server's idle sink, a Bluetooth headset). If the device then turns out
 * to be more than {@value #RESYNC_US} µs behind the clock, {@link #update} says so and the
 * playback core cuts the audio to where the clock is, rather than freezing the picture or
 * playing sound late; a device ahead by as much moves the clock forward to it.
 *
 * <p>Thread ownership: the stream's playback thread.
 */
final class DeviceClockSync {
    /** An error larger than this is not smoothed away but resolved at once. */
    static final long RESYNC_US = 60_000;
    /** The share of the error corrected at each report of the device. */
    static final double SMOOTHING = 0.25;

    /** What {@link #update} found. */
    enum Verdict {
        /** Nothing new, or a small error smoothed into the clock. */
        FOLLOWING,
        /** The device is behind the clock by more than {@link #RESYNC_US}: cut the audio to the clock. */
        DEVICE_LATE,
        /** The device was ahead by more than {@link #RESYNC_US}: the clock was moved forward to it. */
        CLOCK_MOVED
    }

    private long lastReportedUs = Long.MIN_VALUE;
    private long lastErrorUs;

    /** Forgets the device's history (after a flush, a reopen, a seek). */
    void reset() {
        lastReportedUs = Long.MIN_VALUE;
    }

    /** True once the device has reported progress since the last {@link #reset}. */
    boolean started() {
        return lastReportedUs != Long.MIN_VALUE;
    }

    /** The last error seen, device minus clock (µs). */
    long lastErrorUs() {
        return lastErrorUs;
    }

    /**
     * @param playedUs the media time the device has played up to
     * @param anchorUs the media time at which the device started counting (its frame 0)
     */
    Verdict update(long playedUs, long anchorUs, MediaClock clock) {
        return update(playedUs, anchorUs, clock, 1.0);
    }

    /**
     * As {@link #update(long, long, MediaClock)} at a playback rate: the errors are media time, so
     * {@link #RESYNC_US} (wall time, what is seen and heard) is scaled by the rate: at 4 x speed a
     * 60 ms media error is 15 ms of wall time, at 0.25 x it is 240 ms.
     */
    Verdict update(long playedUs, long anchorUs, MediaClock clock, double rate) {
        long resyncUs = Math.round(RESYNC_US * rate);
        if (playedUs == lastReportedUs || playedUs <= anchorUs) {
            return Verdict.FOLLOWING; // between two periods, or not started: the clock runs on
        }
        lastReportedUs = playedUs;
        long error = playedUs - clock.positionUs();
        lastErrorUs = error;
        if (error < -resyncUs) {
            return Verdict.DEVICE_LATE;
        }
        if (error > resyncUs) {
            clock.set(playedUs);
            return Verdict.CLOCK_MOVED;
        }
        clock.nudge(Math.round(error * SMOOTHING));
        return Verdict.FOLLOWING;
    }
}
