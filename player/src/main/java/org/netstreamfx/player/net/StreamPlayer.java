package org.netstreamfx.player.net;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.netstreamfx.player.clock.TimeSource;
import org.netstreamfx.player.media.StreamTrack;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.playback.StreamPipeline;
import org.netstreamfx.player.record.Recorder;
import org.netstreamfx.player.rtmp.client.RtmpConnection;
import org.netstreamfx.player.rtmp.client.RtmpPlayStream;
import org.netstreamfx.player.session.CurrentPlay;
import org.netstreamfx.player.session.PlayRecording;
import org.netstreamfx.player.session.PlaybackSession;
import org.netstreamfx.player.session.RtmpPlay;
import org.netstreamfx.player.session.Snapshot;
import org.netstreamfx.player.sink.AudioOutputs;
import org.netstreamfx.player.sink.AudioSink;
import org.netstreamfx.player.sink.JavaSoundAudioSink;
import org.netstreamfx.player.sink.VideoFrame;
import org.netstreamfx.player.sink.VideoSink;
import org.netstreamfx.player.source.SourceDescription;
import org.netstreamfx.player.source.Sources;
import org.netstreamfx.player.util.Redact;

/**
 * The playing side of a {@link NetStream}, as {@link Publisher} is its publishing side: starts each
 * play() as a play session (a file or download, or an RTMP stream) with the stream's settings,
 * plays an RTMP stream again after a reconnect, records what plays, and keeps what the playing
 * session last reported (its figures, the source's description) for the stream's getters.
 *
 * <p>Thread ownership: called through the NetStream's public methods from any thread, by the
 * connection's reader thread over RTMP, and by the sessions (through the stream's
 * {@link StreamSessionHost}); what it keeps is in volatile fields.
 */
final class StreamPlayer {
    private final NetStream stream;
    private final NetConnection connection;
    private final TimeSource time;
    private final CurrentPlay current;
    private final ByteRate loadRate = new ByteRate();
    private volatile VideoSink videoSink;
    private volatile AudioSink audioSink;
    /** The sink the playing session writes to (the injected one, or the device sink made for it). */
    private volatile AudioSink sessionSink;
    private volatile String audioDevice = AudioOutputs.SYSTEM_DEFAULT;
    private volatile NetStream.Pacing pacing = NetStream.Pacing.REAL_TIME;
    private volatile boolean receiveVideo = true;
    private volatile boolean receiveAudio = true;
    private volatile Snapshot snapshot = Snapshot.EMPTY;
    private volatile SourceDescription description;
    private volatile List<StreamTrack> tracks = List.of();
    /** The Enhanced RTMP track of each kind the user selected, -1 for the stream's default. */
    private final StreamSessionHost host;
    private volatile int videoTrack = -1;
    private volatile int audioTrack = -1;

    StreamPlayer(NetStream stream, NetConnection connection, StreamSessionHost host, TimeSource time) {
        this.stream = stream;
        this.connection = connection;
        this.time = time;
        this.current = new CurrentPlay(host);
        this.host = host;
    }

    /** What plays now, for the commands that reach the session (and the RTMP play) directly. */
    CurrentPlay current() {
        return current;
    }

    /** NetStream.play(nameOrUrl): over RTMP the server's stream, else a file or download. */
    void play(String nameOrUrl) {
        if (connection.isRtmp()) {
            play(nameOrUrl, -2, -1, true);
            return;
        }
        if (!connection.connected()) {
            throw new IllegalStateException("NetStream.play: the NetConnection is not connected (call connect(null))");
        }
        closeSession();
        stream.setShownName(Redact.url(nameOrUrl));
        current.start(newSession(() -> Sources.open(nameOrUrl), false), null);
    }

