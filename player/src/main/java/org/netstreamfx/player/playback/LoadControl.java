package org.netstreamfx.player.playback;

import org.netstreamfx.player.sink.AudioTempo;

/**
 * Flash's buffer policy, as ExoPlayer's {@code DefaultLoadControl} states its own: when the
 * buffer is full enough to play (bufferTime), where a live stream joins, and the live latency
 * policy (catch up by playing {@link #CATCH_UP_RATE} times faster past a threshold, skip ahead
 * past {@link #LIVE_SKIP_FACTOR} times it). It decides from the numbers it is given; the
 * {@link PlaybackCore} measures them and carries the decisions out.
 *
 * <p>The constants are checked against each other when the class loads: a change that makes
 * them contradict one another (a catch-up rate the time-stretcher cannot play, a skip threshold
 * under the catch-up threshold) fails at once, in every test.
 *
 * <p>Thread ownership: the stream's playback thread.
 */
public final class LoadControl {
    /** Tolerance for "the buffer has reached bufferTime", so 0.1 s of 40 ms frames counts. */
    public static final long FULL_TOLERANCE_US = 1_000;
    /** A live stream's clock jumps to the live edge only when that is further than this. */
    public static final long LIVE_JOIN_MIN_US = 100_000;
    /** How much faster a live stream plays while it catches up (at most 6 %, pitch kept). */
    public static final double CATCH_UP_RATE = 1.06;
    /**
     * The default live latency policy, when bufferTimeMax is not set (0): a live stream catches up
     * once its buffer is over bufferTime plus this or plus bufferTime, whichever is more (0.1 s
     * buffers catch up from 1.1 s, 3 s buffers from 6 s), so an hour of drift, stalls and bursts
     * never leaves it seconds behind. {@link #setDefaultLiveCatchUp} turns it off (Flash's
     * behaviour: bufferTimeMax 0, no catch-up).
     */
    public static final long DEFAULT_LIVE_SLACK_US = 1_000_000;
    /**
     * A live stream whose buffer is more than this many times its catch-up threshold (and at
     * least {@link #LIVE_SKIP_MIN_EXCESS_US} over bufferTime) skips to bufferTime behind its newest
     * data instead of catching up: at {@link #CATCH_UP_RATE}, 2 s take over half a minute.
     */
    public static final int LIVE_SKIP_FACTOR = 2;
    /** See {@link #LIVE_SKIP_FACTOR}: a skip is worth it only beyond this much over bufferTime. */
    public static final long LIVE_SKIP_MIN_EXCESS_US = 1_000_000;
    /** What {@link #liveJoinTarget} returns when a jump is not worth it. */
    static final long NO_JUMP = Long.MIN_VALUE;

    static {
        check(CATCH_UP_RATE > 1.0 && CATCH_UP_RATE <= AudioTempo.MAX_TEMPO,
                "CATCH_UP_RATE must be over 1 and playable by AudioTempo", CATCH_UP_RATE);
        check(LIVE_SKIP_FACTOR > 1, "LIVE_SKIP_FACTOR must be over 1 (skip beyond catch-up)", LIVE_SKIP_FACTOR);
        check(LIVE_SKIP_MIN_EXCESS_US > LIVE_JOIN_MIN_US,
                "LIVE_SKIP_MIN_EXCESS_US must be over LIVE_JOIN_MIN_US (a skip must be worth a jump)",
                LIVE_SKIP_MIN_EXCESS_US);
        check(DEFAULT_LIVE_SLACK_US > LIVE_JOIN_MIN_US, "DEFAULT_LIVE_SLACK_US must be over LIVE_JOIN_MIN_US",
                DEFAULT_LIVE_SLACK_US);
        check(FULL_TOLERANCE_US >= 0 && FULL_TOLERANCE_US < LIVE_JOIN_MIN_US,
                "FULL_TOLERANCE_US must be 0 to LIVE_JOIN_MIN_US", FULL_TOLERANCE_US);
    }

