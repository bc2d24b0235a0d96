package org.netstreamfx.player.playback;

import org.netstreamfx.player.clock.MediaClock;
import org.netstreamfx.player.clock.TimeSource;
import org.netstreamfx.player.playback.CoreEvent.StepRefusal;
import org.netstreamfx.player.sink.AudioSink;
import org.netstreamfx.player.sink.AudioTempo;
import org.netstreamfx.player.source.DataMessage;

/**
 * Flash's buffer model and A/V presentation, as one deterministic state machine: the coordinator
 * of the {@link LoadControl} (when to play, live join, catch-up and skip), the
 * {@link AudioRenderer} (the sink, tempo, the clock on the device) and the {@link VideoRenderer}
 * (which pictures are shown, frame step). It says what happens as typed {@link CoreEvent}s.
 *
 * <pre>
 *   start/seek ──► BUFFERING ──(bufferLength ≥ bufferTime, or source ended)──► PLAYING
 *                     ▲   Buffer.Full                                            │
 *                     └──────────── Buffer.Empty (ran dry, source not ended) ◄───┤
 *                                   Buffer.Flush (source ended) ─► play out ─► ENDED
 *                                                          Play.Stop + onPlayStatus Play.Complete
 * </pre>
 *
 * Pause is orthogonal: the clock stops and the buffer keeps filling. bufferLength is how far the
 * data received for every enabled track reaches past the playhead (the smallest of the tracks).
 * Video frames whose successor is already due are dropped and counted; in fast mode nothing is
 * dropped and the clock jumps from frame to frame.
 *
 * <p>Playback rate ({@link #setPlaybackRate}, recorded media only): the clock runs that many times
 * faster than wall time and the sound is time-stretched, pitch kept ({@link AudioTempo}); the rate in
 * effect is the user's rate times the live catch-up rate. Frames skipped because the rate is over 1
 * are counted as {@link #skippedFrames}, not as dropped. Frame step ({@link #requestStep}): while
 * paused, an accurate seek to the frame {@code n} frames away from the one shown, then
 * NetStream.Step.Notify once it is on screen.
 *
 * <p>Thread ownership: every method runs on the stream's playback thread (tests call it directly
 * with a fake {@link TimeSource}).
 */
public final class PlaybackCore {
    /** How much faster a live stream plays while it catches up ({@link LoadControl#CATCH_UP_RATE}). */
    public static final double CATCH_UP_RATE = LoadControl.CATCH_UP_RATE;
    /** The default live latency policy's slack ({@link LoadControl#DEFAULT_LIVE_SLACK_US}). */
    public static final long DEFAULT_LIVE_SLACK_US = LoadControl.DEFAULT_LIVE_SLACK_US;
    /**
     * Fast mode: the longest a step waits for a decoder to queue the next frame before it returns
     * (so that commands such as pause, seek or close are still served within this time).
     */
    static final long FAST_IDLE_WAIT_NS = 10_000_000;
    /** What {@link #step} returns when nothing is due until a command or new data wakes the caller. */
    public static final long IDLE = Long.MAX_VALUE;
    /** How long to wait while buffering before looking again (the feed does not signal every arrival). */
    static final long BUFFERING_POLL_NS = 5_000_000;
    /** How long to wait while playing before looking again. */
    static final long PLAYING_POLL_NS = 2_000_000;

    /** The slowest playback rate (a quarter speed). */
    public static final double MIN_PLAYBACK_RATE = AudioTempo.MIN_TEMPO;
    /** The fastest playback rate (four times). */
    public static final double MAX_PLAYBACK_RATE = AudioTempo.MAX_TEMPO;
    /** The most frames one step may move (a held key adds up; more is refused as Step.Invalid). */
    public static final int MAX_STEP_FRAMES = 10_000;
    /** What {@link #nextStepTarget} returns when there is no step to carry out now. */
    public static final long NO_STEP = Long.MIN_VALUE;
    /** The frame duration assumed for a frame that carries none (25 fps). */
    static final long DEFAULT_FRAME_US = 40_000;

    /** Where the state machine is. */
    public enum Phase { IDLE, BUFFERING, PLAYING, ENDED }

    private final MediaClock clock;
    private final CoreEvents events;
    private final boolean fast;
    private final LoadControl load = new LoadControl();
    private final AudioRenderer audio;
    private final VideoRenderer video;
    private final Tracks tracks;
    private final LiveEdge liveEdge;
    private PlaybackFeed feed;

