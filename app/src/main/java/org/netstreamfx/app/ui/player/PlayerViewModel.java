package org.netstreamfx.app.ui.player;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableNumberValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.net.RtmpControlListener;
import org.netstreamfx.player.sink.AudioSink;

/**
 * The player's state and commands, over one NetConnection and NetStream at a time.
 *
 * <p>Everything here runs on the FX thread: commands are engine calls that return at once (closing
 * a stream, which waits for its threads, runs on a thread of its own, "nsfx-ui-close"), the
 * engine's events arrive through the executor given to the constructor ({@code Platform::runLater}
 * in the app), and the figures the engine keeps (time, bufferLength, bytes, fps) are read ten
 * times a second by a Timeline. Properties are read-only; they change only through the commands.
 *
 * <p>It is the façade the view uses; it opens what plays, routes the engine's events, and owns
 * the parts it delegates to: {@link StreamControl} (the NetConnection and NetStream, and closing
 * them), {@link TransportState} (state, playhead, duration, seeks), {@link PlaybackFigures} (the
 * figures and overlay values), {@link PlaylistControl} (the list, loop modes, A–B repeat),
 * {@link UrlOptionsControl} (buffer settings and each rtmp(s) URL's options), {@link AudioControl}
 * (volume, mute, output), {@link SpeedControl} (speed, frame step), {@link NoticeLog} (the notice
 * and the event log), {@link RecentUntilFailure} (Recent) and {@link PlayerRecording} (Record).
 */
public final class PlayerViewModel {
    /** The bufferTime the player starts with: enough to ride out network jitter. */
    public static final double DEFAULT_BUFFER_TIME = 1.0;
    /** The largest bufferTime the field accepts, in seconds. */
    public static final double MAX_BUFFER_TIME = 60.0;
    /** How far ← and → move the playhead, in seconds. */
    public static final double SEEK_STEP = 5.0;
    /** How much ↑ and ↓ change the volume (0 to 1). */
    public static final double VOLUME_STEP = 0.1;

    private final StreamControl streams;
    /** The stream now playing, or null (the stream control's). */
    private final ReadOnlyObjectProperty<NetStream> stream;
    private final TransportState transport = new TransportState(this);
    private final PlaybackFigures figures = new PlaybackFigures(this, FigurePoll.pollsIn(PlaybackFigures.RATE_WINDOW_S));
    private final PlaylistControl playlists = new PlaylistControl(this, transport::playingAndNotSeeking);
    private final UrlOptionsControl urls;
    private final NoticeLog notices = new NoticeLog(this);
    private final AudioControl audio;
    private final SpeedControl speed;
    private final PlayerRecording recording;
    private final RecentUntilFailure recent;
    private final EngineEvents events;
    private final StreamOpener opener;
    private final FigurePoll poll;
    private final ReadOnlyObjectWrapper<MediaAddress> address = new ReadOnlyObjectWrapper<>(this, "address");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");

    /**
     * @param callbacks   where the engine calls back: {@code Platform::runLater}
     * @param audioSinks  a new audio sink for each stream, or null for the engine's default (the
     *                    system's sound output)
     * @param recent      the recent items list this player adds to
     */
    public PlayerViewModel(Executor callbacks, Supplier<AudioSink> audioSinks, RecentItems recent) {
        streams = new StreamControl(this, callbacks, this::onConnectionStatus);
        stream = streams.stream();
        urls = new UrlOptionsControl(this, stream::get, address::get);
        recording = new PlayerRecording(notices::post, streams.closer());
        audio = new AudioControl(this, audioSinks, stream::get);
        speed = new SpeedControl(this, stream::get);
        this.recent = new RecentUntilFailure(recent);
        events = new EngineEvents(this, streams, transport, figures, notices, playlists, this.recent);
        opener = new StreamOpener(streams, urls, speed, audio, figures, transport, events);
        poll = new FigurePoll(stream::get, transport, figures, playlists, recording);
        poll.start();
        playlist().entries().addListener((ListChangeListener<Playlist.Entry>) c -> updateTitle());
    }

    // Opening and the playlist.

