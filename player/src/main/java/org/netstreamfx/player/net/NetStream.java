package org.netstreamfx.player.net;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.netstreamfx.player.clock.TimeSource;
import org.netstreamfx.player.rtmp.client.RtmpConnection;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.session.PlaybackSession;
import org.netstreamfx.player.sink.AudioSink;
import org.netstreamfx.player.sink.VideoSink;
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
 *
 * <p>A façade: the playing side is {@link StreamPlayer} (over the play sessions of
 * {@code org.netstreamfx.player.session}), the publishing side {@link org.netstreamfx.player.publish.Publisher}, and the events go
 * out through {@link StreamSessionHost}.
 */
public class NetStream {
    /** Flash's default bufferTime. */
    public static final double DEFAULT_BUFFER_TIME = 0.1;
    /** The largest Enhanced RTMP trackId (a UI8). */
    public static final int MAX_TRACK_ID = 255;

    /** How fast to play. */
    public enum Pacing {
        /** At the stream's own pace, audio (or the wall clock) as master. */
        REAL_TIME,
        /** As fast as decoding allows, every frame shown, none dropped: for scripts and benchmarks. */
        AS_FAST_AS_POSSIBLE
    }

    private final NetConnection connection;
    private final TimeSource time;
    private final org.netstreamfx.player.publish.Publisher publisher;
    private volatile NetStreamClient client = new NetStreamClient() { };
    private volatile double bufferTime = DEFAULT_BUFFER_TIME;
    private volatile double bufferTimeMax;
    private volatile boolean defaultLiveCatchUp = true;
    private volatile double volume = 1.0;
    private volatile double playbackRate = 1.0;
    private volatile String shownName = "";
    private final StreamSessionHost events;
    private final StreamPlayer player;
    private final RtmpStreamLink rtmpLink;

    public NetStream(NetConnection connection) {
        this(connection, TimeSource.SYSTEM);
    }

