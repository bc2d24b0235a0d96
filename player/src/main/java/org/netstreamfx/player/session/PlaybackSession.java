package org.netstreamfx.player.session;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.netstreamfx.player.clock.TimeSource;
import org.netstreamfx.player.media.StreamTrack;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.playback.CoreEvent;
import org.netstreamfx.player.playback.CoreEvents;
import org.netstreamfx.player.playback.PlaybackCore;
import org.netstreamfx.player.playback.StreamPipeline;
import org.netstreamfx.player.playback.PipelineListener;
import org.netstreamfx.player.playback.PipelineTap;
import org.netstreamfx.player.sink.AudioSink;
import org.netstreamfx.player.sink.VideoFrame;
import org.netstreamfx.player.source.DataMessage;
import org.netstreamfx.player.source.SourceDescription;

/**
 * One play() of a NetStream: the playback thread ("nsfx-playback-N") that owns the
 * {@link PlaybackCore}, and the {@link StreamPipeline} feeding it from the source its
 * {@link StreamPipeline.SourceOpener} makes (a file or download, or the RTMP stream's source).
 * Public methods enqueue commands for the playback thread; the pipeline's reports are enqueued
 * the same way, so the core is only ever touched by its own thread.
 *
 * <p>With {@code serverStatus} (RTMP) the server's status events are the truth: the engine's own
 * Play.Start, Play.Stop, Seek.Notify, Pause.Notify, Unpause.Notify and onPlayStatus are not sent,
 * nor the onMetaData made from the source's description (the server sends its own); Buffer.Full,
 * Empty and Flush still are.
 *
 * <p>What happens is reported to the {@link SessionHost} as typed events ({@link SessionEvent},
 * {@link CoreEvent}); the API layer makes NetStatus events of them.
 */
public final class PlaybackSession implements CoreEvents, PipelineListener {
    /** Guards the two taps the pipeline hears through one TeeTap: a recording's and the health analysis'. */
    private final Object taps = new Object();
    private PipelineTap recordTap;
    private PipelineTap healthTap;

    private static final AtomicInteger IDS = new AtomicInteger();
    /**
     * The packet buffer reads this far ahead of the playhead, or bufferTime if that is longer. A
     * live stream reads everything that has arrived (up to the pipeline's byte limit), so that
     * bufferLength is how far behind the newest data the player is, and the latency policy sees it.
     */
    static final long MIN_READ_AHEAD_US = 3_000_000;
    /** How long {@link #release()} waits for the playback thread to end. */
    static final long JOIN_MS = 2_000;

    /**
     * Core events a server's own status events replace (Play.Stop with its onPlayStatus, Seek.Notify,
     * Pause.Notify, Unpause.Notify); the engine's Play.Start is left out in {@link #opened}.
     */
    private static final Set<Class<? extends CoreEvent>> SERVER_OWNED = Set.of(CoreEvent.Ended.class,
            CoreEvent.SeekNotify.class, CoreEvent.PauseNotify.class, CoreEvent.UnpauseNotify.class);

    private final CurrentPlay owner;
    private final SessionHost host;
    private final String address;
    private final boolean serverStatus;
    private final PlaybackCore core;
    private final StreamPipeline pipeline;
    private final AudioSink audioSink;
    private final Thread thread;
    private final LinkedBlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
    private volatile boolean closed;
    private boolean seekPending;
    /** The pending seek is a frame step's (NetStream.step), not the user's. */
    private boolean stepSeek;
    private boolean failed;
    /** Data arrivals so far ({@link #wake}); the loop compares it across a step before it blocks. */
    private final AtomicLong wakeups = new AtomicLong();
    /** The loop is blocked in {@link #awaitWork} (or about to be). */
    private final AtomicBoolean idle = new AtomicBoolean();
    private static final Runnable WAKE = () -> { };

    /**
     * @param owner what plays on the stream: the session's figures count while it is this session
     * @param address what is shown for the stream (masked)
     * @param opener makes the source, on the demux thread
     * @param serverStatus true when a server sends the stream's status events (RTMP)
     */
    public PlaybackSession(CurrentPlay owner, String address, StreamPipeline.SourceOpener opener, boolean serverStatus,
                    AudioSink audioSink, boolean fast, long bufferTimeUs, TimeSource time) {
        this.owner = owner;
        this.host = owner.host();
        this.address = address;
        this.serverStatus = serverStatus;
        this.audioSink = audioSink;
        this.core = new PlaybackCore(time, this, audioSink, fast);
        this.core.setBufferTimeUs(bufferTimeUs);
        this.pipeline = new StreamPipeline(opener, this, Math.max(MIN_READ_AHEAD_US, bufferTimeUs));
        this.thread = new Thread(this::run, "nsfx-playback-" + IDS.incrementAndGet());
        this.thread.setDaemon(true);
        this.pipeline.arrivals().setOnSignal(this::wake);
    }

