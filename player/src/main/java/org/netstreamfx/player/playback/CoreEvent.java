package org.netstreamfx.player.playback;

/**
 * A transition of the playback core, as a typed value. The core says what happened, in numbers;
 * {@code net/} (the Flash API, which owns NetStatus) turns each into its NetStatus code,
 * description sentence and details. Times are µs of media time.
 */
public sealed interface CoreEvent {
    /** bufferTime is reached (or the source ended): playing. */
    record BufferFull() implements CoreEvent { }

    /** The source ended: the buffer plays out. */
    record BufferFlush() implements CoreEvent { }

    /** The buffer ran dry before the source ended: waiting for {@code bufferTimeUs} again. */
    record BufferEmpty(long bufferTimeUs) implements CoreEvent { }

    /** Everything was played: Play.Stop, then onPlayStatus Play.Complete. */
    record Ended() implements CoreEvent { }

    /** A seek to {@code atUs} was carried out. */
    record SeekNotify(long atUs) implements CoreEvent { }

    record PauseNotify(long atUs) implements CoreEvent { }

    record UnpauseNotify(long atUs) implements CoreEvent { }

    /** A frame step put the frame at {@code atUs} on screen. */
    record StepNotify(long atUs) implements CoreEvent { }

    /** Why a step asked for was refused. */
    enum StepRefusal {
        NOTHING_PLAYING, LIVE, NOT_PAUSED, NO_VIDEO, NOTHING_SHOWN, ZERO_FRAMES, TOO_MANY_FRAMES,
        LAST_FRAME_SHOWN, FIRST_FRAME_SHOWN
    }

    /** A step of {@code frames} frames was refused; nothing changed. */
    record StepInvalid(int frames, StepRefusal refusal) implements CoreEvent { }

    /** A step's seek could not be made ({@code why} comes from the seek's report). */
    record StepFailed(String why) implements CoreEvent { }

    /** The playback rate {@code rate} is in effect (recorded media). */
    record RateChanged(double rate) implements CoreEvent { }

    /** A live stream keeps rate 1: the rate {@code rate} applies to recorded media only. */
    record RateIgnored(double rate) implements CoreEvent { }

    /** A live stream started (or restarted) {@code skippedUs} later, at its newest data. */
    record LiveJoin(long skippedUs) implements CoreEvent { }

    /**
     * The latency policy skipped a live stream {@code behindUs} behind its newest data (over
     * {@link LoadControl#LIVE_SKIP_FACTOR} times {@code thresholdUs}) by {@code skippedUs}, to
     * play {@code bufferTimeUs} behind it.
     */
    record LiveSkip(long behindUs, long thresholdUs, long skippedUs, long bufferTimeUs) implements CoreEvent { }

    /** The user's "go to live" skipped {@code skippedUs} of the {@code behindUs} it was behind. */
    record LiveEdgeRequested(long behindUs, long skippedUs, long bufferTimeUs) implements CoreEvent { }

    /**
     * Live catch-up started ({@code on}, at {@code rate}: the buffer {@code bufferLengthUs} is over
     * {@code thresholdUs}, which is bufferTimeMax when {@code bufferTimeMax}, else the default
     * policy's) or ended (back at {@code bufferTimeUs}, rate 1).
     */
    record CatchUp(boolean on, double rate, long bufferLengthUs, long thresholdUs, boolean bufferTimeMax,
                   long bufferTimeUs) implements CoreEvent { }

    /** The audio device ran dry while playing, the {@code count}-th time. */
    record Underrun(long count) implements CoreEvent { }

    /** No audio device could be opened ({@code why}); the clock runs on wall time. */
    record NoDevice(String why) implements CoreEvent { }

    /** The audio device stopped working ({@code why}); playing on without sound. */
    record DeviceLost(String why) implements CoreEvent { }
}
