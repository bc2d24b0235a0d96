package org.netstreamfx.app.ui.player;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;
import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.RtmpControlListener;
import org.netstreamfx.player.net.NetStatusCode;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.net.NetStreamClient;
import org.netstreamfx.player.net.StatusLevel;
import org.netstreamfx.player.sink.AudioSink;
import org.netstreamfx.player.source.SourceDescription;

/**
 * The player's state and commands, over one NetConnection and NetStream at a time.
 *
 * <p>Everything here runs on the FX thread: commands are engine calls that return at once (closing
 * a stream, which waits for its threads, runs on a thread of its own, "nsfx-ui-close"), the
 * engine's events arrive through the executor given to the constructor ({@code Platform::runLater}
 * in the app), and the figures the engine keeps (time, bufferLength, bytes, fps) are read ten
 * times a second by a Timeline. Properties are read-only; they change only through the commands.
 *
 * <p>It owns its parts and delegates to them: {@link StreamControl} (the NetConnection and
 * NetStream, and closing them), {@link PlaybackFigures} (the figures and overlay values),
 * {@link PlaylistControl} (the list, loop modes, A–B repeat), {@link UrlOptionsControl} (buffer
 * settings and each rtmp(s) URL's options) and {@link AudioControl} (volume, mute, output).
 */
public final class PlayerViewModel {
    /** A Seek.Notify whose time is this close to the pending seek answers it. */
    private static final double SEEK_MATCH_S = 0.05;

    /** The bufferTime the player starts with: enough to ride out network jitter. */
    public static final double DEFAULT_BUFFER_TIME = 1.0;
    /** The largest bufferTime the field accepts, in seconds. */
    public static final double MAX_BUFFER_TIME = 60.0;
    /** How far ← and → move the playhead, in seconds. */
    public static final double SEEK_STEP = 5.0;
    /** How much ↑ and ↓ change the volume (0 to 1). */
    public static final double VOLUME_STEP = 0.1;
    /** Events kept for the log; older ones are dropped. */
    static final int MAX_EVENTS = 1000;
    private static final Duration POLL_INTERVAL = Duration.millis(100);

    private final AudioControl audio;
    private final RecentItems recent;
    private final Timeline poll;
    private boolean paused;
    private PlayerState phase = PlayerState.IDLE;
    private double seekTarget = Double.NaN;
    /** The no-sound-device notice was shown in this session (it is shown once). */
    private boolean noDeviceNoticeShown;
    private final StreamControl streams;
    /** The stream now playing, or null (the stream control's). */
    private final ReadOnlyObjectProperty<NetStream> stream;
    private final ReadOnlyObjectWrapper<PlayerState> state = new ReadOnlyObjectWrapper<>(this, "state", PlayerState.IDLE);
    private final ReadOnlyObjectWrapper<MediaAddress> address = new ReadOnlyObjectWrapper<>(this, "address");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyDoubleWrapper time = new ReadOnlyDoubleWrapper(this, "time");
    private final ReadOnlyDoubleWrapper duration = new ReadOnlyDoubleWrapper(this, "duration", -1);
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final ObservableList<NetStatusEvent> events = FXCollections.observableArrayList();
    private final ObservableList<NetStatusEvent> eventsView = FXCollections.unmodifiableObservableList(events);

    /**
     * @param callbacks   where the engine calls back: {@code Platform::runLater}
     * @param audioSinks  a new audio sink for each stream, or null for the engine's default (the
     *                    system's sound output)
     * @param recent      the recent items list this player adds to
     */
    public PlayerViewModel(Executor callbacks, Supplier<AudioSink> audioSinks, RecentItems recent) {
        streams = new StreamControl(this, callbacks, this::onConnectionStatus);
        stream = streams.stream();
        recording = new PlayerRecording(notice::set, streams.closer());
        audio = new AudioControl(this, audioSinks, stream::get);
        this.recent = recent;
        poll = new Timeline(new KeyFrame(POLL_INTERVAL, e -> poll()));
        poll.setCycleCount(Animation.INDEFINITE);
        poll.play();
        playlist().entries().addListener((javafx.collections.ListChangeListener<Playlist.Entry>) c -> updateTitle());
    }

