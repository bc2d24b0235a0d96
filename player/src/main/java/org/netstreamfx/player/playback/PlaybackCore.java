package org.netstreamfx.player.playback;

import org.netstreamfx.player.clock.MediaClock;
import org.netstreamfx.player.clock.TimeSource;
import org.netstreamfx.player.net.NetStatusCode;
import org.netstreamfx.player.sink.AudioChunk;
import org.netstreamfx.player.sink.AudioSink;
import org.netstreamfx.player.sink.AudioSinkException;
import org.netstreamfx.player.sink.AudioTempo;
import org.netstreamfx.player.sink.NullAudioSink;
import org.netstreamfx.player.sink.VideoFrame;
import org.netstreamfx.player.source.DataMessage;

/**
 * Flash's buffer model and A/V presentation, as one deterministic state machine.
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
    /** Tolerance for "the buffer has reached bufferTime", so 0.1 s of 40 ms frames counts. */
    private static final long FULL_TOLERANCE_US = 1_000;
    /** How far ahead of the clock audio is handed to a device sink (at least its buffer and this margin). */
    private static final long AUDIO_LEAD_US = 100_000;
    private static final long AUDIO_LEAD_MARGIN_US = 40_000;
    private static final double DRIFT_SMOOTHING = 0.1;
    /**
     * How often the audio may be cut to the clock for a device that starts late, per start, seek
     * or resume; after that the clock waits for the device instead.
     */
    static final int MAX_LATE_CUTS = 3;
    /** A live stream's clock jumps to the live edge on Buffer.Full only when that is further than this. */
    static final long LIVE_JOIN_MIN_US = 100_000;

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
    /**
     * Fast mode: the longest a step waits for a decoder to queue the next frame before it returns
     * (so that commands such as pause, seek or close are still served within this time).
     */
    static final long FAST_IDLE_WAIT_NS = 10_000_000;

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

    private final TimeSource time;
    private final MediaClock clock;
    private final CoreEvents events;
    private AudioSink audioSink;
    private final boolean fast;
    private PlaybackFeed feed;

    private Phase phase = Phase.IDLE;
    private boolean paused;
    private boolean flushed;
    private boolean showStillFrame;
    private long bufferTimeUs = 100_000;
    private long bufferTimeMaxUs;
    private boolean defaultLiveCatchUp = true;
    private boolean live;
    private boolean catchingUp;
    private AudioTempo tempo;
    private long playedAtAnchor;
    private double anchorRate = 1.0;
    /** The user's playback rate (recorded media; a live stream plays at 1). */
    private double userRate = 1.0;
    /**
     * After a rate change, the device still plays what it holds at the old rate: the clock switches
     * to this rate once the device has played up to {@link #playedAtAnchor}. NaN: nothing pending.
     */
    private double pendingClockRate = Double.NaN;
    // Frame step.
    private int requestedSteps;
    private boolean stepInFlight;
    private boolean stepNotifyPending;
    private long lastRenderedDurationUs = DEFAULT_FRAME_US;
    private boolean receiveVideo = true;
    private boolean receiveAudio = true;
    private long seekTargetUs = Long.MIN_VALUE;
    /**
     * Pictures ending at or before this time belong before the last seek and are never shown,
     * even when the decoder hands them over late (right after a flush an H.264 decoder does not
     * yet know the stream's reordering depth and may emit a few frames out of order).
     */
    private long seekFloorUs = Long.MIN_VALUE;

    // Audio sink state.
    private int sinkRate;
    private int sinkChannels;
    private AudioChunk pendingAudio;
    private int pendingOffset;
    /** Whether {@link #pendingAudio} was time-stretched at {@link #anchorRate} (or needs none). */
    private boolean pendingStretched = true;
    /** The pending chunk is a new tempo filter's first output: its content starts this far after its time. */
    private long pendingLeadUs;
    private long audioAnchorUs = Long.MIN_VALUE;
    private final DeviceClockSync deviceSync = new DeviceClockSync();
    private final DevicePrimer primer = new DevicePrimer();
    /** Times the audio was cut to the clock since the last start, seek or resume (a late device). */
    private int lateCuts;
    private long audioUnderruns;
    private boolean inUnderrun;

    // Statistics.
    private long renderedFrames;
    private long droppedFrames;
    private long skippedFrames;
    private double videoLateUs;
    private double audioLateUs;
    private final long[] renderTimes = new long[256];
    private int renderTimesHead;
    private long lastRenderedPtsUs = Long.MIN_VALUE;

    public PlaybackCore(TimeSource time, CoreEvents events, AudioSink audioSink, boolean fast) {
        this.time = time;
        this.clock = new MediaClock(time);
        this.events = events;
        this.audioSink = audioSink;
        this.fast = fast;
    }

    // Called on the playback thread.

    /** Begins buffering a newly opened stream at {@code startUs}. */
    public void start(PlaybackFeed newFeed, long startUs) {
        this.feed = newFeed;
        clock.pause();
        clock.set(startUs);
        phase = Phase.BUFFERING;
        flushed = false;
        showStillFrame = true;
        catchingUp = false;
        pendingClockRate = Double.NaN;
        clock.setRate(effectiveRate());
        anchorRate = effectiveRate();
        requestedSteps = 0;
        stepInFlight = false;
        stepNotifyPending = false;
        // A stream starts at its first frame, whatever its timestamp: nothing is skipped.
        seekTargetUs = Long.MIN_VALUE;
        seekFloorUs = Long.MIN_VALUE;
        lastRenderedPtsUs = Long.MIN_VALUE;
        if (userRate != 1.0) {
            announceRate();
        }
    }

    /** The seek to {@code targetUs} was carried out on the source: buffer again from there. */
    public void seeked(long targetUs) {
        cancelStep();
        bufferFrom(targetUs);
        events.status(NetStatusCode.NETSTREAM_SEEK_NOTIFY, "Seeking " + seconds(targetUs) + " s.", seconds(targetUs));
    }

    /** Decodes from the keyframe before {@code targetUs} without showing, then buffers from there. */
    private void bufferFrom(long targetUs) {
        clock.pause();
        clock.set(targetUs);
        resetAudio();
        phase = Phase.BUFFERING;
        flushed = false;
        showStillFrame = true;
        seekTargetUs = targetUs;
        seekFloorUs = targetUs;
        lastRenderedPtsUs = Long.MIN_VALUE;
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
        if (live || changed) {
            announceRate();
        }
        if (!live) {
            applyRate();
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
        return (live ? 1.0 : userRate) * (catchingUp ? CATCH_UP_RATE : 1.0);
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
        if (fast) {
            return;
        }
        if (live) {
            events.status(NetStatusCode.NSFX_PLAYBACK_RATEIGNORED, "A live stream plays at normal speed: the rate "
                    + userRate + " applies to recorded media only.", userRate);
        } else {
            events.status(NetStatusCode.NSFX_PLAYBACK_RATE, "Playing at " + userRate + " x speed.", userRate);
        }
    }

    /**
     * Puts the rate in effect. The sound the device already holds (and the chunk being written)
     * was stretched at the old rate and plays out at it: the device's frame count is anchored where
     * that sound ends, and the clock keeps the old rate until the device gets there
     * ({@link #pendingClockRate}), so sound and picture stay together through the change.
     */
    private void applyRate() {
        double rate = effectiveRate();
        if (rate == anchorRate && Double.isNaN(pendingClockRate) && rate == clock.rate()) {
            return;
        }
        boolean device = audioSink != null && audioSink.drivesClock() && !fast && sinkRate > 0
                && audioAnchorUs != Long.MIN_VALUE;
        if (tempo != null) {
            tempo.close();
            tempo = null;
        }
        if (!device) {
            pendingClockRate = Double.NaN;
            anchorRate = rate;
            clock.setRate(rate);
            return;
        }
        // The chunk being written was stretched at the old rate (or is partly written): it is
        // dropped; the next chunk anchors the device's frame count after what the device holds.
        if (pendingAudio != null && (pendingOffset > 0 || (pendingStretched && anchorRate != 1.0))) {
            pendingAudio = null;
        }
        pendingStretched = pendingAudio == null;
        pendingOffset = 0;
        audioAnchorUs = Long.MIN_VALUE;
        playedAtAnchor = audioSink.playedFrames() + audioSink.queuedFrames();
        deviceSync.reset();
        anchorRate = rate;
        pendingClockRate = rate;
        if (audioSink.queuedFrames() == 0) {
            applyPendingClockRate();
        }
    }

    private void applyPendingClockRate() {
        if (!Double.isNaN(pendingClockRate)) {
            clock.setRate(pendingClockRate);
            pendingClockRate = Double.NaN;
        }
    }

    /** Frames not shown because the playback rate (over 1) made them due before they could be. */
    public long skippedFrames() {
        return skippedFrames;
    }

    // Frame step (flash.net.NetStream.step).

    /**
     * Asks to step {@code frames} frames forward (positive) or back (negative) from the frame
     * shown; carried out by the session through {@link #nextStepTarget} and {@link #stepped}. Steps
     * asked for while one is under way add up. Only while paused, on recorded media with video;
     * otherwise NetStreamFX.Step.Invalid and nothing changes.
     */
    public void requestStep(int frames) {
        String why = stepRefusal();
        if (why == null && frames == 0) {
            why = "a step of 0 frames does nothing";
        }
        if (why == null && Math.abs((long) requestedSteps + frames) > MAX_STEP_FRAMES) {
            why = "a step may move at most " + MAX_STEP_FRAMES + " frames";
        }
        if (why != null) {
            events.status(NetStatusCode.NSFX_STEP_INVALID, "Cannot step " + frames + " frame(s): " + why + ".", frames);
            return;
        }
        requestedSteps += frames;
    }

    /** Why a step cannot be done now, or null. */
    private String stepRefusal() {
        if (feed == null || phase == Phase.IDLE) {
            return "nothing is playing";
        }
        if (live) {
            return "a live stream cannot step";
        }
        if (!paused) {
            return "steps are made while paused (pause first)";
        }
        if (!videoEnabled()) {
            return "the stream has no video";
        }
        if (lastRenderedPtsUs == Long.MIN_VALUE && !stepInFlight) {
            return "no frame is shown yet";
        }
        return null;
    }

    /**
     * The time to seek to for the steps asked for, or {@link #NO_STEP} when there are none, one
     * is under way, or the next frames are not decoded yet. Forward: the n-th frame after the one
     * shown (the frames after it are decoded ahead; past the ones there, one frame duration
     * each). Back: the shown frame's time less n frame durations. At the first or last frame:
     * Step.Invalid.
     */
    public long nextStepTarget() {
        if (requestedSteps == 0 || stepInFlight) {
            return NO_STEP;
        }
        int n = requestedSteps;
        String why = stepRefusal();
        if (why != null) {
            requestedSteps = 0;
            events.status(NetStatusCode.NSFX_STEP_INVALID, "Cannot step " + n + " frame(s): " + why + ".", n);
            return NO_STEP;
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
            boolean atEnd = video.finished() || phase == Phase.ENDED;
            if (v == null && !atEnd) {
                return NO_STEP; // the decoder has not got there yet: the next step() tries again
            }
            if (v == null) {
                requestedSteps = 0;
                events.status(NetStatusCode.NSFX_STEP_INVALID, "Cannot step " + n
                        + " frame(s): the last frame is shown.", n);
                return NO_STEP;
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
                requestedSteps = 0;
                events.status(NetStatusCode.NSFX_STEP_INVALID, "Cannot step " + n
                        + " frame(s): the first frame is shown.", n);
                return NO_STEP;
            }
            target = Math.max(0, shown + n * lastRenderedDurationUs);
        }
        requestedSteps = 0;
        stepInFlight = true;
        return target;
    }

    /** The step's seek to {@code targetUs} was carried out: the frame there is shown, still paused. */
    public void stepped(long targetUs) {
        bufferFrom(targetUs);
        stepInFlight = true;
        stepNotifyPending = true;
    }

    /** The step's seek could not be made: Step.Invalid, and the frame shown stays. */
    public void stepFailed(String why) {
        cancelStep();
        events.status(NetStatusCode.NSFX_STEP_INVALID, "Cannot step: " + why + ".", null);
    }

    /** A seek or resume ends the steps asked for. */
    private void cancelStep() {
        requestedSteps = 0;
        stepInFlight = false;
        stepNotifyPending = false;
    }

    private static long frameDuration(VideoFrame v) {
        long d = v.endUs() - v.ptsUs();
        return d > 0 ? d : DEFAULT_FRAME_US;
    }

    public void pause() {
        if (paused) {
            return;
        }
        paused = true;
        clock.pause();
        if (audioSink != null) {
            audioSink.pause();
        }
        events.status(NetStatusCode.NETSTREAM_PAUSE_NOTIFY, "Pausing at " + seconds(clock.positionUs()) + " s.",
                seconds(clock.positionUs()));
    }

    public void resume() {
        if (!paused) {
            return;
        }
        paused = false;
        lateCuts = 0;
        requestedSteps = 0;
        if (phase == Phase.PLAYING) {
            startClock();
        }
        if (audioSink != null) {
            audioSink.resume();
        }
        events.status(NetStatusCode.NETSTREAM_UNPAUSE_NOTIFY, "Resuming at " + seconds(clock.positionUs()) + " s.",
                seconds(clock.positionUs()));
    }

    public boolean paused() {
        return paused;
    }

    public Phase phase() {
        return phase;
    }

    /** A live stream (no duration, not seekable): bufferTimeMax catch-up applies to it. */
    public void setLive(boolean isLive) {
        live = isLive;
    }

    public boolean live() {
        return live;
    }

    /**
     * For live streams: when bufferLength goes over this, play {@link #CATCH_UP_RATE} times faster
     * (audio time-stretched, pitch kept) until bufferLength is back at bufferTime. 0 = never.
     */
    public void setBufferTimeMaxUs(long us) {
        bufferTimeMaxUs = Math.max(0, us);
    }

    /**
     * Whether a live stream without bufferTimeMax follows the default latency policy
     * ({@link #DEFAULT_LIVE_SLACK_US}, {@link #LIVE_SKIP_EXCESS_US}); true unless turned off.
     */
    public void setDefaultLiveCatchUp(boolean on) {
        defaultLiveCatchUp = on;
    }

    /** The bufferLength over which a live stream catches up: bufferTimeMax, or the default policy's. */
    public long catchUpThresholdUs() {
        if (bufferTimeMaxUs > 0) {
            return bufferTimeMaxUs;
        }
        return defaultLiveCatchUp ? bufferTimeUs + Math.max(DEFAULT_LIVE_SLACK_US, bufferTimeUs) : 0;
    }

    public boolean catchingUp() {
        return catchingUp;
    }

    public void setBufferTimeUs(long us) {
        bufferTimeUs = Math.max(0, us);
    }

    public long bufferTimeUs() {
        return bufferTimeUs;
    }

    public void setReceiveVideo(boolean on) {
        receiveVideo = on;
    }

    public void setReceiveAudio(boolean on) {
        receiveAudio = on;
        if (!on) {
            resetAudio();
        }
    }

    public long timeUs() {
        return clock.positionUs();
    }

    /** How far the received data reaches past the playhead, the smallest over enabled tracks. */
    public long bufferLengthUs() {
        if (feed == null) {
            return 0;
        }
        long t = clock.positionUs();
        long min = Long.MAX_VALUE;
        boolean any = false;
        if (videoEnabled()) {
            min = Math.min(min, ahead(feed.video(), t));
            any = true;
        }
        if (audioEnabled()) {
            min = Math.min(min, ahead(feed.audio(), t));
            any = true;
        }
        return any ? min : 0;
    }

    /** Seconds of one track buffered past the playhead (0 when the track is absent). */
    public long trackBufferUs(boolean video) {
        if (feed == null) {
            return 0;
        }
        TrackOutput<?> out = video ? feed.video() : feed.audio();
        return out == null ? 0 : ahead(out, clock.positionUs());
    }

    private static long ahead(TrackOutput<?> out, long t) {
        long end = out.bufferedEndUs();
        return end == TrackOutput.NOTHING ? 0 : Math.max(0, end - t);
    }

    private boolean videoEnabled() {
        return receiveVideo && feed.video() != null;
    }

    private boolean audioEnabled() {
        return receiveAudio && feed.audio() != null;
    }

    /**
     * Does everything that is due now. Returns how long the caller may sleep (ns) before calling
     * again when nothing else wakes it.
     */
    public long step() {
        if (phase == Phase.IDLE || phase == Phase.ENDED) {
            return 10_000_000;
        }
        FrameSignal arrivals = fast ? feed.arrivals() : null;
        long arrivalsSeen = arrivals == null ? 0 : arrivals.count(); // read before looking at the tracks
        boolean sourceEnded = feed.sourceEnded();
        discardBeforeSeekTarget();
        if (phase == Phase.BUFFERING) {
            if (bufferFull() || sourceEnded || fastAndReady()) {
                phase = Phase.PLAYING;
                if (live && !fast) {
                    joinLiveEdge();
                }
                events.status(NetStatusCode.NETSTREAM_BUFFER_FULL, "Buffer full: playing.", null);
                if (!paused) {
                    startClock();
                }
            } else {
                showStill();
                primeDevice();
                feed.playheadMoved(clock.positionUs());
                return 5_000_000;
            }
        }
        if (sourceEnded && !flushed) {
            flushed = true;
            events.status(NetStatusCode.NETSTREAM_BUFFER_FLUSH, "The stream has ended; playing out the buffer.", null);
        }
        if (paused) {
            showStill();
            feed.playheadMoved(clock.positionUs());
            return 10_000_000;
        }
        if (fast) {
            advanceFastClock();
        }
        updateCatchUp();
        long t = clock.positionUs();
        deliverData(t);
        deliverAudio(t);
        t = clock.positionUs();
        presentVideo(t);
        feed.playheadMoved(t);
        if (!sourceEnded && starving(t)) {
            phase = Phase.BUFFERING;
            clock.pause();
            events.status(NetStatusCode.NETSTREAM_BUFFER_EMPTY,
                    "Buffer empty: data is not arriving fast enough; waiting for " + seconds(bufferTimeUs) + " s.",
                    null);
            return 5_000_000;
        }
        if (flushed && drained(t)) {
            phase = Phase.ENDED;
            clock.pause();
            events.status(NetStatusCode.NETSTREAM_PLAY_STOP, "Stopped playing.", null);
            events.playStatus("NetStream.Play.Complete");
            return 10_000_000;
        }
        if (fast) {
            awaitNextFrame(arrivals, arrivalsSeen);
            return 0;
        }
        return 2_000_000;
    }

    /**
     * Fast mode: when a track has nothing ready (its decoder is still working), waits for the
     * next frame to be queued instead of returning at once and being called again in a busy loop
     * (on 2 cores that spinning thread took CPU from the decoder threads). Waits at most
     * {@link #FAST_IDLE_WAIT_NS}; at once when the feed has no {@link FrameSignal}.
     */
    private void awaitNextFrame(FrameSignal arrivals, long seen) {
        if (arrivals == null || tracksReady(true)) {
            return;
        }
        try {
            arrivals.awaitAfter(seen, FAST_IDLE_WAIT_NS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the stream is closing: the caller sees it at its next wait
        }
    }

    /**
     * Every enabled track has a frame waiting, or has ended ({@code countPending}: audio partly
     * handed to the sink counts as waiting).
     */
    private boolean tracksReady(boolean countPending) {
        boolean vReady = !videoEnabled() || feed.video().peek() != null || feed.video().finished();
        boolean aReady = !audioEnabled() || (countPending && pendingAudio != null) || feed.audio().peek() != null
                || feed.audio().finished();
        return vReady && aReady;
    }

    /**
     * bufferTime is reached, no enabled track is dry (with bufferTime 0, or under the tolerance,
     * a track with nothing received would otherwise be "full" and at once "empty"), and every
     * enabled track has its next frame decoded: received data counts in bufferLength, but the
     * picture can only move at Buffer.Full if the decoder has the next picture ready (a
     * frame-threaded decoder holds its first pictures back while it fills its threads).
     */
    private boolean bufferFull() {
        return bufferLengthUs() + FULL_TOLERANCE_US >= bufferTimeUs && !starving(clock.positionUs())
                && tracksReady(true);
    }

    /**
     * Real time: the clock runs on wall time (or the audio device). Fast mode: it moves only from
     * frame to frame ({@link #advanceFastClock}), so a busy machine cannot make it overtake the
     * data and look like a starved buffer.
     */
    private void startClock() {
        if (!fast) {
            clock.start();
        }
    }

    /** In fast mode the buffer never waits for bufferTime once every track has a frame ready. */
    private boolean fastAndReady() {
        return fast && tracksReady(false);
    }

    /** Fast mode: the clock jumps to the earliest frame waiting, once every track has one (or ended). */
    private void advanceFastClock() {
        long next = Long.MAX_VALUE;
        if (videoEnabled()) {
            VideoFrame v = feed.video().peek();
            if (v == null && !feed.video().finished()) {
                return;
            }
            if (v != null) {
                next = Math.min(next, v.ptsUs());
            }
        }
        if (audioEnabled()) {
            AudioChunk a = pendingAudio != null ? pendingAudio : feed.audio().peek();
            if (a == null && !feed.audio().finished()) {
                return;
            }
            if (a != null) {
                next = Math.min(next, a.ptsUs());
            }
        }
        if (next != Long.MAX_VALUE && next > clock.positionUs()) {
            clock.set(next);
        }
        if (next == Long.MAX_VALUE) {
            clock.set(Math.max(clock.positionUs(), lastEndUs()));
        }
    }

    private long lastEndUs() {
        long end = clock.positionUs();
        if (feed.video() != null && feed.video().bufferedEndUs() != TrackOutput.NOTHING) {
            end = Math.max(end, feed.video().bufferedEndUs());
        }
        if (feed.audio() != null && feed.audio().bufferedEndUs() != TrackOutput.NOTHING) {
            end = Math.max(end, feed.audio().bufferedEndUs());
        }
        return end;
    }

    /** After a seek, frames before the target are decoded (to reach it exactly) but not shown. */
    private void discardBeforeSeekTarget() {
        if (seekTargetUs != Long.MIN_VALUE && discardBefore(seekTargetUs)) {
            seekTargetUs = Long.MIN_VALUE;
        }
    }

    /**
     * Drops the decoded video and audio that ends at or before {@code targetUs}; an audio chunk
     * that straddles it is cut there. True when every track has a frame at or after the target
     * (or has ended), i.e. nothing earlier can still come.
     */
    private boolean discardBefore(long targetUs) {
        boolean videoDone = true;
        if (feed.video() != null) {
            VideoFrame v;
            while ((v = feed.video().peek()) != null && v.endUs() <= targetUs) {
                feed.video().poll().release();
            }
            videoDone = v != null || feed.video().finished();
        }
        boolean audioDone = true;
        if (feed.audio() != null) {
            AudioChunk a;
            while ((a = feed.audio().peek()) != null && a.endUs() <= targetUs) {
                feed.audio().poll();
            }
            if (a != null && a.ptsUs() < targetUs) {
                feed.audio().poll();
                int skip = (int) ((targetUs - a.ptsUs()) * a.sampleRateHz() / 1_000_000L);
                pendingAudio = a.dropFrames(skip);
                pendingOffset = 0;
                pendingStretched = false;
            }
            audioDone = a != null || feed.audio().finished();
        }
        return videoDone && audioDone;
    }

    /**
     * A live stream starts (and restarts after Buffer.Empty) bufferTime behind the newest data
     * every track has, not where its oldest buffered packet is. A player that joins between two
     * keyframes receives audio at once but no picture until the next keyframe (nginx-rtmp, SRS
     * and Wowza all hold video back until then); resuming the clock from that first audio would
     * leave the picture a keyframe interval behind the live edge for the whole session. The
     * first picture waiting is never skipped, and the jump only happens when it is worth more
     * than {@value #LIVE_JOIN_MIN_US} µs (so a rebuffer does not flush the audio device for a
     * few milliseconds).
     */
    private void joinLiveEdge() {
        long edge = Long.MAX_VALUE;
        if (videoEnabled()) {
            edge = Math.min(edge, feed.video().bufferedEndUs());
        }
        if (audioEnabled()) {
            edge = Math.min(edge, feed.audio().bufferedEndUs());
        }
        if (edge == Long.MAX_VALUE || edge == TrackOutput.NOTHING) {
            return;
        }
        long target = edge - bufferTimeUs;
        if (videoEnabled() && feed.video().peek() != null) {
            target = Math.min(target, feed.video().peek().ptsUs());
        }
        long from = clock.positionUs();
        if (target - from <= LIVE_JOIN_MIN_US) {
            return;
        }
        resetAudio();
        clock.set(target);
        discardBefore(target);
        events.status(NetStatusCode.NSFX_LIVE_JOIN, "Joined the live stream at its newest data: skipped "
                + seconds(target - from) + " s that arrived before the first picture.", seconds(target - from));
    }

    /** While paused or buffering, the first frame at the playhead is shown once (Flash does). */
    private void showStill() {
        if (!showStillFrame || !videoEnabled() || seekTargetUs != Long.MIN_VALUE) {
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
                countRendered(v);
            } finally {
                v.release();
            }
            showStillFrame = false;
        }
    }

    private void deliverData(long t) {
        DataMessage m;
        while ((m = feed.pollData(t)) != null) {
            events.data(m);
        }
    }

    /**
     * bufferTimeMax, or the default policy: a live stream that has fallen behind plays faster
     * until it is back at bufferTime, or skips ahead when it is too far behind for that.
     */
    private void updateCatchUp() {
        boolean want = catchingUp;
        long threshold = catchUpThresholdUs();
        if (!live || threshold <= 0 || fast) {
            want = false;
        } else {
            long bl = bufferLengthUs();
            if (bl > LIVE_SKIP_FACTOR * threshold && bl - bufferTimeUs > LIVE_SKIP_MIN_EXCESS_US
                    && skipToLiveEdge(bl, threshold)) {
                return;
            }
            if (!catchingUp && bl > threshold) {
                want = true;
            } else if (catchingUp && bl <= bufferTimeUs) {
                want = false;
            }
        }
        if (want == catchingUp) {
            return;
        }
        catchingUp = want;
        double rate = effectiveRate();
        pendingClockRate = Double.NaN;
        reanchorAudio(rate);
        clock.setRate(rate);
        events.status(NetStatusCode.NSFX_LIVE_CATCHUP, want
                ? "Live buffer " + seconds(bufferLengthUs()) + " s is over " + (bufferTimeMaxUs > 0 ? "bufferTimeMax "
                        : "the default catch-up threshold ") + seconds(threshold) + " s: playing " + Math.round((CATCH_UP_RATE - 1) * 100) + " % faster until it is back at "
                        + seconds(bufferTimeUs) + " s."
                : "Live buffer back at " + seconds(bufferLengthUs()) + " s: playing at normal speed.", rate);
    }

    /**
     * Skips a live stream that is {@code bufferLengthUs} behind to bufferTime behind the newest
     * data every track has: what is skipped is decoded (a picture needs its keyframe) but never
     * shown, and not counted as dropped. False when there is nothing to skip to.
     */
    private boolean skipToLiveEdge(long bufferLengthUs, long thresholdUs) {
        return jumpToLiveEdge(skipped -> "The live stream was " + seconds(bufferLengthUs)
                + " s behind its newest data, over " + LIVE_SKIP_FACTOR + " x its catch-up threshold "
                + seconds(thresholdUs) + " s: skipped " + seconds(skipped) + " s to play " + seconds(bufferTimeUs) + " s behind it.");
    }

    /**
     * The user's "go to live": a live stream that is playing skips to bufferTime behind the newest
     * data every track has, as the latency policy does (NetStreamFX.Live.Join with the seconds
     * skipped). False, and nothing changes, when the stream is not live, not playing (buffering,
     * paused, ended), or already within {@value #LIVE_JOIN_MIN_US} µs of that point.
     */
    public boolean goToLiveEdge() {
        if (!live || fast || phase != Phase.PLAYING || paused) {
            return false;
        }
        long bl = bufferLengthUs();
        return jumpToLiveEdge(skipped -> "Went to the live edge on request: the stream was " + seconds(bl)
                + " s behind its newest data; skipped " + seconds(skipped) + " s to play " + seconds(bufferTimeUs)
                + " s behind it.");
    }

    /** Skips to bufferTime behind the newest data (see {@link #skipToLiveEdge}); the message gets the µs skipped. */
    private boolean jumpToLiveEdge(java.util.function.LongFunction<String> message) {
        long edge = Long.MAX_VALUE;
        if (videoEnabled()) {
            edge = Math.min(edge, feed.video().bufferedEndUs());
        }
        if (audioEnabled()) {
            edge = Math.min(edge, feed.audio().bufferedEndUs());
        }
        long from = clock.positionUs();
        if (edge == Long.MAX_VALUE || edge == TrackOutput.NOTHING || edge - bufferTimeUs - from <= LIVE_JOIN_MIN_US) {
            return false;
        }
        long target = edge - bufferTimeUs;
        if (catchingUp) {
            catchingUp = false;
            pendingClockRate = Double.NaN;
            reanchorAudio(effectiveRate());
            clock.setRate(effectiveRate());
        }
        resetAudio();
        clock.set(target);
        seekTargetUs = target;
        seekFloorUs = target;
        if (discardBefore(target)) {
            seekTargetUs = Long.MIN_VALUE;
        }
        events.status(NetStatusCode.NSFX_LIVE_JOIN, message.apply(target - from), seconds(target - from));
        return true;
    }

    /** The audio-master clock counts device frames from an anchor; a rate change starts a new one. */
    private void reanchorAudio(double newRate) {
        if (audioAnchorUs != Long.MIN_VALUE && audioSink != null) {
            audioAnchorUs = clock.positionUs();
            playedAtAnchor = audioSink.playedFrames();
            deviceSync.reset();
        }
        anchorRate = newRate;
    }

    /**
     * At a rate other than 1 (the playback rate, live catch-up) on a device, each chunk is
     * time-stretched (pitch kept) before it is written.
     */
    private AudioChunk stretched(AudioChunk a) {
        double rate = anchorRate;
        if (rate == 1.0) {
            pendingLeadUs = 0;
            if (tempo != null) {
                tempo.close();
                tempo = null;
            }
            return a;
        }
        if (tempo == null || tempo.sampleRateHz() != a.sampleRateHz() || tempo.channels() != a.channels()
                || tempo.tempo() != rate) {
            if (tempo != null) {
                tempo.close();
            }
            tempo = new AudioTempo(a.sampleRateHz(), a.channels(), rate);
            pendingLeadUs = tempo.leadUs();
        } else {
            pendingLeadUs = 0;
        }
        byte[] out = tempo.process(a.pcm(), a.lengthBytes());
        return new AudioChunk(a.ptsUs(), a.sampleRateHz(), a.channels(), out, out.length);
    }

    private void deliverAudio(long t) {
        if (!audioEnabled()) {
            drainDisabledAudio(t);
            return;
        }
        boolean device = audioSink != null && audioSink.drivesClock() && !fast;
        // Whether the device had played everything it was given, looked at before giving it more.
        boolean dry = device && audioAnchorUs != Long.MIN_VALUE && deviceSync.started()
                && audioSink.queuedFrames() == 0;
        while (true) {
            AudioChunk a = pendingAudio != null ? pendingAudio : feed.audio().peek();
            if (a == null) {
                break;
            }
            if (!device && a.ptsUs() > t) {
                break;
            }
            // The device's buffer is wall time: at rate r it holds r times as much media time.
            if (device && a.ptsUs() > t + Math.max(AUDIO_LEAD_US,
                    Math.round((audioSink.bufferUs() + AUDIO_LEAD_MARGIN_US) * anchorRate))
                    && audioAnchorUs != Long.MIN_VALUE) {
                break;
            }
            if (pendingAudio == null) {
                feed.audio().poll();
                a = device ? stretched(a) : a;
                pendingAudio = a;
                pendingOffset = 0;
                pendingStretched = true;
            } else if (device && !pendingStretched && pendingOffset == 0) {
                a = stretched(a); // cut at a seek or a late device's start: not yet stretched
                pendingAudio = a;
                pendingStretched = true;
            }
            if (!ensureSink(a)) {
                pendingAudio = null;
                continue;
            }
            if (device && !audioSink.drivesClock()) {
                device = false; // the device failed to open and was replaced by a null sink
            }
            if (audioAnchorUs == Long.MIN_VALUE) {
                audioAnchorUs = a.ptsUs() + (device ? pendingLeadUs : 0) + Math.round((long) pendingOffset
                        / (2 * a.channels()) * 1_000_000.0 / a.sampleRateHz() * (device ? anchorRate : 1.0));
                // Sound written now plays after whatever the device still holds (silence that primed it).
                playedAtAnchor = audioSink.playedFrames() + audioSink.queuedFrames();
            }
            int n = audioSink.write(a.pcm(), pendingOffset, a.lengthBytes() - pendingOffset);
            pendingOffset += n;
            if (!device) {
                audioLateUs += DRIFT_SMOOTHING * ((t - a.ptsUs()) - audioLateUs);
            }
            if (pendingOffset >= a.lengthBytes()) {
                pendingAudio = null;
            } else {
                break; // the device is full for now
            }
        }
        if (device && audioAnchorUs != Long.MIN_VALUE && sinkRate > 0) {
            followDevice(dry);
        }
    }

    /**
     * The clock follows what the device has played ({@link DeviceClockSync}); a device that
     * started late has the audio cut to the clock; a device that stopped working is replaced by
     * a null sink (the clock runs on wall time); a device that ran {@code dry} (had played all it
     * was given before this step gave it more) is counted, once per gap.
     */
    private void followDevice(boolean dry) {
        if (!deviceWorks()) {
            return;
        }
        if (dry && !inUnderrun && phase == Phase.PLAYING && !paused && !feed.sourceEnded()) {
            audioUnderruns++;
            events.status(NetStatusCode.NSFX_AUDIO_UNDERRUN, "The audio device ran dry (underrun " + audioUnderruns
                    + "): sound was not ready in time, so a gap was heard.", audioUnderruns);
        }
        inUnderrun = dry;
        if (!Double.isNaN(pendingClockRate) && audioSink.playedFrames() >= playedAtAnchor) {
            applyPendingClockRate(); // the sound of the old rate has played out
        }
        long played = audioSink.playedFrames() - playedAtAnchor;
        long reportedUs = audioAnchorUs + Math.round(played * 1_000_000.0 / sinkRate * anchorRate);
        DeviceClockSync.Verdict verdict = deviceSync.update(reportedUs, audioAnchorUs, clock, anchorRate);
        if (verdict == DeviceClockSync.Verdict.DEVICE_LATE) {
            if (lateCuts < MAX_LATE_CUTS) {
                lateCuts++;
                cutAudioTo(clock.positionUs());
            } else {
                clock.nudge(deviceSync.lastErrorUs()); // the picture holds until the sound catches up
            }
        }
    }

    /**
     * The device is behind the clock (it started late). What it holds plays out, late, for at
     * most one buffer; the sound after that is cut so it starts where the clock will be by then,
     * and the device position counts from there (as after priming silence). No flush: a flushed
     * ALSA device waits for a full buffer again before it restarts.
     */
    private void cutAudioTo(long clockUs) {
        long heldUs = Math.round(audioSink.queuedFrames() * 1_000_000.0 / sinkRate * anchorRate);
        applyPendingClockRate();
        long resumeUs = clockUs + heldUs;
        // A chunk time-stretched at a rate other than 1 spans more or less media than its length
        // says: it cannot be cut by time, so it is dropped and the cut is made in the chunks after it.
        AudioChunk rest = pendingAudio == null || anchorRate != 1.0 ? null
                : pendingAudio.dropFrames(pendingOffset / (2 * pendingAudio.channels()));
        if (tempo != null) {
            tempo.close(); // what the filter holds comes from before the cut
            tempo = null;
        }
        pendingAudio = null;
        pendingOffset = 0;
        audioAnchorUs = Long.MIN_VALUE;
        deviceSync.reset();
        if (rest != null && rest.endUs() > resumeUs) {
            pendingAudio = rest.ptsUs() < resumeUs ? rest.dropFrames(framesBetween(rest, resumeUs)) : rest;
            return;
        }
        TrackOutput<AudioChunk> audio = feed.audio();
        AudioChunk a;
        while ((a = audio.peek()) != null && a.endUs() <= resumeUs) {
            audio.poll();
        }
        if (a != null && a.ptsUs() < resumeUs) {
            audio.poll();
            pendingAudio = a.dropFrames(framesBetween(a, resumeUs));
            pendingStretched = false;
        }
    }

    private static int framesBetween(AudioChunk a, long untilUs) {
        return (int) ((untilUs - a.ptsUs()) * a.sampleRateHz() / 1_000_000L);
    }

    /**
     * While buffering, a device sink is opened in the stream's format and fed silence so it is
     * running by Buffer.Full ({@link DevicePrimer}); sound written after silence counts its
     * device position from a new anchor.
     */
    private void primeDevice() {
        if (fast || paused || !audioEnabled() || audioSink == null || !audioSink.drivesClock()) {
            return;
        }
        AudioChunk a = pendingAudio != null ? pendingAudio : feed.audio().peek();
        if (a == null || !ensureSink(a) || !audioSink.drivesClock() || !deviceWorks()) {
            return;
        }
        if (primer.prime(audioSink, sinkRate, sinkChannels, audioSink.playedFrames() > 0) > 0) {
            audioAnchorUs = Long.MIN_VALUE;
            deviceSync.reset();
        }
    }

    /**
     * False, after replacing it with a null sink and saying why, when the device sink could not be
     * opened (NoDevice) or has stopped working (DeviceLost).
     */
    private boolean deviceWorks() {
        AudioSinkException openFailed = audioSink.openFailure();
        if (openFailed != null) {
            useNullSink();
            events.status(NetStatusCode.NSFX_AUDIO_NODEVICE, openFailed.getMessage()
                    + "; audio is decoded and timed on the wall clock but not heard.", null);
            return false;
        }
        String failure = audioSink.failure();
        if (failure != null) {
            useNullSink();
            events.status(NetStatusCode.NSFX_AUDIO_DEVICELOST, failure + "; playing on without sound, on the "
                    + "wall clock. The next play uses the device again.", null);
            return false;
        }
        return true;
    }

    /** Plays on without a device: a null sink in the same format, the clock on wall time. */
    private void useNullSink() {
        audioSink.close();
        NullAudioSink nullSink = new NullAudioSink();
        nullSink.open(sinkRate, sinkChannels);
        audioSink = nullSink;
        applyPendingClockRate();
        pendingAudio = null;
        pendingOffset = 0;
        audioAnchorUs = Long.MIN_VALUE;
        deviceSync.reset();
    }

    private void drainDisabledAudio(long t) {
        TrackOutput<AudioChunk> audio = feed.audio();
        if (audio == null) {
            return;
        }
        AudioChunk a;
        while ((a = audio.peek()) != null && a.ptsUs() <= t) {
            audio.poll();
        }
    }

    private boolean ensureSink(AudioChunk a) {
        if (audioSink == null) {
            return false;
        }
        if (a.sampleRateHz() != sinkRate || a.channels() != sinkChannels) {
            // A (re)opened sink counts played frames from 0: anchor the clock on this chunk.
            audioAnchorUs = Long.MIN_VALUE;
            deviceSync.reset();
            try {
                audioSink.open(a.sampleRateHz(), a.channels());
                sinkRate = a.sampleRateHz();
                sinkChannels = a.channels();
            } catch (AudioSinkException e) {
                // No device: a null sink keeps the clock on wall time, with one clear warning.
                sinkRate = a.sampleRateHz();
                sinkChannels = a.channels();
                useNullSink();
                events.status(NetStatusCode.NSFX_AUDIO_NODEVICE, e.getMessage()
                        + "; audio is decoded and timed on the wall clock but not heard.", null);
            }
        }
        return true;
    }

    private void resetAudio() {
        applyPendingClockRate();
        if (tempo != null) {
            tempo.close();
            tempo = null;
        }
        pendingAudio = null;
        pendingOffset = 0;
        audioAnchorUs = Long.MIN_VALUE;
        deviceSync.reset();
        lateCuts = 0;
        inUnderrun = false;
        if (audioSink != null && sinkRate > 0) {
            audioSink.flush();
        }
    }

    private void presentVideo(long t) {
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
                    countRendered(v);
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
    private void countRendered(VideoFrame v) {
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
            events.status(NetStatusCode.NETSTREAM_STEP_NOTIFY, "Stepped to the frame at " + seconds(v.ptsUs())
                    + " s.", seconds(v.ptsUs()));
        }
    }

    private boolean starving(long t) {
        return (videoEnabled() && starved(feed.video(), t)) || (audioEnabled() && pendingAudio == null
                && starved(feed.audio(), t));
    }

    private static boolean starved(TrackOutput<?> out, long t) {
        if (out.finished() || out.peek() != null) {
            return false;
        }
        long end = out.bufferedEndUs();
        return end == TrackOutput.NOTHING || end <= t;
    }

    private boolean drained(long t) {
        boolean v = feed.video() == null || !receiveVideo || feed.video().finished();
        boolean a = feed.audio() == null || !receiveAudio || (feed.audio().finished() && pendingAudio == null
                && (audioSink == null || !audioSink.drivesClock() || audioSink.queuedFrames() == 0 || fast));
        if (!v || !a) {
            return false;
        }
        return fast || t >= lastEndUs() - 1_000;
    }

    /** Marks the stream closed: nothing more happens until the next start. */
    public void stop() {
        phase = Phase.IDLE;
        clock.pause();
        resetAudio();
    }

    // Statistics, read on the playback thread and published by the stream.

    public long renderedFrames() {
        return renderedFrames;
    }

    public long droppedFrames() {
        return droppedFrames;
    }

    /** Times the audio device ran dry while playing. */
    public long audioUnderruns() {
        return audioUnderruns;
    }

    /** Video lateness against the audio clock, in ms (positive: video behind audio). */
    public double avDriftMs() {
        boolean device = audioSink != null && audioSink.drivesClock();
        double audio = device ? 0 : audioLateUs;
        return (videoLateUs - audio) / 1000.0;
    }

    /** Frames shown during the last second. */
    public double currentFps() {
        long now = time.nanoTime();
        int count = 0;
        for (long ts : renderTimes) {
            if (ts != 0 && now - ts <= 1_000_000_000L) {
                count++;
            }
        }
        return count;
    }

    public long lastRenderedPtsUs() {
        return lastRenderedPtsUs;
    }

    private static double seconds(long us) {
        return Math.round(us / 1000.0) / 1000.0;
    }
}