    /** NetStream.play(name, start, length, reset): from the RTMP server, or the file {@code name} without one. */
    void play(String name, double startSeconds, double lengthSeconds, boolean reset) {
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
        stream.setShownName(Redact.url(request.name()));
        RtmpPlay p = new RtmpPlay(current, rc, request, stream.shownName(), Math.round(stream.bufferTime() * 1000));
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
    private PlaybackSession newSession(StreamPipeline.SourceOpener opener, boolean serverStatus) {
        snapshot = Snapshot.EMPTY;
        AudioSink sink = audioSink != null ? audioSink : new JavaSoundAudioSink(audioDevice);
        sink.setVolume(stream.volume());
        sessionSink = sink;
        PlaybackSession s = new PlaybackSession(current, stream.shownName(), opener, serverStatus, sink,
                pacing == NetStream.Pacing.AS_FAST_AS_POSSIBLE, Math.round(stream.bufferTime() * 1e6), time);
        s.setBufferTimeMaxUs(Math.round(stream.bufferTimeMax() * 1e6));
        s.setDefaultLiveCatchUp(stream.defaultLiveCatchUp());
        s.setInitialPlaybackRate(stream.playbackRate());
        if (!receiveVideo) {
            s.receive(TrackKind.VIDEO, false);
        }
        if (!receiveAudio) {
            s.receive(TrackKind.AUDIO, false);
        }
        if (videoTrack >= 0) {
            s.selectTrack(TrackKind.VIDEO, videoTrack);
        }
        if (audioTrack >= 0) {
            s.selectTrack(TrackKind.AUDIO, audioTrack);
        }
        return s;
    }

    /** Ends what plays, returning at once; {@code after} runs once it is released. */
    CompletionStage<Void> close(Runnable after) {
        description = null;
        return current.close(after);
    }

    /** Ends what plays before something else plays or is published. */
    void closeSession() {
        tracks = List.of();
        close(() -> { });
    }

    /** receiveAudio / receiveVideo: for what plays and the plays to come. */
    void receive(TrackKind kind, boolean on) {
        if (kind == TrackKind.VIDEO) {
            receiveVideo = on;
        } else {
            receiveAudio = on;
        }
        current.receive(kind, on);
    }

    /** selectVideoTrack / selectAudioTrack: for what plays (from its next keyframe) and the plays to come. */
    void selectTrack(TrackKind kind, int trackId) {
        if (trackId < 0 || trackId > NetStream.MAX_TRACK_ID) {
            throw new IllegalArgumentException("a track id is 0 to " + NetStream.MAX_TRACK_ID + ", not " + trackId);
        }
        List<Integer> listed = tracks.stream().filter(t -> t.kind() == kind).map(StreamTrack::id).toList();
        if (!listed.isEmpty() && !listed.contains(trackId)) {
            throw new IllegalArgumentException("the stream has no " + kind.name().toLowerCase(java.util.Locale.ROOT)
                    + " track " + trackId + "; its tracks: " + listed);
        }
        if (kind == TrackKind.VIDEO) {
            videoTrack = trackId;
        } else {
            audioTrack = trackId;
        }
        current.withSession(s -> s.selectTrack(kind, trackId));
    }

    /** The track of {@code kind} that plays now, or -1 when nothing plays or the source does not tell. */
    int playingTrack(TrackKind kind) {
        PlaybackSession s = current.session();
        return s == null ? -1 : s.playingTrack(kind);
    }

    /** The connection came back: play the same stream again, from where it was if recorded (on the stream's thread). */
    void rtmpReconnected() {
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
            double start = r.startSeconds() >= 0 ? Math.max(r.startSeconds(), stream.time()) : r.startSeconds();
            current.keepRecordingForReplay();
            host.health().reconnected();
            closeSession();
            startRtmp(rc, new RtmpPlayStream.PlayRequest(r.name(), start, r.lengthSeconds(), r.reset()));
        });
    }

    /** Records what plays (or the next play) with {@code recorder}; its failures go to {@code events}. */
    void record(Recorder recorder, StreamSessionHost events) {
        current.record(new PlayRecording(recorder, RecordEvents.forwardingTo(events::deliver)));
    }

    /** The recorder recordPlayed(file) uses: FLV for a .flv file, else fragmented MP4. */
    static Recorder recorderFor(Path file, StreamSessionHost events) {
        return PlayRecording.recorderFor(file, RecordEvents.forwardingTo(events::deliver));
    }

    void setAudioSink(AudioSink sink) {
        audioSink = sink;
    }

    void setVolume(double volume) {
        AudioSink sink = sessionSink;
        if (sink != null) {
            sink.setVolume(volume);
        }
    }

    /** Whether plays go at the stream's own pace (not as fast as decoding allows). */
    boolean realTime() {
        return pacing == NetStream.Pacing.REAL_TIME;
    }

    /** The pacing the next play() uses. */
    void setPacing(NetStream.Pacing p) {
        pacing = p;
    }

    void setAudioDevice(String id) {
        audioDevice = id == null ? AudioOutputs.SYSTEM_DEFAULT : id;
    }

    String audioDevice() {
        return audioDevice;
    }

    void setVideoSink(VideoSink sink) {
        videoSink = sink;
    }

    /** A picture is due (playback thread). */
    void render(VideoFrame frame) {
        toVideoSink(v -> v.render(frame));
    }

    /** Hands the video sink, if one is set, to {@code action}. */
    private void toVideoSink(Consumer<VideoSink> action) {
        VideoSink v = videoSink;
        if (v != null) {
            action.accept(v);
        }
    }

    /** The figures of what plays ({@link Snapshot#EMPTY} from each play() until its session reports). */
    Snapshot snapshot() {
        return snapshot;
    }

    /** NetStream.info() while playing: loading rate, bytes, buffers, frames and samples, drift. */
    NetStreamInfo info() {
        Snapshot s = snapshot;
        long bytes = bytesLoaded();
        return new NetStreamInfo(loadRate.perSecond(bytes, time.nanoTime()), bytes, s.audioBufferUs() / 1e6,
                s.videoBufferUs() / 1e6, s.audioBufferBytes(), s.videoBufferBytes(), s.decodedFrames(),
                s.droppedFrames(), s.renderedFrames(), s.decodedSamples(), s.decodeErrors(), s.avDriftMs(), s.fps(),
                s.audioUnderruns(), tracks);
    }

    /** The playing stream's tracks as last listed. */
    List<StreamTrack> tracks() {
        return tracks;
    }

    /** The playing stream's tracks changed to {@code t} (from its session). */
    void tracks(List<StreamTrack> t) {
        tracks = t;
    }

    /** After close(): the video sink shows nothing. */
    void clearVideo() {
        toVideoSink(VideoSink::clear);
    }

    /** The playing session's latest figures, published whole (playback thread). */
    void publish(Snapshot s) {
        snapshot = s;
    }

    long bytesTotal() {
        return current.bytesTotal();
    }

    /** What the source found when it opened; null before that and after close. */
    SourceDescription description() {
        return description;
    }

    long bytesLoaded() {
        return current.bytesLoaded();
    }

    /** The playing session's source opened with {@code d}. */
    void opened(SourceDescription d) {
        description = d;
    }
}