    /**
     * Opens and plays a file path, file: URL, http(s) URL or rtmp(s) URL (a one-item playlist); an
     * rtmp(s) URL with the options remembered for it, or the defaults (see {@link UrlOptionsControl#optionsFor}).
     */
    public void open(String text) {
        open(text, null);
    }

    /**
     * Opens and plays {@code text} as a one-item playlist; an rtmp(s) URL with {@code options} (its
     * reconnect tries, silence timeout, trusted certificate, bufferTime and bufferTimeMax), which
     * are remembered for the URL. null: the options remembered for it, or the defaults. Ignored
     * for files and http(s).
     */
    public void open(String text, UrlOptions options) {
        openList(Collections.singletonList(text), options);
    }

    /**
     * Makes {@code texts} the playlist (at most {@link Playlist#MAX_ENTRIES}) and plays its first
     * item. Addresses that do not parse are left out; when none parses, the list and what plays
     * stay as they were and a notice says why.
     */
    public void openAll(List<String> texts) {
        openList(texts, null);
    }

    /** {@link #openAll}, with {@code options} for the first item (see {@link #open(String, UrlOptions)}). */
    private void openList(List<String> texts, UrlOptions options) {
        List<MediaAddress> parsed = new ArrayList<>();
        String problem = null;
        for (String text : texts) {
            if (parsed.size() >= Playlist.MAX_ENTRIES) {
                break;
            }
            try {
                parsed.add(MediaAddress.parse(text));
            } catch (IllegalArgumentException e) {
                problem = problem == null ? e.getMessage() : problem;
            }
        }
        if (parsed.isEmpty()) {
            notices.cannotOpen(problem == null ? "Nothing to open." : problem);
            return;
        }
        playlist().replace(parsed);
        playItem(0, options);
    }

    /** Plays the next item (N); after the last, the first with loop all. */
    public void playNext() {
        playlists.playNext();
    }

    /** Plays the item before (P); before the first, the last with loop all, else this one from its start. */
    public void playPrevious() {
        playlists.playPrevious();
    }

    /** Removes item {@code index} from the playlist (Delete in the list); what plays goes on. */
    public void removeAt(int index) {
        playlist().remove(index);
        updateTitle();
    }

    /** Off → loop one → loop all → off (R). */
    public void cycleLoopMode() {
        playlists.cycleLoopMode();
    }

    /**
     * A–B repeat (B): the first press sets A at the playhead, the second B, the third clears.
     * Only on media with a duration (not live); a new open clears it.
     */
    public void cycleABRepeat() {
        playlists.cycleABRepeat();
    }

    void playItem(int index) {
        playItem(index, null);
    }

    private void playItem(int index, UrlOptions options) {
        play(playlists.select(index), true, options);
    }

    /**
     * Opens {@code a}; {@code newItem}: a new open (clears A–B), not the same item played again;
     * {@code options}: an rtmp(s) URL's options (null: those remembered for it, or the defaults).
     */
    private void play(MediaAddress a, boolean newItem, UrlOptions options) {
        recording.stop();
        notices.post(null);
        address.set(a);
        updateTitle();
        playlists.opening(newItem);
        recent.opening(a);
        transport.reset();
        figures.reset();
        urls.use(a, options);
        opener.open(a);
    }

    /** The title: the item's name, with its place in the list when there is more than one. */
    private void updateTitle() {
        title.set(playlists.titleOf(address.get()));
    }

    // Playback commands.

    /** Pauses or resumes; after the end or a failure, plays the same address again. */
    public void togglePause() {
        NetStream ns = stream.get();
        switch (transport.state().get()) {
            case IDLE, CONNECTING, OPENING -> {
            }
            case ENDED, FAILED -> {
                if (address.get() != null) {
                    playlists.clearCurrentFailed();
                    play(address.get(), true, urls.urlOptionsProperty().get());
                }
            }
            default -> {
                if (ns != null) {
                    ns.togglePause();
                }
            }
        }
    }

    /** Seeks to {@code seconds} (clamped to the stream); Seek.Notify or Seek.InvalidTime follows. */
    public void seek(double seconds) {
        transport.seek(stream.get(), seconds);
    }

    /** Seeks {@code deltaSeconds} from where the playhead is (or is going). */
    public void seekBy(double deltaSeconds) {
        seek(transport.time().get() + deltaSeconds);
    }

