package org.netstreamfx.player.net;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.netstreamfx.player.clock.TimeSource;
import org.netstreamfx.player.rtmp.client.RtmpConnection;
import org.netstreamfx.player.rtmp.client.RtmpPlayStream;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.session.CurrentPlay;
import org.netstreamfx.player.session.PlayRecording;
import org.netstreamfx.player.session.PlaybackSession;
import org.netstreamfx.player.session.RtmpPlay;
import org.netstreamfx.player.session.Snapshot;
import org.netstreamfx.player.sink.AudioSink;
import org.netstreamfx.player.sink.JavaSoundAudioSink;
import org.netstreamfx.player.sink.VideoFrame;
import org.netstreamfx.player.sink.VideoSink;
import org.netstreamfx.player.source.DataMessage;
import org.netstreamfx.player.source.SourceDescription;
import org.netstreamfx.player.util.Redact;

/**
 * A one-way channel inside a {@link NetConnection} that plays a stream (flash.net.NetStream): a
 * file or download on a connect(null) connection, or a server's stream over RTMP (Adobe RTMP
 * specification 1.0, section 7.2.2), where every onStatus of the server reaches the listeners
 * whole and the engine adds only Buffer.Full, Empty and Flush.
 *
 * <p>Public methods return at once: they hand a command to the stream's playback thread, and what
 * may wait (joining the threads of the session before, closing its source, decoders and sink,
 * RTMP stream commands) to the stream's own thread ("nsfx-stream-N"); {@link #close()} returns a
 * stage that completes once all is released. Status events and client callbacks arrive on the
 * connection's callback executor, a new play's never before the last of the one it replaced.
 * The video sink is called on the playback thread. Times are in seconds at this edge, as in Flash.
 */
public class NetStream {
    /** Flash's default bufferTime. */
    public static final double DEFAULT_BUFFER_TIME = 0.1;

    /** How fast to play. */
    public enum Pacing {
        /** At the stream's own pace, audio (or the wall clock) as master. */
        REAL_TIME,
        /** As fast as decoding allows, every frame shown, none dropped: for scripts and benchmarks. */
        AS_FAST_AS_POSSIBLE
    }

    private final NetConnection connection;
    private final List<NetStatusListener> listeners = new CopyOnWriteArrayList<>();
    private final TimeSource time;
    private final Publisher publisher = new Publisher(this);
    private volatile NetStreamClient client = new NetStreamClient() { };
    private volatile VideoSink videoSink;
    private volatile AudioSink audioSink;
    /** The sink the playing session writes to (the injected one, or the device sink made for it). */
    private volatile AudioSink sessionSink;
    private volatile String audioDevice = org.netstreamfx.player.sink.AudioOutputs.SYSTEM_DEFAULT;
    private volatile Pacing pacing = Pacing.REAL_TIME;
    private volatile double bufferTime = DEFAULT_BUFFER_TIME;
    private volatile double bufferTimeMax;
    private volatile boolean defaultLiveCatchUp = true;
    private volatile double volume = 1.0;
    private volatile double playbackRate = 1.0;
    private volatile Snapshot snapshot = Snapshot.EMPTY;
    private volatile SourceDescription description;
    private volatile String shownName = "";
    private volatile boolean receiveVideo = true;
    private volatile boolean receiveAudio = true;
    private final ClientDispatch callbacks;
    private final CurrentPlay current;
    private final ByteRate loadRate = new ByteRate();

    public NetStream(NetConnection connection) {
        this(connection, TimeSource.SYSTEM);
    }

