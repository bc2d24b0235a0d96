package org.netstreamfx.player.playback;

import org.netstreamfx.player.clock.MediaClock;
import org.netstreamfx.player.clock.TimeSource;
import org.netstreamfx.player.playback.CoreEvent.StepRefusal;
import org.netstreamfx.player.sink.VideoFrame;

/**
 * The video half of presentation: which decoded pictures are shown and which are not (late,
 * from before a seek, skipped because the playback rate outruns the frame rate), the still frame
 * shown while buffering or paused, frame step (flash.net.NetStream.step), and the video
 * statistics (frames shown, dropped, skipped, fps, lateness).
 *
 * <p>Thread ownership: every method runs on the stream's playback thread (the {@link PlaybackCore}
 * that owns it).
 */
final class VideoRenderer {
    private static final double DRIFT_SMOOTHING = 0.1;

    private final TimeSource time;
    private final MediaClock clock;
    private final CoreEvents events;
    private final boolean fast;
    private PlaybackFeed feed;

    private boolean showStillFrame;
    /**
     * Pictures ending at or before this time belong before the last seek and are never shown,
     * even when the decoder hands them over late (right after a flush an H.264 decoder does not
     * yet know the stream's reordering depth and may emit a few frames out of order).
     */
    private long seekFloorUs = Long.MIN_VALUE;

    // Frame step.
    private int requestedSteps;
    private boolean stepInFlight;
    private boolean stepNotifyPending;
    private long lastRenderedDurationUs = PlaybackCore.DEFAULT_FRAME_US;

    // Statistics.
    private long renderedFrames;
    private long droppedFrames;
    private long skippedFrames;
    private double videoLateUs;
    private final long[] renderTimes = new long[256];
    private int renderTimesHead;
    private long lastRenderedPtsUs = Long.MIN_VALUE;

    VideoRenderer(TimeSource time, MediaClock clock, CoreEvents events, boolean fast) {
        this.time = time;
        this.clock = clock;
        this.events = events;
        this.fast = fast;
    }

    // Called on the playback thread.

    /** A stream starts at its first frame, whatever its timestamp: nothing is skipped. */
    void start(PlaybackFeed newFeed) {
        feed = newFeed;
        cancelStep();
        showStillFrame = true;
        seekFloorUs = Long.MIN_VALUE;
        lastRenderedPtsUs = Long.MIN_VALUE;
    }

    /** Buffering again from {@code targetUs}: nothing ending before it is shown; the first frame is, still. */
    void seekTo(long targetUs) {
        showStillFrame = true;
        seekFloorUs = targetUs;
        lastRenderedPtsUs = Long.MIN_VALUE;
    }

    /** A live skip to {@code targetUs}: pictures ending before it are not shown (the still frame and the order check stay). */
    void floorAt(long targetUs) {
        seekFloorUs = targetUs;
    }

    /** Drops the decoded pictures ending at or before {@code targetUs}; true once one after it is there (or the track ended). */
    boolean discardBefore(long targetUs) {
        TrackOutput<VideoFrame> video = feed.video();
        if (video == null) {
            return true;
        }
        VideoFrame v;
        while ((v = video.peek()) != null && v.endUs() <= targetUs) {
            video.poll().release();
        }
        return v != null || video.finished();
    }

    /** While paused or buffering, the first frame at the playhead is shown once (Flash does). */
    void showStill(boolean paused) {
        if (!showStillFrame) {
            return;
        }
        VideoFrame v = feed.video().peek();
        if (v != null && v.endUs() <= seekFloorUs) {
            feed.video().poll().release(); // decoded late, from before the seek point
            return;
        }
        if (v != null) {
            feed.video().poll();
            try {
                events.render(v);
                countRendered(v, paused);
            } finally {
                v.release();
            }
            showStillFrame = false;
        }
    }

    /**
     * Shows the picture due at {@code t}; a picture whose successor is also due is dropped (or,
     * at a {@code userRate} over 1 on recorded media, counted as skipped). In fast mode nothing
     * is late and one picture is shown per call. Not {@code receiveVideo}: due pictures are dropped
     * unseen and uncounted.
     */
    void present(long t, boolean receiveVideo, boolean live, double userRate) {
        TrackOutput<VideoFrame> video = feed.video();
        if (video == null) {
            return;
        }
        if (!receiveVideo) {
            VideoFrame v;
            while ((v = video.peek()) != null && v.ptsUs() <= t) {
                video.poll().release();
            }
            return;
        }
        while (true) {
            VideoFrame v = video.peek();
            if (v == null || v.ptsUs() > t) {
                return;
            }
            video.poll();
            if (v.endUs() <= seekFloorUs) {
                v.release(); // from before the seek point: decoded to get there, never shown
                continue;
            }
            VideoFrame next = video.peek();
            boolean late = !fast && next != null && next.ptsUs() <= t;
            boolean outOfOrder = lastRenderedPtsUs != Long.MIN_VALUE && v.ptsUs() <= lastRenderedPtsUs;
            try {
                if (late && !outOfOrder && !live && userRate > 1.0) {
                    skippedFrames++; // the rate outruns the frame rate: not a fault of the stream
                } else if (late || outOfOrder) {
                    droppedFrames++;
                } else {
                    events.render(v);
                    countRendered(v, false);
                    videoLateUs += DRIFT_SMOOTHING * ((t - v.ptsUs()) - videoLateUs);
                    showStillFrame = false;
                }
            } finally {
                v.release();
            }
            if (fast) {
                return; // one frame per step: the clock moves on in the next step
            }
        }
    }