    private Phase phase = Phase.IDLE;
    private boolean paused;
    private boolean flushed;
    /** The user's playback rate (recorded media; a live stream plays at 1). */
    private double userRate = 1.0;

    public PlaybackCore(TimeSource time, CoreEvents events, AudioSink audioSink, boolean fast) {
        this.clock = new MediaClock(time);
        this.events = events;
        this.fast = fast;
        this.audio = new AudioRenderer(clock, events, audioSink, fast);
        this.video = new VideoRenderer(time, clock, events, fast);
        this.tracks = new Tracks(audio, video);
        this.liveEdge = new LiveEdge(clock, events, load, tracks, audio, video, this::effectiveRate, fast);
    }

    // Called on the playback thread.

    /** Begins buffering a newly opened stream at {@code startUs}. */
    public void start(PlaybackFeed newFeed, long startUs) {
        this.feed = newFeed;
        clock.pause();
        clock.set(startUs);
        phase = Phase.BUFFERING;
        flushed = false;
        load.setCatchingUp(false);
        audio.start(newFeed, effectiveRate());
        video.start(newFeed);
        tracks.start(newFeed);
        if (userRate != 1.0) {
            announceRate();
        }
    }

    /** The seek to {@code targetUs} was carried out on the source: buffer again from there. */
    public void seeked(long targetUs) {
        video.cancelStep();
        bufferFrom(targetUs);
        events.transition(new CoreEvent.SeekNotify(targetUs));
    }

    /** Decodes from the keyframe before {@code targetUs} without showing, then buffers from there. */
    private void bufferFrom(long targetUs) {
        clock.pause();
        clock.set(targetUs);
        audio.reset();
        phase = Phase.BUFFERING;
        flushed = false;
        tracks.seekTo(targetUs);
        video.seekTo(targetUs);
    }

    // Playback rate.

    /**
     * Plays {@code rate} times as fast ({@link #MIN_PLAYBACK_RATE} to {@link #MAX_PLAYBACK_RATE}),
     * pitch kept, from now on, across seeks and pauses. A live stream stays at 1 (its catch-up
     * still works) and says so with NetStreamFX.Playback.RateIgnored; otherwise
     * NetStreamFX.Playback.Rate follows. Before {@link #start} the rate is only kept.
     */
    public void setPlaybackRate(double rate) {
        checkRate(rate);
        boolean changed = rate != userRate;
        userRate = rate;
        if (phase == Phase.IDLE || feed == null) {
            return;
        }
        if (load.live() || changed) {
            announceRate();
        }
        if (!load.live()) {
            audio.applyRate(effectiveRate());
        }
    }

    /** The rate set with {@link #setPlaybackRate} (1 unless set). */
    public double playbackRate() {
        return userRate;
    }

    /** The rate the clock runs at: the user's rate (1 when live) times the catch-up rate; 1 in fast mode. */
    public double effectiveRate() {
        if (fast) {
            return 1.0; // no pacing: the clock jumps from frame to frame
        }
        return (load.live() ? 1.0 : userRate) * (load.catchingUp() ? CATCH_UP_RATE : 1.0);
    }

    /** @throws IllegalArgumentException outside {@link #MIN_PLAYBACK_RATE} to {@link #MAX_PLAYBACK_RATE} */
    public static void checkRate(double rate) {
        if (!(rate >= MIN_PLAYBACK_RATE && rate <= MAX_PLAYBACK_RATE)) {
            throw new IllegalArgumentException("The playback rate must be " + MIN_PLAYBACK_RATE + " to "
                    + MAX_PLAYBACK_RATE + " (1 = normal speed), not " + rate);
        }
    }

    /** Says what the rate does (fast pacing has no rate: nothing to say). */
    private void announceRate() {
        if (!fast) {
            events.transition(load.live() ? new CoreEvent.RateIgnored(userRate) : new CoreEvent.RateChanged(userRate));
        }
    }

    /** Frames not shown because the playback rate (over 1) made them due before they could be. */
    public long skippedFrames() {
        return video.skippedFrames();
    }

    // Frame step (flash.net.NetStream.step).

    /**
     * Asks to step {@code frames} frames forward (positive) or back (negative) from the frame
     * shown (carried out through {@link #nextStepTarget} and {@link #stepped}); steps add up. Only
     * while paused, on recorded media with video; otherwise Step.Invalid and nothing changes.
     */
    public void requestStep(int frames) {
        video.requestStep(frames, stepRefusal());
    }