    /** For tests: a stream whose clock reads {@code time}. */
    public NetStream(NetConnection connection, TimeSource time) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.time = time;
        this.callbacks = new ClientDispatch(this, connection.callbackExecutor());
        this.current = new CurrentPlay(new StreamSessionHost(this, connection));
    }

    /**
     * Plays a local file (path or file: URL) or an http(s) URL on a connection made with
     * connect(null). Any stream already playing is closed first. NetStream.Play.Start (or
     * Play.StreamNotFound / Play.Failed) follows.
     */
    public void play(String nameOrUrl) {
        Objects.requireNonNull(nameOrUrl, "nameOrUrl");
        if (connection.isRtmp()) {
            play(nameOrUrl, -2, -1, true);
            return;
        }
        if (!connection.connected()) {
            throw new IllegalStateException("NetStream.play: the NetConnection is not connected (call connect(null))");
        }
        closeSession();
        shownName = Redact.url(nameOrUrl);
        current.start(newSession(() -> org.netstreamfx.player.source.Sources.open(nameOrUrl), false), null);
    }

    /**
     * Plays {@code name} from the RTMP server this stream's connection is connected to (RTMP
     * 7.2.2.1): createStream, then play. {@code startSeconds} is -2 (live if there is one, else
     * recorded), -1 (live only) or a position in a recorded stream; {@code lengthSeconds} -1 plays
     * to the end; {@code reset} clears a server-side playlist. The server's NetStream.Play.* status
     * events follow. On a connect(null) connection this is {@link #play(String)}.
     */
    public void play(String name, double startSeconds, double lengthSeconds, boolean reset) {
        Objects.requireNonNull(name, "name");
        RtmpConnection rc = connection.rtmpConnection();
        if (rc == null) {
            play(name);
            return;
        }
        if (!connection.connected()) {
            throw new IllegalStateException("NetStream.play: the NetConnection to " + connection.uri()
                    + " is not connected (wait for NetConnection.Connect.Success)");
        }
        RtmpPlayStream.PlayRequest request = new RtmpPlayStream.PlayRequest(name, startSeconds, lengthSeconds, reset);
        closeSession();
        startRtmp(rc, request);
    }

    private void startRtmp(RtmpConnection rc, RtmpPlayStream.PlayRequest request) {
        shownName = Redact.url(request.name());
        RtmpPlay p = new RtmpPlay(current, rc, request, shownName, Math.round(bufferTime * 1000));
        PlaybackSession s = newSession(p::source, true);
        if (!receiveVideo) {
            p.receiveVideo(false);
        }
        if (!receiveAudio) {
            p.receiveAudio(false);
        }
        current.start(s, p);
    }

    /** A session for one play(), with this stream's sinks, pacing, buffer times and receive flags. */
    private PlaybackSession newSession(org.netstreamfx.player.playback.StreamPipeline.SourceOpener opener,
                                       boolean serverStatus) {
        snapshot = Snapshot.EMPTY;
        AudioSink sink = audioSink != null ? audioSink : new JavaSoundAudioSink(audioDevice);
        sink.setVolume(volume);
        sessionSink = sink;
        PlaybackSession s = new PlaybackSession(current, shownName, opener, serverStatus, sink,
                pacing == Pacing.AS_FAST_AS_POSSIBLE, Math.round(bufferTime * 1e6), time);
        s.setBufferTimeMaxUs(Math.round(bufferTimeMax * 1e6));
        s.setDefaultLiveCatchUp(defaultLiveCatchUp);
        s.setInitialPlaybackRate(playbackRate);
        if (!receiveVideo) {
            s.receive(TrackKind.VIDEO, false);
        }
        if (!receiveAudio) {
            s.receive(TrackKind.AUDIO, false);
        }
        return s;
    }

    /** Pauses; over RTMP also asks the server to pause (pause command with the position). */
    public void pause() {
        current.pause(true, Math.round(time() * 1000));
    }

    public void resume() {
        current.pause(false, Math.round(time() * 1000));
    }

    public void togglePause() {
        current.pause(null, Math.round(time() * 1000));
    }

    /**
     * Seeks to {@code seconds}: to the keyframe at or before it, then decodes forward so playback
     * continues exactly there. NetStream.Seek.Notify follows; Seek.InvalidTime for a download that
     * has not reached that time; Seek.Failed when nothing is playing.
     */
    public void seek(double seconds) {
        current.seek(seconds, description);
    }

    /** The slowest playback rate, a quarter of normal speed. */
    public static final double MIN_PLAYBACK_RATE = org.netstreamfx.player.playback.PlaybackCore.MIN_PLAYBACK_RATE;
    /** The fastest playback rate, four times normal speed. */
    public static final double MAX_PLAYBACK_RATE = org.netstreamfx.player.playback.PlaybackCore.MAX_PLAYBACK_RATE;

    /**
     * Plays recorded media (files, http(s), RTMP recorded streams) {@code rate} times as fast,
     * {@link #MIN_PLAYBACK_RATE} to {@link #MAX_PLAYBACK_RATE}, with the sound's pitch kept; from
     * any thread. The rate holds across seeks, pauses and later play() calls of this stream until
     * set again (as VLC and mpv keep their speed from one file to the next).
     * NetStreamFX.Playback.Rate follows (details: the rate). A live stream plays at 1 (its
     * catch-up still works) and raises NetStreamFX.Playback.RateIgnored instead. Fast pacing
     * ignores it.
     *
     * @throws IllegalArgumentException outside {@link #MIN_PLAYBACK_RATE} to {@link #MAX_PLAYBACK_RATE}
     */
    public void setPlaybackRate(double rate) {
        org.netstreamfx.player.playback.PlaybackCore.checkRate(rate);
        playbackRate = rate;
        current.setPlaybackRate(rate);
    }

    /** The rate set with {@link #setPlaybackRate} (1 unless set); a live stream still plays at 1. */
    public double playbackRate() {
        return playbackRate;
    }

    /**
     * The rate the stream plays at now: the playback rate for recorded media, 1 for live (1.06
     * while a live stream catches up), 1 before anything plays and with fast pacing.
     */
    public double currentPlaybackRate() {
        return snapshot.playbackRate();
    }

    /**
     * Frames not shown because the playback rate (over 1) made them due faster than they could be:
     * not a fault of the stream, so not counted in droppedFrames.
     */
    public long skippedFrames() {
        return snapshot.skippedFrames();
    }

    /**
     * flash.net.NetStream.step: while paused, shows the frame {@code frames} frames after
     * (positive) or before (negative) the one shown, and moves time() to it; the sound stays
     * paused, and resume() plays on from there in sync. Backward steps (and forward ones) are an
     * accurate seek to that frame: decoded from its keyframe, not shown on the way. Steps asked
     * for while one is under way add up. NetStream.Step.Notify follows once the frame is shown
     * (details: its time). Not paused, a live stream, no video, the first or last frame already
     * shown, or more than PlaybackCore.MAX_STEP_FRAMES at once: NetStreamFX.Step.Invalid, and
     * nothing changes.
     */
    public void step(int frames) {
        current.step(frames);
    }

    // Publishing (flash.net.NetStream.attachCamera, attachAudio, publish, send): see Publisher.

    /** The video to publish (e.g. a camera with an H.264 encoder); null detaches it. */
    public void attachCamera(org.netstreamfx.player.publish.MediaFeed camera) {
        publisher.attachCamera(camera);
    }

    /** The audio to publish (e.g. a microphone with an AAC encoder); null detaches it. */
    public void attachAudio(org.netstreamfx.player.publish.MediaFeed microphone) {
        publisher.attachAudio(microphone);
    }

    /** {@code publish(name, "live")}; {@code publish(null)} stops publishing (Unpublish.Success). */
    public void publish(String name) {
        publish(name, "live");
    }

    /**
     * Publishes the attached feeds as {@code name} (RTMP 7.2.2.6); {@code type} is "live",
     * "record", "append" or "appendWithGap". The server's NetStream.Publish.Start (or BadName),
     * Record.* and Unpublish.Success arrive as status events, whole. bufferTime bounds the
     * outgoing queue (at least 0.5 s): past it, video is dropped up to the next keyframe.
     */
    public void publish(String name, String type) {
        if (name == null) {
            publisher.unpublish();
            return;
        }
        Publisher.checkType(type);
        RtmpConnection rc = connection.rtmpConnection();
        if (rc == null || !connection.connected()) {
            throw new IllegalStateException("NetStream.publish: the NetConnection is not connected to an RTMP server");
        }
        closeSession();
        shownName = Redact.streamKey(name);
        connection.registerRtmpStream(this);
        publisher.publish(rc, name, type, Math.round(bufferTime * 1e6));
    }

    /**
     * While publishing: {@code handler(args...)} as a data message to every subscriber.
     *
     * @throws IllegalStateException before NetStream.Publish.Start
     */
    public void send(String handler, Object... args) {
        publisher.send(Objects.requireNonNull(handler, "handler"), List.of(args));
    }

    /**
     * Records what this stream publishes, as encoded, with {@code recorder} (e.g. an FlvRecorder or
     * a FragmentedMp4Recorder reporting to this stream's listeners) until publishing stops.
     */
    public void recordPublished(org.netstreamfx.player.record.Recorder recorder) {
        publisher.recordTo(recorder);
    }

    /**
     * Records what this stream plays (or, if nothing plays, what the next play() plays), still
     * compressed as it arrives, with {@code recorder}, until the end of the stream, close(),
     * another play() or {@link #stopRecording()}: it starts at a keyframe, and a seek splices the
     * file where the watching went on. A failed recording never stops playback. See PlayRecording.
     */
    public void recordPlayed(org.netstreamfx.player.record.Recorder recorder) {
        current.record(new PlayRecording(Objects.requireNonNull(recorder, "recorder"), RecordEvents.forwardingTo(this::deliver)));
    }

    /** recordPlayed to FLV for a .flv {@code file}, else to fragmented MP4; its events go to the listeners. */
    public void recordPlayed(java.nio.file.Path file) {
        recordPlayed(PlayRecording.recorderFor(file, RecordEvents.forwardingTo(this::deliver)));
    }

    /** Stops recording what is played or published: Record.Stop once the file is complete. */
    public void stopRecording() {
        current.stopRecording();
        publisher.recordTo(null);
    }

    /** Whether publish() is in effect. */
    public boolean publishing() {
        return publisher.publishing();
    }

    /**
     * Stops playing or publishing and frees everything the stream holds; returns at once. Nothing
     * more is reported of what played; its threads, source, decoders and sink are released on the
     * stream's thread, then the video sink is cleared, and the stage completes. The stream can
     * play() again at once.
     */
    public CompletionStage<Void> close() {
        if (publisher.publishing()) {
            publisher.unpublish();
            connection.unregisterRtmpStream(this);
        }
        description = null;
        return current.close(() -> {
            VideoSink v = videoSink;
            if (v != null) {
                v.clear();
            }
        });
    }

    private void closeSession() {
        description = null;
        current.close(() -> { });
    }

    /** Whether to play audio; over RTMP also the receiveAudio command (7.2.2.4). */
    public void receiveAudio(boolean on) {
        receiveAudio = on;
        current.receive(TrackKind.AUDIO, on);
    }

    /** Whether to play video; over RTMP also the receiveVideo command (7.2.2.5). */
    public void receiveVideo(boolean on) {
        receiveVideo = on;
        current.receive(TrackKind.VIDEO, on);
    }

    // Properties.

    public double bufferTime() {
        return bufferTime;
    }

    /** How much must be buffered before playback starts or resumes, in seconds (default 0.1). */
    public void setBufferTime(double seconds) {
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("bufferTime must be 0 or more seconds, not " + seconds);
        }
        bufferTime = seconds;
        current.setBufferTime(seconds);
    }

    public double bufferTimeMax() {
        return bufferTimeMax;
    }

    /**
     * For live streams: when bufferLength goes over this, playback runs up to 6 % faster (audio
     * pitch kept) until bufferLength is back at bufferTime. 0 (the default): the default live
     * latency policy applies (PlaybackCore.DEFAULT_LIVE_SLACK_US; see {@link #setDefaultLiveCatchUp}).
     */
    public void setBufferTimeMax(double seconds) {
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("bufferTimeMax must be 0 or more seconds, not " + seconds);
        }
        bufferTimeMax = seconds;
        current.withSession(s -> s.setBufferTimeMaxUs(Math.round(seconds * 1e6)));
    }

    /**
     * A live stream that is playing jumps to bufferTime behind the newest data received (the
     * "go to live" of players), raising NetStreamFX.Live.Join with the seconds skipped. Nothing
     * happens for a recorded stream, while buffering or paused, or when it is already there.
     */
    public void seekToLiveEdge() {
        current.withSession(PlaybackSession::seekToLiveEdge);
    }

    /**
     * Whether a live stream without bufferTimeMax catches up on its own (true, the default: 6 %
     * faster from bufferTime + max(1 s, bufferTime), and skipping to its newest data from twice
     * that) or, as Flash Player did, stays as far behind as it has fallen (false).
     */
    public void setDefaultLiveCatchUp(boolean on) {
        defaultLiveCatchUp = on;
        current.withSession(s -> s.setDefaultLiveCatchUp(on));
    }

    public boolean defaultLiveCatchUp() {
        return defaultLiveCatchUp;
    }

    public double bufferLength() {
        return snapshot.bufferLengthUs() / 1e6;
    }

    /** The playhead, in seconds. */
    public double time() {
        return snapshot.timeUs() / 1e6;
    }

    public long bytesLoaded() {
        return current.bytesLoaded();
    }

    /** The stream's size, or 0 while unknown (Flash's convention). */
    public long bytesTotal() {
        return Math.max(0, current.bytesTotal());
    }

    public double currentFPS() {
        return snapshot.fps();
    }

    /** 0.0 to 1.0 (soundTransform.volume). */
    public double volume() {
        return volume;
    }

    /**
     * Sets the volume (soundTransform.volume), 0.0 to 1.0, from any thread: it acts on the sound
     * written from now on, within the device's short queue (under 100 ms), and on later plays.
     */
    public void setVolume(double v) {
        volume = Math.max(0, Math.min(1, v));
        AudioSink sink = sessionSink;
        if (sink != null) {
            sink.setVolume(volume);
        }
    }

    /**
     * The sound output the next play() uses when no sink was set: an
     * {@link org.netstreamfx.player.sink.AudioOutput#id()}, "default" (or null) for the system's
     * default output, which follows the system's choice.
     */
    public void setAudioDevice(String id) {
        audioDevice = id == null ? org.netstreamfx.player.sink.AudioOutputs.SYSTEM_DEFAULT : id;
    }

    public String audioDevice() {
        return audioDevice;
    }

    /** What the source found when it opened, or null before Play.Start. */
    public SourceDescription description() {
        return description;
    }

    /** Whether the stream has played to its end (Play.Stop sent). */
    public boolean ended() {
        return snapshot.ended();
    }

    public synchronized NetStreamInfo info() {
        if (publisher.publishing()) {
            return publisher.info(time.nanoTime());
        }
        Snapshot s = snapshot;
        long bytes = bytesLoaded();
        return new NetStreamInfo(loadRate.perSecond(bytes, time.nanoTime()), bytes, s.audioBufferUs() / 1e6, s.videoBufferUs() / 1e6,
                s.audioBufferBytes(), s.videoBufferBytes(),
                s.decodedFrames(), s.droppedFrames(), s.renderedFrames(), s.decodedSamples(), s.decodeErrors(),
                s.avDriftMs(), s.fps(), s.audioUnderruns());
    }

    // Wiring.

    public void setClient(NetStreamClient c) {
        client = Objects.requireNonNull(c, "client");
    }

    public NetStreamClient client() {
        return client;
    }

    /** Where decoded pictures go (e.g. a Video node). Set before play(). */
    public void setVideoSink(VideoSink sink) {
        videoSink = sink;
    }

    /** Where decoded audio goes; default: the system's sound output, or silence with a warning. */
    public void setAudioSink(AudioSink sink) {
        audioSink = sink;
    }

    public void setPacing(Pacing p) {
        pacing = Objects.requireNonNull(p);
    }

    public void addNetStatusListener(NetStatusListener l) {
        listeners.add(Objects.requireNonNull(l));
    }

    public void removeNetStatusListener(NetStatusListener l) {
        listeners.remove(l);
    }

    // Called by the playback session (playback thread).
    String shownName() {
        return shownName;
    }

    void publish(Snapshot s) {
        snapshot = s;
    }

    void opened(SourceDescription d, boolean announceMetaData) {
        description = d;
        if (announceMetaData) {
            callbacks.metaData(MetaData.of(d));
        }
    }

    void renderFrame(VideoFrame frame) {
        VideoSink v = videoSink;
        if (v != null) {
            v.render(frame);
        }
    }

    void dispatchStatus(NetStatusCode code, String description, Object details) {
        deliver(NetStatusEvent.of(code, description, details, time.nanoTime()));
    }

    /** To the listeners on the callback executor; nobody listens once the connection shut its own down. */
    private void deliver(NetStatusEvent e) {
        try {
            connection.callbackExecutor().execute(() -> deliverHere(e));
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // NetConnection.close() ended its event thread: a late event (e.g. an unpublish finishing) is dropped.
        }
    }

    /** To the listeners, on this thread (the callback executor's). */
    void deliverHere(NetStatusEvent e) {
        for (NetStatusListener l : listeners) {
            l.onNetStatus(e);
        }
    }

    long nanoTime() {
        return time.nanoTime();
    }

    void dispatchPlayStatus(String code) {
        callbacks.playStatus(code);
    }

    void dispatchData(DataMessage m) {
        callbacks.data(m, current.isRtmp());
    }

    // Called by the NetConnection over RTMP.

    /** The connection is gone for good: the stream fails with {@code description}. */
    void rtmpConnectionLost(String description) {
        publisher.connectionLost();
        current.connectionLost(description);
    }

    /** The connection dropped and a reconnect follows: a recording of what is published marks the time off air. */
    void rtmpConnectionDropped() {
        publisher.connectionDropped();
    }

    /** The connection came back: play the same stream again, from where it was if recorded (on the stream's thread). */
    void rtmpReconnected() {
        RtmpConnection now = connection.rtmpConnection();
        if (publisher.publishing() && now != null) {
            publisher.reconnected(now, Math.round(bufferTime * 1e6));
        }
        RtmpPlay old = current.rtmp();
        if (old == null) {
            return;
        }
        current.later(() -> { // on the stream's thread, never the callback executor: nothing here waits
            RtmpConnection rc = connection.rtmpConnection();
            if (!current.isCurrent(old) || rc == null) {
                return;
            }
            RtmpPlayStream.PlayRequest r = old.request();
            double start = r.startSeconds() >= 0 ? Math.max(r.startSeconds(), time()) : r.startSeconds();
            current.keepRecordingForReplay();
            closeSession();
            startRtmp(rc, new RtmpPlayStream.PlayRequest(r.name(), start, r.lengthSeconds(), r.reset()));
        });
    }

    /** A status event from the server, passed on whole. */
    void dispatchServerStatus(Map<String, Object> info) {
        deliver(NetConnection.serverEvent(info, NetStatusCode.NETSTREAM_PLAY_FAILED));
    }
}
