package org.netstreamfx.player.clock;

/**
 * The playhead: a position on the stream's timeline that runs on wall time while playing and
 * stands still while paused or buffering. When audio plays through a device, the playback core
 * corrects it towards the audio device's position ({@link #nudge}, from DeviceClockSync), so audio
 * is the master and video follows; without a device it is a wall clock.
 *
 * <p>Only {@link #set} (a seek, a jump) moves it backwards: a correction never does, running or
 * paused, it only holds the clock until wall time has caught up.
 *
 * <p>Thread ownership: the stream's playback thread.
 */
public final class MediaClock {
    private final TimeSource time;
    private long anchorUs;
    private long anchorNanos;
    private boolean running;
    private double rate = 1.0;
    /** Except after {@link #set}, the clock never reads less than it last read (a correction only holds it). */
    private long floorUs = Long.MIN_VALUE;

    public MediaClock(TimeSource time) {
        this.time = time;
    }

    public long positionUs() {
        if (!running) {
            return Math.max(floorUs, anchorUs);
        }
        long p = Math.max(floorUs, anchorUs + Math.round((time.nanoTime() - anchorNanos) / 1_000.0 * rate));
        floorUs = p;
        return p;
    }

    /** How fast media time runs against wall time: 1.0, or e.g. 1.06 while a live stream catches up. */
    public double rate() {
        return rate;
    }

    public void setRate(double newRate) {
        if (newRate != rate) {
            long now = positionUs();
            rate = newRate;
            set(now);
        }
    }

    public boolean running() {
        return running;
    }

    public void start() {
        if (!running) {
            anchorNanos = time.nanoTime();
            running = true;
        }
    }

    public void pause() {
        if (running) {
            anchorUs = positionUs();
            running = false;
        }
    }

    /**
     * Moves the clock by {@code deltaUs} without a jump backwards: a negative correction holds the
     * clock until wall time has caught up with it (the audio device is the master, smoothed).
     */
    public void nudge(long deltaUs) {
        if (running) {
            anchorUs = positionUs() + deltaUs;
            anchorNanos = time.nanoTime();
        } else {
            floorUs = positionUs(); // paused: a negative correction holds it from the next start
            anchorUs += deltaUs;
        }
    }

    /** Jumps to {@code positionUs} (a seek, or the first frame of a stream that starts late). */
    public void set(long positionUs) {
        anchorUs = positionUs;
        anchorNanos = time.nanoTime();
        floorUs = Long.MIN_VALUE;
    }
}