    /** Goes to the newest data of the live stream playing (L); resumes it first when paused. */
    public void goToLive() {
        transport.goToLive(stream.get(), figures.liveProperty().get());
    }

    /** The speed (set it, read it) and the frame step. */
    public SpeedControl speed() {
        return speed;
    }

    /** The next speed up in {@link SpeedControl#SPEEDS} (]). */
    public void faster() {
        speed.faster();
    }

    /** The next speed down in {@link SpeedControl#SPEEDS} ([). */
    public void slower() {
        speed.slower();
    }

    /** Back to 1× (Backspace). */
    public void normalSpeed() {
        speed.normalSpeed();
    }

    /**
     * Shows the frame {@code frames} after (positive) or before (negative) the one shown: "." and
     * ",". While playing, it pauses first (as mpv's frame step does); NetStream.Step.Notify
     * follows, or NetStreamFX.Step.Invalid (live, no picture, the first frame).
     */
    public void stepFrames(int frames) {
        speed.stepFrames(transport.state().get(), frames);
    }

    /**
     * Starts recording what plays (Ctrl+R) to the recording folder, or stops the recording under
     * way; a notice names the file when it stops. With nothing playing, a notice says so.
     */
    public void toggleRecording() {
        recording.toggle(stream.get(), address.get(), transport.state().get());
    }

    /** 0 to 1; moving the volume unmutes. */
    public void setVolume(double v) {
        audio.setVolume(v);
    }

    /** ↑: the volume up by {@link #VOLUME_STEP}, at most 1; unmutes, as {@link #setVolume} does. */
    public void volumeUp() {
        audio.volumeUp();
    }

    /** ↓: the volume down by {@link #VOLUME_STEP}, at least 0; unmutes, as {@link #setVolume} does. */
    public void volumeDown() {
        audio.volumeDown();
    }

    public void toggleMute() {
        audio.toggleMute();
    }

    /**
     * Plays through the sound output {@code id} ({@link org.netstreamfx.player.sink.AudioOutputs};
     * "default" follows the system's default). A file or download that is playing goes on through
     * the new output from where it was; a live stream is played again.
     */
    public void setAudioDevice(String id) {
        if (!audio.setDevice(id)) {
            return;
        }
        NetStream ns = stream.get();
        MediaAddress a = address.get();
        PlayerState s = transport.state().get();
        if (ns == null || a == null || s == PlayerState.IDLE || s == PlayerState.ENDED || s == PlayerState.FAILED) {
            return;
        }
        double at = transport.time().get();
        boolean seekable = transport.duration().get() > 0;
        play(a, false, urls.urlOptionsProperty().get());
        if (seekable && at > 0) {
            seek(at);
        }
    }

    /** Shows {@code n} in the notice bar (a snapshot saved, a skipped item…); null hides it. */
    public void postNotice(Notice n) {
        notices.post(n);
    }

    public void dismissNotice() {
        notices.post(null);
    }

    /** Raw RTMP control traffic of every RTMP connection opened from now on (for the Tester). */
    public void addRtmpControlListener(RtmpControlListener l) {
        streams.addControlListener(l);
    }

    /** Stops and closes what plays (Ctrl+W): the player is empty again, as at start. */
    public void close() {
        recording.stop();
        streams.closeStream();
        streams.closeConnection();
        playlists.clear();
        notices.post(null);
        address.set(null);
        urls.use(null, null);
        title.set("");
        transport.reset();
        figures.reset();
        events.setPhase(PlayerState.IDLE);
    }

    /** Stops polling and closes the stream and the connection (on the closer thread). */
    public void dispose() {
        poll.stop();
        recording.stop();
        playlists.dispose();
        streams.dispose();
    }

    // Buffer settings and each rtmp(s) URL's options (UrlOptionsControl).

    /** The bufferTime and bufferTimeMax in use and the player's own, and each rtmp(s) URL's options. */
    public UrlOptionsControl urls() {
        return urls;
    }

    /** The player's own bufferTime (see {@link UrlOptionsControl#playerBufferTime()}). */
    public double playerBufferTime() {
        return urls.playerBufferTime();
    }