    /** For tests: a stream whose clock reads {@code time}. */
    public NetStream(NetConnection connection, TimeSource time) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.time = time;
        this.events = new StreamSessionHost(this, connection, time, this::publisher);
        this.player = new StreamPlayer(this, connection, events, time);
        this.publisher = PublishStatus.publisher(events::deliver, time::nanoTime, player.current()::later);
        this.rtmpLink = new RtmpStreamLink(connection, player, publisher, () -> Math.round(bufferTime * 1e6));
    }

    /**
     * Plays a local file (path or file: URL) or an http(s) URL on a connection made with
     * connect(null). Any stream already playing is closed first. NetStream.Play.Start (or
     * Play.StreamNotFound / Play.Failed) follows.
     */
    public void play(String nameOrUrl) {
        player.play(Objects.requireNonNull(nameOrUrl, "nameOrUrl"));
    }

    /**
     * Plays {@code name} from the RTMP server this stream's connection is connected to (RTMP
     * 7.2.2.1): createStream, then play. {@code startSeconds} is -2 (live if there is one, else
     * recorded), -1 (live only) or a position in a recorded stream; {@code lengthSeconds} -1 plays
     * to the end; {@code reset} clears a server-side playlist. The server's NetStream.Play.* status
     * events follow. On a connect(null) connection this is {@link #play(String)}.
     */
    public void play(String name, double startSeconds, double lengthSeconds, boolean reset) {
        player.play(Objects.requireNonNull(name, "name"), startSeconds, lengthSeconds, reset);
    }

    /** Pauses; over RTMP also asks the server to pause (pause command with the position). */
    public void pause() {
        player.current().pause(true, Math.round(time() * 1000));
    }

    public void resume() {
        player.current().pause(false, Math.round(time() * 1000));
    }

    public void togglePause() {
        player.current().pause(null, Math.round(time() * 1000));
    }

    /**
     * Seeks to {@code seconds}: to the keyframe at or before it, then decodes forward so playback
     * continues exactly there. NetStream.Seek.Notify follows; Seek.InvalidTime for a download that
     * has not reached that time; Seek.Failed when nothing is playing.
     */
    public void seek(double seconds) {
        player.current().seek(seconds, player.description());
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
        player.current().setPlaybackRate(rate);
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
        return player.snapshot().playbackRate();
    }

    /** Frames not shown because a playback rate over 1 made them due too fast: not in droppedFrames. */
    public long skippedFrames() {
        return player.snapshot().skippedFrames();
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
        player.current().step(frames);
    }

    /** The video to publish (e.g. a camera with an H.264 encoder); null detaches it. See publish.Publisher. */
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
        org.netstreamfx.player.publish.Publisher.checkType(type);
        RtmpConnection rc = connection.rtmpConnection();
        if (rc == null || !connection.connected()) {
            throw new IllegalStateException("NetStream.publish: the NetConnection is not connected to an RTMP server");
        }
        player.closeSession();
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
        player.record(Objects.requireNonNull(recorder, "recorder"), events);
    }

    /** recordPlayed to FLV for a .flv {@code file}, else to fragmented MP4; its events go to the listeners. */
    public void recordPlayed(java.nio.file.Path file) {
        recordPlayed(StreamPlayer.recorderFor(file, events));
    }

    /**
     * Judges what this stream plays or publishes from now on by {@code profile} (null: off, the default); each
     * finding raised or cleared ({@code cleared: true}) is a {@code NetStreamFX.Health.<Rule>} event (health.Rule).
     */
    public void setHealthProfile(org.netstreamfx.player.health.Profile profile) {
        player.current().setHealth(events.health().use(profile));
    }

    /** The health analysis so far (figures and findings) of what is published, else of the latest play; or null. */
    public org.netstreamfx.player.health.HealthReport healthReport() {
        return events.health().report();
    }

    /** Stops recording what is played or published: Record.Stop once the file is complete. */
    public void stopRecording() {
        player.current().stopRecording();
        publisher.recordTo(null);
    }

    /** Whether publish() is in effect. */
    public boolean publishing() {
        return publisher.publishing();
    }

    /**
     * Stops playing or publishing and frees everything the stream holds; returns at once. Nothing
     * more is reported of what played; its threads, source, decoders and sink, and the published
     * feeds and recording, are released on the stream's thread, then the video sink is cleared,
     * and the stage completes. The stream can play() again at once.
     */
    public CompletionStage<Void> close() {
        if (publisher.publishing()) {
            publisher.unpublish();
            connection.unregisterRtmpStream(this);
        }
        return player.close(player::clearVideo);
    }

    /** Whether to play audio; over RTMP also the receiveAudio command (7.2.2.4). */
    public void receiveAudio(boolean on) {
        player.receive(TrackKind.AUDIO, on);
    }

    /** Whether to play video; over RTMP also the receiveVideo command (7.2.2.5). */
    public void receiveVideo(boolean on) {
        player.receive(TrackKind.VIDEO, on);
    }

    /**
     * Enhanced RTMP v2 multitrack: plays video track {@code trackId} (as {@link NetStreamInfo#tracks()}
     * lists them) from its next keyframe, with no reconnect and no rebuffering;
     * NetStreamFX.Tracks.Switched tells when. Before play(), or for a track not listed yet, the track
     * to play once it comes; the choice holds for the plays that follow.
     *
     * @throws IllegalArgumentException when {@code trackId} is not 0 to {@link #MAX_TRACK_ID}, or
     *     the stream lists its video tracks and this is not one of them
     */
    public void selectVideoTrack(int trackId) {
        player.selectTrack(TrackKind.VIDEO, trackId);
    }

    /** As {@link #selectVideoTrack}, for the audio track (the switch is at its next packet). */
    public void selectAudioTrack(int trackId) {
        player.selectTrack(TrackKind.AUDIO, trackId);
    }

    /** The video or audio track that plays: 0 for a single-track stream, -1 when none does or the source has no ids (MP4). */
    public int playingTrack(TrackKind kind) {
        return player.playingTrack(kind);
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
        player.current().setBufferTime(seconds);
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
        player.current().withSession(s -> s.setBufferTimeMaxUs(Math.round(seconds * 1e6)));
    }

    /**
     * A live stream that is playing jumps to bufferTime behind the newest data received (the
     * "go to live" of players), raising NetStreamFX.Live.Join with the seconds skipped. Nothing
     * happens for a recorded stream, while buffering or paused, or when it is already there.
     */
    public void seekToLiveEdge() {
        player.current().withSession(PlaybackSession::seekToLiveEdge);
    }

    /**
     * Whether a live stream without bufferTimeMax catches up on its own (true, the default: 6 %
     * faster from bufferTime + max(1 s, bufferTime), and skipping to its newest data from twice
     * that) or, as Flash Player did, stays as far behind as it has fallen (false).
     */
    public void setDefaultLiveCatchUp(boolean on) {
        defaultLiveCatchUp = on;
        player.current().withSession(s -> s.setDefaultLiveCatchUp(on));
    }

    public boolean defaultLiveCatchUp() {
        return defaultLiveCatchUp;
    }

    public double bufferLength() {
        return player.snapshot().bufferLengthUs() / 1e6;
    }

    /** The playhead, in seconds. */
    public double time() {
        return player.snapshot().timeUs() / 1e6;
    }

    public long bytesLoaded() {
        return player.bytesLoaded();
    }

    /** The stream's size, or 0 while unknown (Flash's convention). */
    public long bytesTotal() {
        return Math.max(0, player.bytesTotal());
    }

    public double currentFPS() {
        return player.snapshot().fps();
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
        player.setVolume(volume);
    }

    /**
     * The sound output the next play() uses when no sink was set: an
     * {@link org.netstreamfx.player.sink.AudioOutput#id()}, "default" (or null) for the system's
     * default output, which follows the system's choice.
     */
    public void setAudioDevice(String id) {
        player.setAudioDevice(id);
    }

    public String audioDevice() {
        return player.audioDevice();
    }

    /** What the source found when it opened, or null before Play.Start. */
    public SourceDescription description() {
        return player.description();
    }

    /** Whether the stream has played to its end (Play.Stop sent). */
    public boolean ended() {
        return player.snapshot().ended();
    }

    public synchronized NetStreamInfo info() {
        if (publisher.publishing()) {
            return PublishStatus.info(publisher.figures(time.nanoTime()));
        }
        return player.info();
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
        player.setVideoSink(sink);
    }

    /** Where decoded audio goes; default: the system's sound output, or silence with a warning. */
    public void setAudioSink(AudioSink sink) {
        player.setAudioSink(sink);
    }

    public void setPacing(Pacing p) {
        player.setPacing(Objects.requireNonNull(p));
    }

    public void addNetStatusListener(NetStatusListener l) {
        events.addListener(l);
    }

    public void removeNetStatusListener(NetStatusListener l) {
        events.removeListener(l);
    }

    // Called by the playing and publishing sides and the events' host.

    /** What events say is played or published: the name or address, masked. */
    String shownName() {
        return shownName;
    }

    /** A play() or publish() names what the stream's events are about from now on. */
    void setShownName(String name) {
        shownName = name;
    }

    /** The playing side, for the events' host. */
    StreamPlayer player() {
        return player;
    }

    /** The publishing side, for the health analysis. */
    org.netstreamfx.player.publish.Publisher publisher() {
        return publisher;
    }

    /** To the listeners, on this thread (the callback executor's). */
    void deliverHere(NetStatusEvent e) {
        events.deliverHere(e);
    }

    long nanoTime() {
        return time.nanoTime();
    }

    /** What the NetConnection tells this stream over RTMP (connection lost, reconnected, moved). */
    RtmpStreamLink rtmp() {
        return rtmpLink;
    }
}