    // Commands.

    /**
     * Opens and plays a file path, file: URL, http(s) URL or rtmp(s) URL (a one-item playlist); an
     * rtmp(s) URL with the options remembered for it, or the defaults (see {@link #optionsFor}).
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
        MediaAddress a;
        try {
            a = MediaAddress.parse(text);
        } catch (IllegalArgumentException e) {
            notice.set(new Notice(NetStatusCode.NETSTREAM_PLAY_STREAMNOTFOUND.code(), StatusLevel.ERROR, e.getMessage(),
                    StatusAdvice.adviceFor(NetStatusCode.NETSTREAM_PLAY_STREAMNOTFOUND.code(), StatusLevel.ERROR, null)));
            return;
        }
        playlist().replace(List.of(a));
        playItem(0, options);
    }
    /**
     * Makes {@code texts} the playlist (at most {@link Playlist#MAX_ENTRIES}) and plays its first
     * item. Addresses that do not parse are left out; when none parses, the list and what plays
     * stay as they were and a notice says why.
     */
    public void openAll(List<String> texts) {
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
            notice.set(new Notice(NetStatusCode.NETSTREAM_PLAY_STREAMNOTFOUND.code(), StatusLevel.ERROR,
                    problem == null ? "Nothing to open." : problem,
                    StatusAdvice.adviceFor(NetStatusCode.NETSTREAM_PLAY_STREAMNOTFOUND.code(), StatusLevel.ERROR, null)));
            return;
        }
        playlist().replace(parsed);
        playItem(0);
    }

    /** Plays item {@code index} of the playlist (a double-click in the list; clears its failed mark). */
    public void playAt(int index) {
        playlists.playAt(index);
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

    /** Shows {@code n} in the notice bar (a snapshot saved, a skipped item…); null hides it. */
    public void postNotice(Notice n) {
        notice.set(n);
    }

    void playItem(int index) {
        playItem(index, null);
    }

    private void playItem(int index, UrlOptions options) {
        play(playlists.select(index), true, options);
    }

    /** Playing or buffering, and no seek under way (A–B repeat checks only then). */
    boolean playingAndNotSeeking() {
        return Double.isNaN(seekTarget) && (phase == PlayerState.PLAYING || phase == PlayerState.BUFFERING);
    }

    /**
     * Opens {@code a}; {@code newItem}: a new open (clears A–B), not the same item played again;
     * {@code options}: an rtmp(s) URL's options (null: those remembered for it, or the defaults).
     */
    private void play(MediaAddress a, boolean newItem, UrlOptions options) {
        recording.stop();
        notice.set(null);
        address.set(a);
        updateTitle();
        playlists.opening(newItem);
        rememberUntilFailure(a);
        resetFigures();
        urls.use(a, options);
        if (a.kind() == MediaAddress.Kind.RTMP) {
            connectRtmp(a);
        } else {
            playLocal(a);
        }
    }

    /** Pauses or resumes; after the end or a failure, plays the same address again. */
    public void togglePause() {
        NetStream ns = stream.get();
        switch (state.get()) {
            case IDLE, CONNECTING, OPENING -> {
            }
            case ENDED, FAILED -> {
                if (address.get() != null) {
                    playlists.clearCurrentFailed();
                    play(address.get(), true, urls.urlOptions().get());
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
        NetStream ns = stream.get();
        if (ns == null || Double.isNaN(seconds) || state.get() == PlayerState.IDLE) {
            return;
        }
        double target = Math.max(0, seconds);
        if (duration.get() >= 0) {
            target = Math.min(target, duration.get());
        }
        seekTarget = target;
        seeking.set(true);
        time.set(target);
        ns.seek(target);
    }

    /** Seeks {@code deltaSeconds} from where the playhead is (or is going). */
    public void seekBy(double deltaSeconds) {
        seek(time.get() + deltaSeconds);
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
        PlayerState s = state.get();
        if (ns == null || a == null || s == PlayerState.IDLE || s == PlayerState.ENDED || s == PlayerState.FAILED) {
            return;
        }
        double at = time.get();
        boolean seekable = duration.get() > 0;
        play(a, false, urls.urlOptions().get());
        if (seekable && at > 0) {
            seek(at);
        }
    }

    public javafx.beans.property.ReadOnlyStringProperty audioDeviceProperty() {
        return audio.audioDevice();
    }

    /** Sets bufferTime in seconds; returns false (and changes nothing) outside 0..MAX_BUFFER_TIME. */
    public boolean setBufferTime(double seconds) {
        return urls.setBufferTime(seconds, stream.get(), address.get());
    }

    /** Raw RTMP control traffic of every RTMP connection opened from now on (for the Tester). */
    public void addRtmpControlListener(RtmpControlListener l) {
        streams.addControlListener(l);
    }

    public void dismissNotice() {
        notice.set(null);
    }

    /** Stops polling and closes the stream and the connection (on the closer thread). */
    public void dispose() {
        poll.stop();
        recording.stop();
        playlists.dispose();
        streams.dispose();
    }

    // Properties.

    /** The stream now playing (a Video node attaches to it), or null. */
    public ReadOnlyObjectProperty<NetStream> streamProperty() {
        return stream;
    }

    public ReadOnlyObjectProperty<PlayerState> stateProperty() {
        return state.getReadOnlyProperty();
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
        return time.getReadOnlyProperty();
    }

    /** The duration in seconds, -1 while unknown or live. */
    public ReadOnlyDoubleProperty durationProperty() {
        return duration.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty bufferLengthProperty() {
        return figures.bufferLength();
    }

    public ReadOnlyDoubleProperty bufferTimeProperty() {
        return urls.bufferTime();
    }

    /** bytesLoaded / bytesTotal, 0 while the size is unknown. */
    public ReadOnlyDoubleProperty loadedFractionProperty() {
        return figures.loadedFraction();
    }

    public ReadOnlyLongProperty bytesLoadedProperty() {
        return figures.bytesLoaded();
    }

    public ReadOnlyLongProperty bytesTotalProperty() {
        return figures.bytesTotal();
    }

    public ReadOnlyDoubleProperty fpsProperty() {
        return figures.fps();
    }

    /**
     * Dropped frames, the one figure the Player and the Tester show: video frames of this play
     * that were decoded but never reached the screen, that is {@link #lateFramesProperty()} (the
     * engine skipped them as late) plus {@link #replacedFramesProperty()} (a newer picture
     * replaced them before the screen's next pulse). It starts from 0 at each open, replay and
     * reconnect. Frames skipped to join a live stream at its newest data (NetStreamFX.Live.Join)
     * are not counted: they were never due.
     */
    public ReadOnlyLongProperty droppedFramesProperty() {
        return figures.droppedFrames();
    }

    /** Frames of this play the engine decoded but did not present because they were late. */
    public ReadOnlyLongProperty lateFramesProperty() {
        return figures.lateFrames();
    }

    /**
     * Frames of this play the engine presented but the screen never showed, because a newer one
     * replaced them before the next pulse (the UI thread was busy); from {@link #countReplacedFrames}.
     */
    public ReadOnlyLongProperty replacedFramesProperty() {
        return figures.replacedFrames();
    }

    /**
     * Where the picture's own count of replaced frames comes from (the Video node showing this
     * player's stream, {@code Video.framesDroppedProperty()}, which restarts from 0 for each
     * stream); it becomes part of {@link #droppedFramesProperty()}.
     */
    public void countReplacedFrames(javafx.beans.value.ObservableNumberValue replaced) {
        figures.countReplacedFrames(replaced);
    }

    /** The stream playing has sound and no picture (known from NetStream.Play.Start on). */
    public ReadOnlyBooleanProperty audioOnlyProperty() {
        return figures.audioOnly();
    }

    /**
     * The sound track as people name it, e.g. "AAC LC · 44.1 kHz · stereo · 64 kbit/s", from the
     * stream's track info (or its onMetaData); "" before NetStream.Play.Start or without sound.
     */
    public ReadOnlyStringProperty audioCodecProperty() {
        return figures.audioCodec();
    }

    /**
     * The peak of the sound being played over the last 0.1 s, in dBFS (-Infinity when silent or
     * nothing plays), measured on the PCM written to the sound output, before the volume.
     */
    public ReadOnlyDoubleProperty audioPeakDbfsProperty() {
        return figures.audioPeakDbfs();
    }

    /** The RMS level of the sound being played over the last 0.1 s, in dBFS, as the peak. */
    public ReadOnlyDoubleProperty audioRmsDbfsProperty() {
        return figures.audioRmsDbfs();
    }

    public ReadOnlyLongProperty decodeErrorsProperty() {
        return figures.decodeErrors();
    }

    public ReadOnlyDoubleProperty volumeProperty() {
        return audio.volume();
    }

    public ReadOnlyBooleanProperty mutedProperty() {
        return audio.muted();
    }

    /** The warning or error the user should see now, or null. */
    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Every NetStatus event of the connection and stream, oldest first (at most MAX_EVENTS). */
    public ObservableList<NetStatusEvent> events() {
        return eventsView;
    }

    public RecentItems recent() {
        return recent;
    }

    // Engine wiring (FX thread).

    private void playLocal(MediaAddress a) {
        NetStream ns = newStream(streams.localConnection());
        setPhase(PlayerState.OPENING);
        ns.play(a.address());
    }

    private void connectRtmp(MediaAddress a) {
        NetConnection nc = streams.rtmpConnection();
        // The app reconnects after an unexpected close and plays on (each try is an event), with
        // the URL's silence timeout and trusted certificate.
        urls.currentOrDefaults().applyTo(nc);
        setPhase(PlayerState.CONNECTING);
        try {
            nc.connect(a.connectionUri());
        } catch (IllegalArgumentException | IllegalStateException e) {
            onConnectionStatus(nc, NetStatusEvent.of(NetStatusCode.NETCONNECTION_CONNECT_FAILED, e.getMessage(),
                    a.connectionUri(), System.nanoTime()));
        }
    }

    private NetStream newStream(NetConnection nc) {
        NetStream ns = new NetStream(nc);
        urls.applyTo(ns);
        // The speed holds from one item to the next, as in VLC and mpv (a live stream plays at 1).
        ns.setPlaybackRate(playbackRate.get());
        audio.applyTo(ns, figures);
        ns.setClient(new NetStreamClient() {
            @Override
            public void onMetaData(Map<String, Object> info) {
                if (ns == stream.get()) {
                    figures.onMetaData(info);
                }
                if (ns == stream.get() && duration.get() < 0 && info.get("duration") instanceof Number d
                        && d.doubleValue() > 0) {
                    duration.set(d.doubleValue());
                }
            }
        });
        ns.addNetStatusListener(e -> onStreamStatus(ns, e));
        streams.attach(ns);
        return ns;
    }

    private void onConnectionStatus(NetConnection nc, NetStatusEvent e) {
        if (nc != streams.connection()) {
            return;
        }
        record(e);
        noteBufferingReason(e);
        if (e.is(NetStatusCode.NETCONNECTION_CONNECT_SUCCESS) && !streams.local() && address.get() != null) {
            NetStream ns = newStream(nc);
            setPhase(PlayerState.OPENING);
            ns.play(address.get().streamName());
        } else if (e.isError()) {
            setPhase(PlayerState.FAILED);
        }
        showNotice(e);
        showReconnect(e);
        playlists.afterFailure(e);
    }

    private void onStreamStatus(NetStream ns, NetStatusEvent e) {
        if (ns != stream.get()) {
            return;
        }
        record(e);
        noteBufferingReason(e);
        String code = e.code();
        if (e.is(NetStatusCode.NETSTREAM_PLAY_START)) {
            opened();
            paused = false;
            readDuration(ns.description());
            figures.playStarted(ns.description());
            setPhase(PlayerState.BUFFERING);
        } else if (e.is(NetStatusCode.NETSTREAM_BUFFER_FULL)) {
            setPhase(PlayerState.PLAYING);
        } else if (e.is(NetStatusCode.NETSTREAM_BUFFER_EMPTY)) {
            setPhase(PlayerState.BUFFERING);
        } else if (e.is(NetStatusCode.NETSTREAM_PLAY_STOP)) {
            setPhase(PlayerState.ENDED);
            playlists.atEnd();
        } else if (e.is(NetStatusCode.NETSTREAM_PAUSE_NOTIFY)) {
            paused = true;
            updateState();
        } else if (e.is(NetStatusCode.NETSTREAM_UNPAUSE_NOTIFY)) {
            paused = false;
            updateState();
        } else if (e.is(NetStatusCode.NETSTREAM_SEEK_NOTIFY)
                || e.is(NetStatusCode.NETSTREAM_SEEK_INVALIDTIME) || e.is(NetStatusCode.NETSTREAM_SEEK_FAILED)) {
            // Only the answer to the latest seek ends it: with seeks in quick succession, the
            // answer to an earlier one must not pull the slider back to where that one went.
            boolean answersLatest = !(e.details() instanceof Number t)
                    || !e.is(NetStatusCode.NETSTREAM_SEEK_NOTIFY)
                    || Double.isNaN(seekTarget) || Math.abs(t.doubleValue() - seekTarget) < SEEK_MATCH_S;
            if (answersLatest) {
                seekTarget = Double.NaN;
                if (e.is(NetStatusCode.NETSTREAM_SEEK_NOTIFY) && e.details() instanceof Number t) {
                    time.set(t.doubleValue());
                }
            }
        } else if (e.isError() && (code.startsWith("NetStream.Play.") || code.startsWith("NetConnection."))) {
            setPhase(PlayerState.FAILED);
        }
        showNotice(e);
        playlists.afterFailure(e);
    }

    private void showNotice(NetStatusEvent e) {
        if (e.is(NetStatusCode.NSFX_AUDIO_NODEVICE)) {
            // Once a session: it would otherwise come back on every open, replay and reconnect.
            // The event log still has each one.
            if (noDeviceNoticeShown) {
                return;
            }
            noDeviceNoticeShown = true;
        }
        MediaAddress a = address.get();
        NetStream ns = stream.get();
        SourceDescription d = ns == null ? null : ns.description();
        boolean picture = d == null
                || d.track(org.netstreamfx.player.media.TrackKind.VIDEO).isPresent();
        Notice n = StatusAdvice.noticeFor(e, a == null ? null : a.kind(), picture);
        if (n != null) {
            notice.set(n);
        }
    }

    private void record(NetStatusEvent e) {
        events.add(e);
        if (events.size() > MAX_EVENTS) {
            events.remove(0, events.size() - MAX_EVENTS);
        }
    }

    private void setPhase(PlayerState p) {
        if (p == PlayerState.FAILED) {
            forgetFailed();
            if (phase != PlayerState.FAILED) {
                playlists.failed();
            }
        }
        phase = p;
        if (p != PlayerState.PLAYING && p != PlayerState.BUFFERING) {
            paused = false;
        }
        updateState();
    }

    private void updateState() {
        boolean canPause = phase == PlayerState.PLAYING || phase == PlayerState.BUFFERING;
        state.set(paused && canPause ? PlayerState.PAUSED : phase);
    }

    private void readDuration(SourceDescription d) {
        if (d != null && d.durationUs() > 0) {
            duration.set(d.durationUs() / 1e6);
        }
    }

    private void poll() {
        recording.tick();
        NetStream ns = stream.get();
        if (ns == null || phase == PlayerState.IDLE) {
            return;
        }
        if (Double.isNaN(seekTarget) && phase != PlayerState.OPENING && phase != PlayerState.CONNECTING) {
            time.set(ns.time());
        }
        playlists.checkABRepeat();
        figures.poll(ns, phase == PlayerState.PLAYING && !paused);
        seeking.set(!Double.isNaN(seekTarget));
        if (duration.get() < 0) {
            readDuration(ns.description());
        }
        figures.readDescriptionIfNew(ns.description());
    }

    private void resetFigures() {
        paused = false;
        seekTarget = Double.NaN;
        time.set(0);
        duration.set(-1);
        seeking.set(false);
        figures.reset();
    }

    // ui-focus (issue 12): close what plays (Ctrl+W), and Recent holds only what opened.

    /** Stops and closes what plays (Ctrl+W): the player is empty again, as at start. */
    public void close() {
        recording.stop();
        streams.closeStream();
        streams.closeConnection();
        playlists.clear();
        notice.set(null);
        address.set(null);
        urls.use(null, null);
        title.set("");
        resetFigures();
        setPhase(PlayerState.IDLE);
    }

    /**
     * The address this open put into Recent, until it plays (Play.Start): a failed open takes it
     * out again. Opens that add to Recent themselves after open() (the Tester's fault proxy swaps
     * its proxied URL for the original) keep working, as the address goes in at once.
     */
    private String addedToRecent;

    private void rememberUntilFailure(MediaAddress a) {
        boolean known = recent.items().contains(a.address());
        recent.add(a.address());
        addedToRecent = known ? null : a.address();
    }

    private void opened() {
        addedToRecent = null;
    }

    private void forgetFailed() {
        if (addedToRecent != null) {
            recent.remove(addedToRecent);
            addedToRecent = null;
        }
    }

    // playlist (issue 12): the list, loop modes, A–B repeat (PlaylistControl).

    /** How long a failed item's notice shows before the list moves on to the next item. */
    public static final Duration SKIP_DELAY = Duration.seconds(1.5);
    private final PlaylistControl playlists = new PlaylistControl(this);

    /** The items and which one plays (read-only: change it with open, openAll, playAt, removeAt…). */
    public Playlist playlist() {
        return playlists.playlist();
    }

    public ReadOnlyObjectProperty<LoopMode> loopModeProperty() {
        return playlists.loopModeProperty();
    }

    /** A failed item's notice is showing and the next item will play when it ends (tests). */
    boolean skipPending() {
        return playlists.skipPending();
    }

    /** The A–B range (NaN ends when unset) and its text, "A 0:03.2 – B 0:07.9". */
    public ABRepeat abRepeat() {
        return playlists.abRepeat();
    }

    /** The title: the item's name, with its place in the list when there is more than one. */
    private void updateTitle() {
        title.set(playlists.titleOf(address.get()));
    }

    // overlays (issue 12): what the stats overlay, the media info, the buffering spinner and the
    // LIVE badge show (PlaybackFigures), and the live catch-up (bufferTimeMax) setting.

    /** The input bit rate is measured over this many seconds. */
    static final int RATE_WINDOW_S = PlaybackFigures.RATE_WINDOW_S;
    private final PlaybackFigures figures = new PlaybackFigures(this,
            (int) (RATE_WINDOW_S * 1000 / POLL_INTERVAL.toMillis()));

    private final ReadOnlyBooleanWrapper seeking = new ReadOnlyBooleanWrapper(this, "seeking");

    /**
     * Sets bufferTimeMax in seconds for the stream playing and the next ones (live catch-up: over
     * this much buffer a live stream plays 6 % faster until it is back at bufferTime); 0 is the
     * engine's default live latency policy. Returns false (and changes nothing) outside
     * 0..MAX_BUFFER_TIME.
     */
    public boolean setBufferTimeMax(double seconds) {
        return urls.setBufferTimeMax(seconds, stream.get(), address.get());
    }

    public ReadOnlyDoubleProperty bufferTimeMaxProperty() {
        return urls.bufferTimeMax();
    }

    /**
     * The bufferLength over which a live stream is behind and catches up: bufferTimeMax, or with
     * 0 the default policy's bufferTime + max(1 s, bufferTime) (PlaybackCore.catchUpThresholdUs).
     */
    public double catchUpThreshold() {
        return urls.catchUpThreshold();
    }

    /** Goes to the newest data of the live stream playing (L); resumes it first when paused. */
    public void goToLive() {
        NetStream ns = stream.get();
        if (ns == null || !figures.live().get()) {
            return;
        }
        if (state.get() == PlayerState.PAUSED) {
            ns.togglePause();
        }
        ns.seekToLiveEdge();
    }

    /** What the source found at Play.Start (container, tracks, container metadata), or null. */
    public ReadOnlyObjectProperty<SourceDescription> descriptionProperty() {
        return figures.description();
    }

    /** The latest onMetaData of the stream playing (the server's or the file's), empty before one. */
    public ReadOnlyObjectProperty<Map<String, Object>> metaDataProperty() {
        return figures.metaData();
    }

    /**
     * The stream playing is live: no duration and not seekable, the engine's own test for its
     * live latency policy (PlaybackSession.opened). Known from NetStream.Play.Start.
     */
    public ReadOnlyBooleanProperty liveProperty() {
        return figures.live();
    }

    /** How far the last picture shown was from the audio clock, ms (+ = late): NetStreamInfo.avDriftMs. */
    public ReadOnlyDoubleProperty avDriftMsProperty() {
        return figures.avDriftMs();
    }

    /**
     * Bits received per second over the last {@value #RATE_WINDOW_S} seconds, from bytesLoaded
     * (what a file, download or server delivered: the media's bit rate once the read-ahead is
     * full, more while it fills).
     */
    public ReadOnlyDoubleProperty inputBitsPerSecondProperty() {
        return figures.inputBitsPerSecond();
    }

    /** A seek is under way (until its Seek.Notify, InvalidTime or Failed). */
    public ReadOnlyBooleanProperty seekingProperty() {
        return seeking.getReadOnlyProperty();
    }

    /**
     * Why the player waits, from the last event that said so: "Buffering" after Play.Start,
     * "Buffer empty: waiting for data" after Buffer.Empty, "Reconnecting" while an RTMP reconnect
     * is pending (see {@link #reconnectText()} for its countdown); "" otherwise.
     */
    public ReadOnlyStringProperty bufferingReasonProperty() {
        return figures.waitReason().reasonProperty();
    }

    /** A reconnect try is pending or under way (from Connect.Reconnecting to Reconnected or the end). */
    public boolean reconnecting() {
        return figures.waitReason().reconnecting();
    }

    /** "Reconnecting in n s (attempt k)" while a reconnect is pending, "Reconnecting (attempt k)" once it runs. */
    public String reconnectText() {
        return figures.waitReason().reconnectText(System.nanoTime());
    }

    private void noteBufferingReason(NetStatusEvent e) {
        figures.noteWaitReason(e);
    }

    // url-prefs (issue 12): each rtmp(s) URL's options (UrlOptionsControl), and recording what plays.

    private final UrlOptionsControl urls = new UrlOptionsControl(this);
    private final PlayerRecording recording;

    /** Where each rtmp(s) URL's options are kept between opens (the app: its settings). */
    public void setUrlOptionsMemory(UrlOptionsMemory memory) {
        urls.setMemory(memory);
    }

    /**
     * The options an open of the rtmp(s) URL {@code url} uses: those remembered for it, else the
     * defaults ({@link UrlOptions#defaults}) with the player's own bufferTime.
     */
    public UrlOptions optionsFor(String url) {
        return urls.optionsFor(url);
    }

    /**
     * The player's own bufferTime, in seconds: that of files, downloads and rtmp(s) URLs without
     * options of their own (what the settings keep as the bufferTime). {@link #bufferTimeProperty()}
     * is this, or the bufferTime of the URL open now.
     */
    public double playerBufferTime() {
        return urls.playerBufferTime();
    }

    /** The player's own bufferTimeMax (as {@link #playerBufferTime()} for bufferTime). */
    public double playerBufferTimeMax() {
        return urls.playerBufferTimeMax();
    }

    /** The options remembered for the rtmp(s) URL {@code url}, if any. */
    public java.util.Optional<UrlOptions> rememberedOptions(String url) {
        return urls.remembered(url);
    }

    /** The options of the rtmp(s) URL open now (its bufferTime follows the bufferTime field); null otherwise. */
    public ReadOnlyObjectProperty<UrlOptions> urlOptionsProperty() {
        return urls.urlOptions();
    }

    /** The NetConnection now in use, or null (tests read its RTMP options). */
    NetConnection connection() {
        return streams.connection();
    }

    /** "Reconnecting (attempt k of n)…" while the connection comes back; cleared once it has. */
    private void showReconnect(NetStatusEvent e) {
        if (e.is(NetStatusCode.NSFX_CONNECT_RECONNECTING) && e.details() instanceof Number attempt) {
            UrlOptions o = urls.urlOptions().get();
            String of = o == null ? "" : " of " + o.reconnectTries();
            String why = e.description().contains(" after: ")
                    ? e.description().substring(e.description().indexOf(" after: ") + 8) : "";
            notice.set(new Notice(e.code(), StatusLevel.WARNING, "Reconnecting (attempt " + attempt.intValue() + of
                    + ")…", (why.isBlank() ? "The connection dropped" : "The connection dropped (" + why.strip()
                    .replaceAll("\\.$", "") + ")") + "; playback goes on when it is back."));
        } else if (e.is(NetStatusCode.NSFX_CONNECT_RECONNECTED) && notice.get() != null
                && NetStatusCode.NSFX_CONNECT_RECONNECTING.code().equals(notice.get().code())) {
            notice.set(null);
        }
    }

    /**
     * Starts recording what plays (Ctrl+R) to the recording folder, or stops the recording under
     * way; a notice names the file when it stops. With nothing playing, a notice says so.
     */
    public void toggleRecording() {
        if (recording.recordingProperty().get()) {
            recording.stop();
            return;
        }
        NetStream ns = stream.get();
        PlayerState s = state.get();
        if (ns == null || address.get() == null || s == PlayerState.IDLE || s == PlayerState.ENDED
                || s == PlayerState.FAILED) {
            notice.set(new Notice(NetStatusCode.NETSTREAM_RECORD_FAILED.code(), StatusLevel.WARNING,
                    "Nothing is playing to record.", "Open a file or a stream, then press Ctrl+R."));
            return;
        }
        recording.start(ns, address.get());
    }

    /** The Record toggle's state, elapsed time and file, and its folder. */
    public PlayerRecording recording() {
        return recording;
    }

    // Speed and frame step (issue 12): NetStream.setPlaybackRate and NetStream.step.

    /** The speeds [ and ] step through, as VLC's and mpv's menus offer them. */
    public static final List<Double> SPEEDS = List.of(0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0);
    private final ReadOnlyDoubleWrapper playbackRate = new ReadOnlyDoubleWrapper(this, "playbackRate", 1.0);

    /**
     * Plays recorded media {@code rate} times as fast, sound at its pitch (NetStream's
     * MIN_PLAYBACK_RATE to MAX_PLAYBACK_RATE); kept for the next items. A live stream plays at 1
     * (NetStreamFX.Playback.RateIgnored). False (and nothing changes) outside the range.
     */
    public boolean setPlaybackRate(double rate) {
        if (!(rate >= NetStream.MIN_PLAYBACK_RATE && rate <= NetStream.MAX_PLAYBACK_RATE)) {
            return false;
        }
        playbackRate.set(rate);
        NetStream ns = stream.get();
        if (ns != null) {
            ns.setPlaybackRate(rate);
        }
        return true;
    }

    /** The speed set (1 unless set); see {@link #setPlaybackRate}. */
    public ReadOnlyDoubleProperty playbackRateProperty() {
        return playbackRate.getReadOnlyProperty();
    }

    /** The next speed up in {@link #SPEEDS} (]). */
    public void faster() {
        double r = playbackRate.get();
        SPEEDS.stream().filter(x -> x > r + 1e-9).findFirst().ifPresent(this::setPlaybackRate);
    }

    /** The next speed down in {@link #SPEEDS} ([). */
    public void slower() {
        double r = playbackRate.get();
        SPEEDS.stream().filter(x -> x < r - 1e-9).reduce((a, b) -> b).ifPresent(this::setPlaybackRate);
    }

    /** Back to 1× (Backspace). */
    public void normalSpeed() {
        setPlaybackRate(1.0);
    }

    /**
     * Shows the frame {@code frames} after (positive) or before (negative) the one shown: "." and
     * ",". While playing, it pauses first (as mpv's frame step does); NetStream.Step.Notify
     * follows, or NetStreamFX.Step.Invalid (live, no picture, the first frame).
     */
    public void stepFrames(int frames) {
        NetStream ns = stream.get();
        PlayerState s = state.get();
        if (ns == null || (s != PlayerState.PLAYING && s != PlayerState.PAUSED)) {
            return;
        }
        if (s == PlayerState.PLAYING) {
            ns.pause(); // the engine carries commands out in order: the step finds it paused
        }
        ns.step(frames);
    }
}