    /** The player's own bufferTimeMax (see {@link UrlOptionsControl#playerBufferTimeMax()}). */
    public double playerBufferTimeMax() {
        return urls.playerBufferTimeMax();
    }

    /** The options remembered for the rtmp(s) URL {@code url}, if any. */
    public Optional<UrlOptions> rememberedOptions(String url) {
        return urls.remembered(url);
    }

    /** The options of the rtmp(s) URL open now (its bufferTime follows the bufferTime field); null otherwise. */
    public ReadOnlyObjectProperty<UrlOptions> urlOptionsProperty() {
        return urls.urlOptionsProperty();
    }

    // Properties.

    /** The stream now playing (a Video node attaches to it), or null. */
    public ReadOnlyObjectProperty<NetStream> streamProperty() {
        return stream;
    }

    public ReadOnlyObjectProperty<PlayerState> stateProperty() {
        return transport.state();
    }

    public ReadOnlyObjectProperty<MediaAddress> addressProperty() {
        return address.getReadOnlyProperty();
    }

    /** The stream's short name, "" before anything is opened. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The playhead in seconds (the seek target while a seek is under way). */
    public ReadOnlyDoubleProperty timeProperty() {
        return transport.time();
    }

    /** The duration in seconds, -1 while unknown or live. */
    public ReadOnlyDoubleProperty durationProperty() {
        return transport.duration();
    }

    /** A seek is under way (until its Seek.Notify, InvalidTime or Failed). */
    public ReadOnlyBooleanProperty seekingProperty() {
        return transport.seeking();
    }

    /** The items and which one plays (read-only: change it with open, openAll, playAt, removeAt…). */
    public Playlist playlist() {
        return playlists.playlist();
    }

    /** The loop mode, A–B repeat, and playing an item of the list. */
    public PlaylistControl playlists() {
        return playlists;
    }

    /** The Record toggle's state, elapsed time and file, and its folder. */
    public PlayerRecording recording() {
        return recording;
    }

    public ReadOnlyDoubleProperty volumeProperty() {
        return audio.volume();
    }

    public ReadOnlyBooleanProperty mutedProperty() {
        return audio.muted();
    }

    public ReadOnlyStringProperty audioDeviceProperty() {
        return audio.audioDevice();
    }

    /** The warning or error the user should see now, or null. */
    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notices.notice();
    }

    /** Every NetStatus event of the connection and stream, oldest first (at most {@link NoticeLog#MAX_EVENTS}). */
    public ObservableList<NetStatusEvent> events() {
        return notices.events();
    }

    public RecentItems recent() {
        return recent.recent();
    }

    /** The NetConnection now in use, or null (tests read its RTMP options). */
    NetConnection connection() {
        return streams.connection();
    }

    // The figures (PlaybackFigures): what the stats overlay, the media info, the buffering spinner
    // and the LIVE badge show.

    /** The figures of the stream playing: buffer, bytes, frame counts, sound, live, why it waits. */
    public PlaybackFigures figures() {
        return figures;
    }

    /** The stream playing is live (see {@link PlaybackFigures#liveProperty()}). */
    public ReadOnlyBooleanProperty liveProperty() {
        return figures.liveProperty();
    }

    /** The stream playing has sound and no picture (see {@link PlaybackFigures#audioOnlyProperty()}). */
    public ReadOnlyBooleanProperty audioOnlyProperty() {
        return figures.audioOnlyProperty();
    }

    /**
     * Where the picture's own count of replaced frames comes from (the Video node showing this
     * player's stream, {@code Video.framesDroppedProperty()}, which restarts from 0 for each
     * stream); it becomes part of {@link PlaybackFigures#droppedFramesProperty()}.
     */
    public void countReplacedFrames(ObservableNumberValue replaced) {
        figures.countReplacedFrames(replaced);
    }

    // The engine: StreamOpener opens, EngineEvents follows the events, the poll reads the figures.

    private void onConnectionStatus(NetConnection nc, NetStatusEvent e) {
        events.onConnectionStatus(nc, e);
    }

    /** The RTMP connection {@code nc} is up: plays the stream {@code name} on it (EngineEvents). */
    void playOn(NetConnection nc, String name) {
        opener.playOn(nc, name);
    }
}