    /** Every picture put on screen counts, the still frames shown while buffering or paused too. */
    private void countRendered(VideoFrame v, boolean paused) {
        renderedFrames++;
        lastRenderedPtsUs = v.ptsUs();
        lastRenderedDurationUs = frameDuration(v);
        renderTimes[renderTimesHead++ & (renderTimes.length - 1)] = time.nanoTime();
        if (stepNotifyPending) {
            stepNotifyPending = false;
            stepInFlight = false;
            if (paused) {
                clock.set(v.ptsUs()); // time() is the frame shown
            }
            events.transition(new CoreEvent.StepNotify(v.ptsUs()));
        }
    }

    private static long frameDuration(VideoFrame v) {
        long d = v.endUs() - v.ptsUs();
        return d > 0 ? d : PlaybackCore.DEFAULT_FRAME_US;
    }

    // Frame step (flash.net.NetStream.step), on the playback thread.

    /**
     * Adds {@code frames} to the steps asked for, or says why not ({@code refusal}: the core's
     * reason, or null when the stream could step).
     */
    void requestStep(int frames, StepRefusal refusal) {
        StepRefusal why = refusal != null ? refusal : shownRefusal();
        if (why == null && frames == 0) {
            why = StepRefusal.ZERO_FRAMES;
        }
        if (why == null && Math.abs((long) requestedSteps + frames) > PlaybackCore.MAX_STEP_FRAMES) {
            why = StepRefusal.TOO_MANY_FRAMES;
        }
        if (why != null) {
            events.transition(new CoreEvent.StepInvalid(frames, why));
            return;
        }
        requestedSteps += frames;
    }

    private StepRefusal shownRefusal() {
        return lastRenderedPtsUs == Long.MIN_VALUE && !stepInFlight ? StepRefusal.NOTHING_SHOWN : null;
    }

    /**
     * The time to seek to for the steps asked for, or {@link PlaybackCore#NO_STEP} when there are
     * none, one is under way, or the next frames are not decoded yet. Forward: the n-th frame
     * after the one shown (the frames after it are decoded ahead; past the ones there, one frame
     * duration each). Back: the shown frame's time less n frame durations. At the first or last
     * frame: Step.Invalid. {@code refusal}: the core's reason not to step, or null; {@code atEnd}:
     * the stream has ended.
     */
    long nextStepTarget(StepRefusal refusal, boolean atEnd) {
        if (requestedSteps == 0 || stepInFlight) {
            return PlaybackCore.NO_STEP;
        }
        int n = requestedSteps;
        StepRefusal why = refusal != null ? refusal : shownRefusal();
        if (why != null) {
            return refuse(n, why);
        }
        long shown = lastRenderedPtsUs;
        long target;
        if (n > 0) {
            TrackOutput<VideoFrame> video = feed.video();
            VideoFrame v = video.peek();
            while (v != null && v.ptsUs() <= shown) {
                video.poll().release(); // decoded late, before the frame shown
                v = video.peek();
            }
            boolean ended = video.finished() || atEnd;
            if (v == null && !ended) {
                return PlaybackCore.NO_STEP; // the decoder has not got there yet: the next step() tries again
            }
            if (v == null) {
                return refuse(n, StepRefusal.LAST_FRAME_SHOWN);
            }
            long last = shown;
            long duration = lastRenderedDurationUs;
            int k = 0;
            while (k < n && (v = video.peek()) != null) {
                video.poll();
                last = v.ptsUs();
                duration = frameDuration(v);
                v.release();
                k++;
            }
            target = k == n || video.finished() ? last : last + (n - k) * duration;
        } else {
            if (shown <= 0) {
                return refuse(n, StepRefusal.FIRST_FRAME_SHOWN);
            }
            target = Math.max(0, shown + n * lastRenderedDurationUs);
        }
        requestedSteps = 0;
        stepInFlight = true;
        return target;
    }

    private long refuse(int n, StepRefusal why) {
        requestedSteps = 0;
        events.transition(new CoreEvent.StepInvalid(n, why));
        return PlaybackCore.NO_STEP;
    }

    /** The step's seek was carried out: the frame there, once shown, is Step.Notify. */
    void stepped() {
        stepInFlight = true;
        stepNotifyPending = true;
    }

    /** A seek ends the steps asked for. */
    void cancelStep() {
        requestedSteps = 0;
        stepInFlight = false;
        stepNotifyPending = false;
    }

    /** A resume drops the steps asked for but not made. */
    void dropRequestedSteps() {
        requestedSteps = 0;
    }

    // Statistics.

    long renderedFrames() {
        return renderedFrames;
    }

    long droppedFrames() {
        return droppedFrames;
    }

    long skippedFrames() {
        return skippedFrames;
    }

    double lateUs() {
        return videoLateUs;
    }

    /** Frames shown during the last second. */
    double currentFps() {
        long now = time.nanoTime();
        int count = 0;
        for (long ts : renderTimes) {
            if (ts != 0 && now - ts <= 1_000_000_000L) {
                count++;
            }
        }
        return count;
    }

    long lastRenderedPtsUs() {
        return lastRenderedPtsUs;
    }
}