    void start() {
        thread.start();
        pipeline.start();
    }

    /** Runs {@code r} on the playback thread. */
    void command(Runnable r) {
        if (!closed) {
            commands.add(r);
        }
    }

    // Called on the playback thread.

    private void run() {
        long sleepNs = 5_000_000;
        long seen = 0;
        try {
            while (!closed) {
                Runnable c = sleepNs == PlaybackCore.IDLE ? awaitWork(seen) : commands.poll(Math.max(0, sleepNs),
                        TimeUnit.NANOSECONDS);
                while (c != null) {
                    c.run();
                    c = commands.poll();
                }
                if (closed) {
                    break;
                }
                seen = wakeups.get(); // read before the core looks at the tracks
                if (!seekPending && !failed) {
                    startStep();
                }
                // A pending seek or a failure waits for the pipeline's report, a command.
                sleepNs = seekPending || failed ? PlaybackCore.IDLE : core.step();
                publishStats();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            core.stop();
        }
    }

    /**
     * Blocks until a command comes or new data wakes the loop ({@link #wake}): nothing is due
     * while idle, paused or ended, so the thread uses no CPU then. Data that came after
     * {@code seen} (read before the core last looked at the tracks) is looked at first instead.
     */
    private Runnable awaitWork(long seen) throws InterruptedException {
        idle.set(true);
        if (wakeups.get() != seen) {
            idle.set(false);
            return commands.poll();
        }
        Runnable c = commands.take();
        idle.set(false);
        return c;
    }

    /**
     * New data: a packet read, a frame decoded, a track ended (demux and decoder threads). Counted,
     * and an idle loop is woken, once, with a command that does nothing.
     */
    private void wake() {
        wakeups.incrementAndGet();
        if (idle.compareAndSet(true, false)) {
            commands.add(WAKE);
        }
    }

    private void publishStats() {
        owner.publish(this, new Snapshot(core.timeUs(), core.bufferLengthUs(), core.trackBufferUs(true),
                core.trackBufferUs(false), pipeline.queuedBytes(TrackKind.VIDEO), pipeline.queuedBytes(TrackKind.AUDIO),
                core.renderedFrames(), core.droppedFrames(), core.avDriftMs(),
                core.currentFps(), pipeline.decodedVideoFrames(), pipeline.decodedAudioSamples(),
                pipeline.decodeErrors(), core.phase() == PlaybackCore.Phase.ENDED, core.audioUnderruns(),
                core.skippedFrames(), core.effectiveRate()));
    }

    /** The steps asked for, once the frames they need are decoded: an accurate seek to their frame. */
    private void startStep() {
        long target = core.nextStepTarget();
        if (target != PlaybackCore.NO_STEP) {
            seekPending = true;
            stepSeek = true;
            pipeline.requestSeek(target);
        }
    }

    /** Before the playback thread starts: the rate the stream starts at. */
    public void setInitialPlaybackRate(double rate) {
        core.setPlaybackRate(rate);
    }

    void setPlaybackRate(double rate) {
        command(() -> core.setPlaybackRate(rate));
    }

    /** NetStream.step: {@code frames} forward (positive) or back (negative), while paused. */
    void step(int frames) {
        command(() -> core.requestStep(frames));
    }

    void pause() {
        command(core::pause);
    }

    void resume() {
        command(core::resume);
    }

    void togglePause() {
        command(() -> {
            if (core.paused()) {
                core.resume();
            } else {
                core.pause();
            }
        });
    }

    void seek(long targetUs) {
        command(() -> {
            seekPending = true;
            stepSeek = false;
            pipeline.requestSeek(targetUs);
        });
    }

    void setBufferTimeUs(long us) {
        command(() -> {
            core.setBufferTimeUs(us);
            pipeline.setReadAheadUs(core.live() ? Long.MAX_VALUE : Math.max(MIN_READ_AHEAD_US, us));
        });
    }

    public void setBufferTimeMaxUs(long us) {
        command(() -> core.setBufferTimeMaxUs(us));
    }

    /** A live stream that plays skips to its newest data (PlaybackCore.goToLiveEdge). */
    public void seekToLiveEdge() {
        command(core::goToLiveEdge);
    }

    public void setDefaultLiveCatchUp(boolean on) {
        command(() -> core.setDefaultLiveCatchUp(on));
    }

    public void receive(TrackKind kind, boolean on) {
        command(() -> {
            pipeline.setTrackEnabled(kind, on);
            if (kind == TrackKind.VIDEO) {
                core.setReceiveVideo(on);
            } else {
                core.setReceiveAudio(on);
            }
        });
    }

    /** The Enhanced RTMP track of {@code kind} that plays, or -1 when none does. Any thread. */
    public int playingTrack(TrackKind kind) {
        return pipeline.playingTrack(kind);
    }

    /** Plays Enhanced RTMP track {@code trackId} of {@code kind} from its next keyframe (video) or packet (audio). */
    public void selectTrack(TrackKind kind, int trackId) {
        pipeline.selectTrack(kind, trackId);
    }

    /** Tees what the source yields to {@code tap} (null: no more), on the demux thread. */
    void setTap(PipelineTap tap) {
        synchronized (taps) {
            recordTap = tap;
            pipeline.setTap(org.netstreamfx.player.playback.TeeTap.of(recordTap, healthTap));
        }
    }

    /** The stream health analysis of what this session plays (null: none), beside any recording's tap. */
    void setHealthTap(PipelineTap tap) {
        synchronized (taps) {
            healthTap = tap;
            pipeline.setTap(org.netstreamfx.player.playback.TeeTap.of(recordTap, healthTap));
        }
    }

    long bytesLoaded() {
        return pipeline.bytesLoaded();
    }

    long bytesTotal() {
        return pipeline.bytesTotal();
    }

    // Called by CurrentPlay: stop on any thread, then release on the stream's thread.

    /**
     * Ends the session without waiting: no command runs and nothing is reported from now on, and
     * the playback thread is told to end. {@link #release()} frees the rest.
     */
    void stop() {
        closed = true;
        commands.clear();
        thread.interrupt();
    }

    /**
     * After {@link #stop()}: waits for the playback thread (up to {@value #JOIN_MS} ms), then closes
     * the pipeline (its demux and decoder threads, the source, the decoders) and the audio sink
     * (the core only flushes it when it stops, which reopens a device's line). Blocks: never call
     * it on a caller's or the callback thread; CurrentPlay runs it on the stream's thread.
     */
    void release() {
        try {
            thread.join(JOIN_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pipeline.close();
        if (audioSink != null && !thread.isAlive()) {
            audioSink.close(); // the playback thread, its only user, has ended
        }
    }

    // CoreEvents: called on the playback thread.

    @Override
    public void transition(CoreEvent event) {
        publishStats(); // what info() says agrees with the event a listener is handed
        if (!(serverStatus && SERVER_OWNED.contains(event.getClass()))) {
            host.transition(event);
        }
    }

    @Override
    public void data(DataMessage message) {
        host.data(message);
    }

    @Override
    public void render(VideoFrame frame) {
        host.render(frame);
    }

    // PipelineListener: called on the demux or a decoder thread; handed to the playback thread.

    @Override
    public void opened(SourceDescription description) {
        command(() -> {
            if (closed) {
                return; // stopped while the command was queued: what plays now is another session
            }
            host.opened(description, !serverStatus);
            core.setLive(description.durationUs() < 0 && !description.seekable());
            if (core.live()) {
                pipeline.setReadAheadUs(Long.MAX_VALUE);
            }
            core.start(pipeline, 0);
        });
    }

    @Override
    public void tracksChanged(List<StreamTrack> tracks) {
        command(() -> {
            if (!closed) {
                host.status(new SessionEvent.TracksChanged(tracks));
            }
        });
    }

    @Override
    public void trackSwitched(TrackKind kind, int from, int to, long atUs) {
        command(() -> {
            if (!closed) {
                host.status(new SessionEvent.TrackSwitched(kind, from, to, atUs));
            }
        });
    }

    @Override
    public void openFailed(IOException error) {
        command(() -> {
            failed = true;
            host.status(new SessionEvent.OpenFailed(error, host.shownName()));
        });
    }

    @Override
    public void seekDone(long targetUs) {
        command(() -> {
            owner.flushedTo(this, targetUs); // over RTMP the server is asked to seek there
            seekPending = false;
            if (stepSeek) {
                stepSeek = false;
                core.stepped(targetUs);
            } else {
                core.seeked(targetUs);
            }
        });
    }

    @Override
    public void seekInvalid(long requestedUs, long lastValidUs) {
        command(() -> {
            seekPending = false;
            if (stepSeek) {
                stepSeek = false;
                core.stepFailed("only up to " + lastValidUs / 1e6 + " s has been downloaded");
                return;
            }
            host.status(new SessionEvent.SeekBeyondDownload(requestedUs, lastValidUs));
        });
    }

    @Override
    public void seekFailed(long requestedUs, String why) {
        command(() -> {
            seekPending = false;
            if (stepSeek) {
                stepSeek = false;
                core.stepFailed("the seek to the frame failed: " + why);
                return;
            }
            host.status(new SessionEvent.SeekFailed(requestedUs, why));
        });
    }

    @Override
    public void failed(String description) {
        command(() -> {
            if (failed) {
                return;
            }
            failed = true;
            core.stop();
            host.status(new SessionEvent.PlayFailed(description, host.shownName()));
        });
    }

    @Override
    public void received() {
        wake();
    }

    @Override
    public void decodeError(String description) {
        command(() -> host.status(new SessionEvent.DecodeError(description)));
    }

    String address() {
        return address;
    }
}
