package org.netstreamfx.player.playback;

import java.util.function.DoubleSupplier;
import java.util.function.LongFunction;
import org.netstreamfx.player.clock.MediaClock;

/**
 * Carries out the {@link LoadControl}'s live decisions: the join at the newest data on
 * Buffer.Full, catch-up (the clock and the sound at {@link LoadControl#CATCH_UP_RATE}) and the
 * skip to the live edge, by the latency policy or on the user's request. The LoadControl decides
 * from numbers; this class measures them ({@link Tracks}) and moves the clock and the renderers.
 *
 * <p>Thread ownership: the stream's playback thread.
 */
final class LiveEdge {
    private final MediaClock clock;
    private final CoreEvents events;
    private final LoadControl load;
    private final Tracks tracks;
    private final AudioRenderer audio;
    private final VideoRenderer video;
    /** The rate the clock runs at once catch-up starts or stops (the core's, which knows the user's rate). */
    private final DoubleSupplier effectiveRate;
    private final boolean fast;

    LiveEdge(MediaClock clock, CoreEvents events, LoadControl load, Tracks tracks, AudioRenderer audio,
             VideoRenderer video, DoubleSupplier effectiveRate, boolean fast) {
        this.clock = clock;
        this.events = events;
        this.load = load;
        this.tracks = tracks;
        this.audio = audio;
        this.video = video;
        this.effectiveRate = effectiveRate;
        this.fast = fast;
    }

    // Called on the playback thread.

    /**
     * A live stream starts (and restarts after Buffer.Empty) bufferTime behind the newest data
     * every track has, not where its oldest buffered packet is. A player that joins between two
     * keyframes receives audio at once but no picture until the next keyframe (nginx-rtmp, SRS
     * and Wowza all hold video back until then); resuming the clock from that first audio would
     * leave the picture a keyframe interval behind the live edge for the whole session. The
     * first picture waiting is never skipped, and the jump only happens when it is worth more
     * than {@link LoadControl#LIVE_JOIN_MIN_US} (so a rebuffer does not flush the audio device
     * for a few milliseconds).
     */
    void join() {
        long from = clock.positionUs();
        long target = load.liveJoinTarget(tracks.liveEdgeUs(), tracks.firstPictureUs(), from);
        if (target == LoadControl.NO_JUMP) {
            return;
        }
        audio.reset();
        clock.set(target);
        tracks.discardBefore(target);
        events.transition(new CoreEvent.LiveJoin(target - from));
    }

    /**
     * The latency policy: a live stream that has fallen behind plays faster until it is back at
     * bufferTime, or skips ahead when it is too far behind for that.
     */
    void updateCatchUp() {
        long bl = tracks.bufferLengthUs(clock.positionUs());
        if (load.wantsSkip(bl, fast)) {
            long threshold = load.catchUpThresholdUs();
            if (jump(skipped -> new CoreEvent.LiveSkip(bl, threshold, skipped, load.bufferTimeUs()))) {
                return;
            }
        }
        boolean want = load.wantsCatchUp(bl, fast);
        if (want == load.catchingUp()) {
            return;
        }
        load.setCatchingUp(want);
        double rate = effectiveRate.getAsDouble();
        audio.switchRateNow(rate);
        events.transition(new CoreEvent.CatchUp(want, rate, tracks.bufferLengthUs(clock.positionUs()),
                load.catchUpThresholdUs(), load.bufferTimeMaxSet(), load.bufferTimeUs()));
    }

    /** The user's "go to live" (NetStreamFX.Live.Join with the seconds skipped); false when not worth it. */
    boolean goTo() {
        long bl = tracks.bufferLengthUs(clock.positionUs());
        return jump(skipped -> new CoreEvent.LiveEdgeRequested(bl, skipped, load.bufferTimeUs()));
    }

    /**
     * Skips to bufferTime behind the newest data every track has: what is skipped is decoded (a
     * picture needs its keyframe) but never shown, and not counted as dropped. {@code event} gets
     * the µs skipped. False when there is nothing worth skipping to.
     */
    private boolean jump(LongFunction<CoreEvent> event) {
        long from = clock.positionUs();
        long target = load.liveJoinTarget(tracks.liveEdgeUs(), LoadControl.NO_JUMP, from);
        if (target == LoadControl.NO_JUMP) {
            return false;
        }
        if (load.catchingUp()) {
            load.setCatchingUp(false);
            audio.switchRateNow(effectiveRate.getAsDouble());
        }
        audio.reset();
        clock.set(target);
        tracks.seekTo(target);
        video.floorAt(target);
        tracks.trimToSeekTarget();
        events.transition(event.apply(target - from));
        return true;
    }
}