    /** Why the stream cannot step now (the shown frame aside: the video renderer knows it), or null. */
    private StepRefusal stepRefusal() {
        if (feed == null || phase == Phase.IDLE) {
            return StepRefusal.NOTHING_PLAYING;
        }
        if (load.live()) {
            return StepRefusal.LIVE;
        }
        if (!paused) {
            return StepRefusal.NOT_PAUSED;
        }
        return tracks.videoEnabled() ? null : StepRefusal.NO_VIDEO;
    }

    /**
     * The time to seek to for the steps asked for, or {@link #NO_STEP} when there are none, one
     * is under way, or the next frames are not decoded yet ({@link VideoRenderer#nextStepTarget}).
     */
    public long nextStepTarget() {
        return video.nextStepTarget(stepRefusal(), phase == Phase.ENDED);
    }

    /** The step's seek to {@code targetUs} was carried out: the frame there is shown, still paused. */
    public void stepped(long targetUs) {
        bufferFrom(targetUs);
        video.stepped();
    }

    /** The step's seek could not be made: Step.Invalid, and the frame shown stays. */
    public void stepFailed(String why) {
        video.cancelStep();
        events.transition(new CoreEvent.StepFailed(why));
    }

    public void pause() {
        if (paused) {
            return;
        }
        paused = true;
        clock.pause();
        audio.pause();
        events.transition(new CoreEvent.PauseNotify(clock.positionUs()));
    }

    public void resume() {
        if (!paused) {
            return;
        }
        paused = false;
        video.dropRequestedSteps();
        if (phase == Phase.PLAYING) {
            startClock();
        }
        audio.resume();
        events.transition(new CoreEvent.UnpauseNotify(clock.positionUs()));
    }

    public boolean paused() {
        return paused;
    }

    public Phase phase() {
        return phase;
    }

    /** A live stream (no duration, not seekable): the latency policy applies to it. */
    public void setLive(boolean isLive) {
        load.setLive(isLive);
    }

    public boolean live() {
        return load.live();
    }

    /**
     * For live streams: when bufferLength goes over this, play {@link #CATCH_UP_RATE} times faster
     * (audio time-stretched, pitch kept) until bufferLength is back at bufferTime. 0 = the default policy.
     */
    public void setBufferTimeMaxUs(long us) {
        load.setBufferTimeMaxUs(us);
    }

    /** Whether a live stream without bufferTimeMax follows the default latency policy; true unless turned off. */
    public void setDefaultLiveCatchUp(boolean on) {
        load.setDefaultLiveCatchUp(on);
    }

    /** The bufferLength over which a live stream catches up: bufferTimeMax, or the default policy's. */
    public long catchUpThresholdUs() {
        return load.catchUpThresholdUs();
    }

    public boolean catchingUp() {
        return load.catchingUp();
    }

    public void setBufferTimeUs(long us) {
        load.setBufferTimeUs(us);
    }

    public long bufferTimeUs() {
        return load.bufferTimeUs();
    }

    public void setReceiveVideo(boolean on) {
        tracks.setReceiveVideo(on);
    }

    public void setReceiveAudio(boolean on) {
        tracks.setReceiveAudio(on);
        if (!on) {
            audio.reset();
        }
    }

    public long timeUs() {
        return clock.positionUs();
    }

    /** How far the received data reaches past the playhead, the smallest over enabled tracks. */
    public long bufferLengthUs() {
        return tracks.bufferLengthUs(clock.positionUs());
    }

    /** Seconds of one track buffered past the playhead (0 when the track is absent). */
    public long trackBufferUs(boolean ofVideo) {
        return tracks.trackBufferUs(ofVideo, clock.positionUs());
    }