    private static void check(boolean ok, String rule, Object value) {
        if (!ok) {
            throw new IllegalStateException(rule + ", not " + value);
        }
    }

    private long bufferTimeUs = 100_000;
    private long bufferTimeMaxUs;
    private boolean defaultLiveCatchUp = true;
    private boolean live;
    private boolean catchingUp;

    /** Made by the {@link PlaybackCore} that owns it: one per stream. */
    LoadControl() {
    }

    // Called on the playback thread.

    void setBufferTimeUs(long us) {
        bufferTimeUs = Math.max(0, us);
    }

    long bufferTimeUs() {
        return bufferTimeUs;
    }

    /** For live streams: the buffer length over which to catch up; 0 = the default policy. */
    void setBufferTimeMaxUs(long us) {
        bufferTimeMaxUs = Math.max(0, us);
    }

    boolean bufferTimeMaxSet() {
        return bufferTimeMaxUs > 0;
    }

    void setDefaultLiveCatchUp(boolean on) {
        defaultLiveCatchUp = on;
    }

    void setLive(boolean isLive) {
        live = isLive;
    }

    boolean live() {
        return live;
    }

    boolean catchingUp() {
        return catchingUp;
    }

    void setCatchingUp(boolean on) {
        catchingUp = on;
    }

    /** The bufferLength over which a live stream catches up: bufferTimeMax, or the default policy's (0: never). */
    long catchUpThresholdUs() {
        if (bufferTimeMaxUs > 0) {
            return bufferTimeMaxUs;
        }
        return defaultLiveCatchUp ? bufferTimeUs + Math.max(DEFAULT_LIVE_SLACK_US, bufferTimeUs) : 0;
    }

    /** bufferLength has reached bufferTime (within {@link #FULL_TOLERANCE_US}). */
    boolean reachedBufferTime(long bufferLengthUs) {
        return bufferLengthUs + FULL_TOLERANCE_US >= bufferTimeUs;
    }

    /** Whether the latency policy applies now (a live stream with a threshold, paced on a clock). */
    private boolean policyApplies(boolean fast) {
        return live && catchUpThresholdUs() > 0 && !fast;
    }

    /** A live stream this far behind ({@code bufferLengthUs}) is too far to catch up: skip ahead. */
    boolean wantsSkip(long bufferLengthUs, boolean fast) {
        long threshold = catchUpThresholdUs();
        return policyApplies(fast) && bufferLengthUs > LIVE_SKIP_FACTOR * threshold
                && bufferLengthUs - bufferTimeUs > LIVE_SKIP_MIN_EXCESS_US;
    }

    /**
     * Whether to play at {@link #CATCH_UP_RATE}: from over the threshold until back at bufferTime
     * (hysteresis); never for recorded media or in fast mode.
     */
    boolean wantsCatchUp(long bufferLengthUs, boolean fast) {
        if (!policyApplies(fast)) {
            return false;
        }
        return catchingUp ? bufferLengthUs > bufferTimeUs : bufferLengthUs > catchUpThresholdUs();
    }

    /**
     * Where a live stream at {@code fromUs} should jump to play bufferTime behind {@code edgeUs}
     * (the newest data every track has), or {@link #NO_JUMP} when that is within
     * {@link #LIVE_JOIN_MIN_US} (a rebuffer does not flush the audio device for a few ms).
     * {@code firstPictureUs}: the first picture waiting, never skipped at a join (or NO_JUMP).
     */
    long liveJoinTarget(long edgeUs, long firstPictureUs, long fromUs) {
        if (edgeUs == Long.MAX_VALUE || edgeUs == TrackOutput.NOTHING) {
            return NO_JUMP;
        }
        long target = edgeUs - bufferTimeUs;
        if (firstPictureUs != NO_JUMP) {
            target = Math.min(target, firstPictureUs);
        }
        return target - fromUs <= LIVE_JOIN_MIN_US ? NO_JUMP : target;
    }
}