    /**
     * Does everything that is due now. Returns how long the caller may sleep (ns) before calling
     * again when nothing else wakes it, or {@link #IDLE} when nothing is due until a command or
     * new data (a received packet, a decoded frame, a track's end) wakes it: idle, ended, or
     * paused.
     */
    public long step() {
        if (phase == Phase.IDLE || phase == Phase.ENDED) {
            return IDLE;
        }
        FrameSignal arrivals = fast ? feed.arrivals() : null;
        long arrivalsSeen = arrivals == null ? 0 : arrivals.count(); // read before looking at the tracks
        boolean sourceEnded = feed.sourceEnded();
        tracks.trimToSeekTarget();
        if (phase == Phase.BUFFERING) {
            if (bufferFull() || sourceEnded || (fast && tracks.ready(false))) {
                phase = Phase.PLAYING;
                if (load.live() && !fast) {
                    liveEdge.join();
                }
                events.transition(new CoreEvent.BufferFull());
                if (!paused) {
                    startClock();
                }
            } else {
                showStill();
                if (!paused && tracks.audioEnabled()) {
                    audio.primeDevice();
                }
                feed.playheadMoved(clock.positionUs());
                return paused ? IDLE : BUFFERING_POLL_NS;
            }
        }
        if (sourceEnded && !flushed) {
            flushed = true;
            events.transition(new CoreEvent.BufferFlush());
        }
        if (paused) {
            showStill();
            feed.playheadMoved(clock.positionUs());
            return IDLE;
        }
        if (fast) {
            advanceFastClock();
        }
        liveEdge.updateCatchUp();
        long t = clock.positionUs();
        deliverData(t);
        if (tracks.audioEnabled()) {
            audio.deliver(t, !feed.sourceEnded());
        } else {
            audio.drainDisabled(t);
        }
        t = clock.positionUs();
        video.present(t, tracks.receiveVideo(), load.live(), userRate);
        feed.playheadMoved(t);
        if (!sourceEnded && tracks.starving(t)) {
            phase = Phase.BUFFERING;
            clock.pause();
            events.transition(new CoreEvent.BufferEmpty(load.bufferTimeUs()));
            return BUFFERING_POLL_NS;
        }
        if (flushed && tracks.drained(t, fast)) {
            phase = Phase.ENDED;
            clock.pause();
            events.transition(new CoreEvent.Ended());
            return IDLE;
        }
        if (fast) {
            tracks.awaitNextFrame(arrivals, arrivalsSeen, FAST_IDLE_WAIT_NS);
            return 0;
        }
        return PLAYING_POLL_NS;
    }

    /**
     * bufferTime is reached, no enabled track is dry (with bufferTime 0, or under the tolerance,
     * a track with nothing received would otherwise be "full" and at once "empty"), and every
     * enabled track has its next frame decoded: received data counts in bufferLength, but the
     * picture can only move at Buffer.Full if the decoder has the next picture ready (a
     * frame-threaded decoder holds its first pictures back while it fills its threads).
     */
    private boolean bufferFull() {
        return load.reachedBufferTime(bufferLengthUs()) && !tracks.starving(clock.positionUs()) && tracks.ready(true);
    }

    /** Real time: the clock runs on wall time (or the device); fast mode moves it frame to frame. */
    private void startClock() {
        if (!fast) {
            clock.start();
        }
    }

    /** Fast mode: the clock jumps to the earliest frame waiting, once every track has one (or ended). */
    private void advanceFastClock() {
        long next = tracks.earliestWaitingUs();
        if (next == Tracks.NO_TARGET) {
            return;
        }
        if (next != Long.MAX_VALUE && next > clock.positionUs()) {
            clock.set(next);
        }
        if (next == Long.MAX_VALUE) {
            clock.set(tracks.lastEndUs(clock.positionUs()));
        }
    }

    /** While paused or buffering, the first frame at the playhead is shown once (Flash does). */
    private void showStill() {
        if (tracks.videoEnabled() && !tracks.seeking()) {
            video.showStill(paused);
        }
    }

    private void deliverData(long t) {
        DataMessage m;
        while ((m = feed.pollData(t)) != null) {
            events.data(m);
        }
    }

    /**
     * The user's "go to live": a live stream that is playing skips to bufferTime behind the newest
     * data every track has ({@link LiveEdge#goTo}). False, and nothing changes, when the stream is
     * not live, not playing (buffering, paused, ended), or already near that point.
     */
    public boolean goToLiveEdge() {
        return load.live() && !fast && phase == Phase.PLAYING && !paused && liveEdge.goTo();
    }

    /** Marks the stream closed: nothing more happens until the next start. */
    public void stop() {
        phase = Phase.IDLE;
        clock.pause();
        audio.reset();
    }

    // Statistics, read on the playback thread and published by the stream.

    public long renderedFrames() {
        return video.renderedFrames();
    }

    public long droppedFrames() {
        return video.droppedFrames();
    }

    /** Times the audio device ran dry while playing. */
    public long audioUnderruns() {
        return audio.underruns();
    }

    /** Video lateness against the audio clock, in ms (positive: video behind audio). */
    public double avDriftMs() {
        return (video.lateUs() - audio.lateUs()) / 1000.0;
    }

    /** Frames shown during the last second. */
    public double currentFps() {
        return video.currentFps();
    }

    public long lastRenderedPtsUs() {
        return video.lastRenderedPtsUs();
    }
}
