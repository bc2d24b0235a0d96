package org.netstreamfx.app.ui.player;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
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
import org.netstreamfx.player.net.NetStreamInfo;
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

    private final Executor callbacks;
    private final Supplier<AudioSink> audioSinks;
    private final RecentItems recent;
    private final Timeline poll;
    /** Closes streams and connections, which waits for their threads, off the FX thread. */
    private final ExecutorService closer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "nsfx-ui-close");
        t.setDaemon(true);
        return t;
    });
    private NetConnection connection;
    private final List<RtmpControlListener> controlListeners = new ArrayList<>();
    private boolean localConnection;
    private boolean paused;
    private PlayerState phase = PlayerState.IDLE;
    private double seekTarget = Double.NaN;
    /** The no-sound-device notice was shown in this session (it is shown once). */
    private boolean noDeviceNoticeShown;
    /** Where the replaced-frame count comes from, and its value when this play started. */
    private javafx.beans.value.ObservableNumberValue replacedSource;
    private long replacedBase;

    private final ReadOnlyObjectWrapper<NetStream> stream = new ReadOnlyObjectWrapper<>(this, "stream");
    private final ReadOnlyObjectWrapper<PlayerState> state = new ReadOnlyObjectWrapper<>(this, "state", PlayerState.IDLE);
    private final ReadOnlyObjectWrapper<MediaAddress> address = new ReadOnlyObjectWrapper<>(this, "address");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyDoubleWrapper time = new ReadOnlyDoubleWrapper(this, "time");
    private final ReadOnlyDoubleWrapper duration = new ReadOnlyDoubleWrapper(this, "duration", -1);
    private final ReadOnlyDoubleWrapper bufferLength = new ReadOnlyDoubleWrapper(this, "bufferLength");
    private final ReadOnlyDoubleWrapper bufferTime = new ReadOnlyDoubleWrapper(this, "bufferTime", DEFAULT_BUFFER_TIME);
    private final ReadOnlyDoubleWrapper loadedFraction = new ReadOnlyDoubleWrapper(this, "loadedFraction");
    private final ReadOnlyLongWrapper bytesLoaded = new ReadOnlyLongWrapper(this, "bytesLoaded");
    private final ReadOnlyLongWrapper bytesTotal = new ReadOnlyLongWrapper(this, "bytesTotal");
    private final ReadOnlyDoubleWrapper fps = new ReadOnlyDoubleWrapper(this, "fps");
    private final ReadOnlyLongWrapper droppedFrames = new ReadOnlyLongWrapper(this, "droppedFrames");
    private final ReadOnlyLongWrapper lateFrames = new ReadOnlyLongWrapper(this, "lateFrames");
    private final ReadOnlyLongWrapper replacedFrames = new ReadOnlyLongWrapper(this, "replacedFrames");
    private final ReadOnlyBooleanWrapper audioOnly = new ReadOnlyBooleanWrapper(this, "audioOnly");
    private final ReadOnlyStringWrapper audioCodec = new ReadOnlyStringWrapper(this, "audioCodec", "");
    private final ReadOnlyDoubleWrapper audioPeakDbfs = new ReadOnlyDoubleWrapper(this, "audioPeakDbfs",
            Double.NEGATIVE_INFINITY);
    private final ReadOnlyDoubleWrapper audioRmsDbfs = new ReadOnlyDoubleWrapper(this, "audioRmsDbfs",
            Double.NEGATIVE_INFINITY);
    /** Measures what the stream now playing writes to its sound output. */
    private LevelTap levelTap;
    private final ReadOnlyLongWrapper decodeErrors = new ReadOnlyLongWrapper(this, "decodeErrors");
    private final ReadOnlyDoubleWrapper volume = new ReadOnlyDoubleWrapper(this, "volume", 1.0);
    private final ReadOnlyBooleanWrapper muted = new ReadOnlyBooleanWrapper(this, "muted");
    private final javafx.beans.property.ReadOnlyStringWrapper audioDevice = new javafx.beans.property.ReadOnlyStringWrapper(
            this, "audioDevice", org.netstreamfx.player.sink.AudioOutputs.SYSTEM_DEFAULT);
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
        this.callbacks = callbacks;
        this.audioSinks = audioSinks;
        this.recent = recent;
        poll = new Timeline(new KeyFrame(POLL_INTERVAL, e -> poll()));
        poll.setCycleCount(Animation.INDEFINITE);
        poll.play();
        abPoll.setCycleCount(Animation.INDEFINITE);
        ab.bProperty().addListener((o, was, now) -> {
            if (Double.isNaN(now.doubleValue())) {
                abPoll.stop();
            } else {
                abPoll.play();
            }
        });
        playlist.entries().addListener((javafx.collections.ListChangeListener<Playlist.Entry>) c -> updateTitle());
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
        playlist.replace(List.of(a));
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
        playlist.replace(parsed);
        playItem(0);
    }

    /** Plays item {@code index} of the playlist (a double-click in the list; clears its failed mark). */
    public void playAt(int index) {
        if (index >= 0 && index < playlist.size()) {
            playItem(index);
        }
    }

    /** Plays the next item (N); after the last, the first with loop all. */
    public void playNext() {
        int i = playlist.nextIndex(loopMode.get() == LoopMode.ALL);
        if (i >= 0) {
            playItem(i);
        }
    }

    /** Plays the item before (P); before the first, the last with loop all, else this one from its start. */
    public void playPrevious() {
        int i = playlist.previousIndex(loopMode.get() == LoopMode.ALL);
        if (i >= 0) {
            playItem(i);
        } else if (duration.get() > 0 && stream.get() != null) {
            seek(0);
        }
    }

    /** Removes item {@code index} from the playlist (Delete in the list); what plays goes on. */
    public void removeAt(int index) {
        playlist.remove(index);
        updateTitle();
    }

    /** Off → loop one → loop all → off (R). */
    public void cycleLoopMode() {
        loopMode.set(loopMode.get().next());
    }

    /**
     * A–B repeat (B): the first press sets A at the playhead, the second B, the third clears.
     * Only on media with a duration (not live); a new open clears it.
     */
    public void cycleABRepeat() {
        if (!(duration.get() > 0) || stream.get() == null) {
            postNotice(new Notice("NetStreamFX.ABRepeat.Unavailable", StatusLevel.WARNING,
                    "A–B repeat needs a file or a recorded stream with a duration.",
                    "Open a file, then press B at A and again at B."));
            return;
        }
        if (!ab.press(time.get())) {
            postNotice(new Notice("NetStreamFX.ABRepeat.TooShort", StatusLevel.WARNING,
                    "B must be at least " + ABRepeat.MIN_SPAN_S + " s away from A.",
                    "Let it play a little further, then press B again."));
            return;
        }
        // Just set B where the playhead is: that is a crossing, so the range starts over from A
        // now (as mpv does); otherwise the check goes on from here.
        abLastTime = ab.complete() ? ab.a() : time.get();
    }

    /** Shows {@code n} in the notice bar (a snapshot saved, a skipped item…); null hides it. */
    public void postNotice(Notice n) {
        notice.set(n);
    }

    private void playItem(int index) {
        playItem(index, null);
    }

    private void playItem(int index, UrlOptions options) {
        skipTimer.stop();
        playlist.setCurrent(index);
        Playlist.Entry e = playlist.currentEntry();
        e.setFailed(false);
        play(e.media(), true, options);
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
        if (newItem) {
            ab.clear();
        }
        abLastTime = Double.NaN;
        rememberUntilFailure(a);
        resetFigures();
        useOptions(a, options);
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
                    Playlist.Entry e = playlist.currentEntry();
                    if (e != null) {
                        e.setFailed(false);
                    }
                    play(address.get(), true, urlOptions.get());
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
        volume.set(Math.max(0, Math.min(1, v)));
        muted.set(false);
        applyVolume();
    }

    /** ↑: the volume up by {@link #VOLUME_STEP}, at most 1; unmutes, as {@link #setVolume} does. */
    public void volumeUp() {
        setVolume(stepped(volume.get() + VOLUME_STEP));
    }

    /** ↓: the volume down by {@link #VOLUME_STEP}, at least 0; unmutes, as {@link #setVolume} does. */
    public void volumeDown() {
        setVolume(stepped(volume.get() - VOLUME_STEP));
    }

    /** Rounded to the step's hundredths, so ten steps down from 1 land on 0, not 1e-16. */
    private static double stepped(double v) {
        return Math.round(v * 100) / 100.0;
    }

    public void toggleMute() {
        muted.set(!muted.get());
        applyVolume();
    }

    /**
     * Plays through the sound output {@code id} ({@link org.netstreamfx.player.sink.AudioOutputs};
     * "default" follows the system's default). A file or download that is playing goes on through
     * the new output from where it was; a live stream is played again.
     */
    public void setAudioDevice(String id) {
        String chosen = id == null || id.isBlank() ? org.netstreamfx.player.sink.AudioOutputs.SYSTEM_DEFAULT : id;
        if (chosen.equals(audioDevice.get())) {
            return;
        }
        audioDevice.set(chosen);
        NetStream ns = stream.get();
        MediaAddress a = address.get();
        PlayerState s = state.get();
        if (ns == null || a == null || s == PlayerState.IDLE || s == PlayerState.ENDED || s == PlayerState.FAILED) {
            return;
        }
        double at = time.get();
        boolean seekable = duration.get() > 0;
        play(a, false, urlOptions.get());
        if (seekable && at > 0) {
            seek(at);
        }
    }

    public javafx.beans.property.ReadOnlyStringProperty audioDeviceProperty() {
        return audioDevice.getReadOnlyProperty();
    }

    /** Sets bufferTime in seconds; returns false (and changes nothing) outside 0..MAX_BUFFER_TIME. */
    public boolean setBufferTime(double seconds) {
        if (!(seconds >= 0 && seconds <= MAX_BUFFER_TIME)) {
            return false;
        }
        bufferTime.set(seconds);
        NetStream ns = stream.get();
        if (ns != null) {
            ns.setBufferTime(seconds);
        }
        UrlOptions o = urlOptions.get();
        if (o != null && o.bufferTime() != seconds) {
            // The bufferTime chosen while an rtmp(s) URL plays is that URL's from now on.
            urlOptions.set(o.withBufferTime(seconds));
            if (rememberOptions) {
                urlOptionsMemory.remember(address.get().address(), urlOptions.get());
            }
        }
        if (o == null || !rememberOptions) {
            playerBufferTime = seconds; // a URL without options of its own follows the player's
        }
        return true;
    }

    /** Raw RTMP control traffic of every RTMP connection opened from now on (for the Tester). */
    public void addRtmpControlListener(RtmpControlListener l) {
        controlListeners.add(l);
    }

    public void dismissNotice() {
        notice.set(null);
    }

    /** Stops polling and closes the stream and the connection (on the closer thread). */
    public void dispose() {
        poll.stop();
        recording.stop();
        abPoll.stop();
        skipTimer.stop();
        closeStream();
        closeConnection();
        closer.shutdown();
    }

    // Properties.

    /** The stream now playing (a Video node attaches to it), or null. */
    public ReadOnlyObjectProperty<NetStream> streamProperty() {
        return stream.getReadOnlyProperty();
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
        return bufferLength.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty bufferTimeProperty() {
        return bufferTime.getReadOnlyProperty();
    }

    /** bytesLoaded / bytesTotal, 0 while the size is unknown. */
    public ReadOnlyDoubleProperty loadedFractionProperty() {
        return loadedFraction.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty bytesLoadedProperty() {
        return bytesLoaded.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty bytesTotalProperty() {
        return bytesTotal.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty fpsProperty() {
        return fps.getReadOnlyProperty();
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
        return droppedFrames.getReadOnlyProperty();
    }

    /** Frames of this play the engine decoded but did not present because they were late. */
    public ReadOnlyLongProperty lateFramesProperty() {
        return lateFrames.getReadOnlyProperty();
    }

    /**
     * Frames of this play the engine presented but the screen never showed, because a newer one
     * replaced them before the next pulse (the UI thread was busy); from {@link #countReplacedFrames}.
     */
    public ReadOnlyLongProperty replacedFramesProperty() {
        return replacedFrames.getReadOnlyProperty();
    }

    /**
     * Where the picture's own count of replaced frames comes from (the Video node showing this
     * player's stream, {@code Video.framesDroppedProperty()}, which restarts from 0 for each
     * stream); it becomes part of {@link #droppedFramesProperty()}.
     */
    public void countReplacedFrames(javafx.beans.value.ObservableNumberValue replaced) {
        replacedSource = replaced;
        replaced.addListener((o, was, now) -> {
            if (now.longValue() < replacedBase) {
                replacedBase = 0; // the picture's count started again (a new stream)
            }
            setReplaced(now.longValue() - replacedBase);
        });
        setReplaced(replaced.longValue());
    }

    /** Each play counts from 0, also one the engine starts again on the same stream (a reconnect). */
    private void restartReplacedCount() {
        replacedBase = replacedSource == null ? 0 : replacedSource.longValue();
        setReplaced(0);
    }

    private void setReplaced(long n) {
        replacedFrames.set(n);
        droppedFrames.set(lateFrames.get() + n);
    }

    private void setLate(long n) {
        lateFrames.set(n);
        droppedFrames.set(n + replacedFrames.get());
    }

    /** The stream playing has sound and no picture (known from NetStream.Play.Start on). */
    public ReadOnlyBooleanProperty audioOnlyProperty() {
        return audioOnly.getReadOnlyProperty();
    }

    /**
     * The sound track as people name it, e.g. "AAC LC · 44.1 kHz · stereo · 64 kbit/s", from the
     * stream's track info (or its onMetaData); "" before NetStream.Play.Start or without sound.
     */
    public ReadOnlyStringProperty audioCodecProperty() {
        return audioCodec.getReadOnlyProperty();
    }

    /**
     * The peak of the sound being played over the last 0.1 s, in dBFS (-Infinity when silent or
     * nothing plays), measured on the PCM written to the sound output, before the volume.
     */
    public ReadOnlyDoubleProperty audioPeakDbfsProperty() {
        return audioPeakDbfs.getReadOnlyProperty();
    }

    /** The RMS level of the sound being played over the last 0.1 s, in dBFS, as the peak. */
    public ReadOnlyDoubleProperty audioRmsDbfsProperty() {
        return audioRmsDbfs.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty decodeErrorsProperty() {
        return decodeErrors.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty volumeProperty() {
        return volume.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty mutedProperty() {
        return muted.getReadOnlyProperty();
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
        if (connection == null || !localConnection) {
            closeStream();
            closeConnection();
            NetConnection nc = new NetConnection(callbacks);
            connection = nc;
            localConnection = true;
            nc.addNetStatusListener(e -> onConnectionStatus(nc, e));
            nc.connect(null);
        }
        // A new stream for each address: play() on a stream that is playing closes the old session
        // first, which waits for its threads; closing happens on the closer thread instead.
        closeStream();
        NetStream ns = newStream(connection);
        setPhase(PlayerState.OPENING);
        ns.play(a.address());
    }

    private void connectRtmp(MediaAddress a) {
        closeStream();
        closeConnection();
        NetConnection nc = new NetConnection(callbacks);
        connection = nc;
        localConnection = false;
        nc.addNetStatusListener(e -> onConnectionStatus(nc, e));
        controlListeners.forEach(nc::addRtmpControlListener);
        // The app reconnects after an unexpected close and plays on (each try is an event), with
        // the URL's silence timeout and trusted certificate.
        UrlOptions o = urlOptions.get() != null ? urlOptions.get() : UrlOptions.defaults(playerBufferTime, playerBufferTimeMax);
        o.applyTo(nc);
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
        ns.setBufferTime(bufferTime.get());
        // The speed holds from one item to the next, as in VLC and mpv (a live stream plays at 1).
        ns.setPlaybackRate(playbackRate.get());
        // This URL's own bufferTimeMax when it has options, else the player's.
        if (urlOptions.get() != null) {
            bufferTimeMax.set(urlOptions.get().bufferTimeMax());
        }
        ns.setBufferTimeMax(bufferTimeMax.get());
        ns.setVolume(muted.get() ? 0 : volume.get());
        ns.setAudioDevice(audioDevice.get());
        // The app's own sink (tests) or the engine's default for the chosen output, behind a tap
        // that measures the level for the audio-only display.
        String device = audioDevice.get();
        levelTap = new LevelTap(audioSinks != null ? audioSinks
                : () -> new org.netstreamfx.player.sink.JavaSoundAudioSink(device));
        ns.setAudioSink(levelTap);
        ns.setClient(new NetStreamClient() {
            @Override
            public void onMetaData(Map<String, Object> info) {
                if (ns == stream.get()) {
                    metaData.set(java.util.Collections.unmodifiableMap(withoutNulls(info)));
                }
                if (ns == stream.get() && audioCodec.get().isEmpty() && info.get("audiocodecid") != null) {
                    audioCodec.set(TrackText.fromMetaData(info));
                }
                if (ns == stream.get() && duration.get() < 0 && info.get("duration") instanceof Number d
                        && d.doubleValue() > 0) {
                    duration.set(d.doubleValue());
                }
            }
        });
        ns.addNetStatusListener(e -> onStreamStatus(ns, e));
        stream.set(ns);
        return ns;
    }

    private void onConnectionStatus(NetConnection nc, NetStatusEvent e) {
        if (nc != connection) {
            return;
        }
        record(e);
        noteBufferingReason(e);
        if (e.is(NetStatusCode.NETCONNECTION_CONNECT_SUCCESS) && !localConnection && address.get() != null) {
            NetStream ns = newStream(nc);
            setPhase(PlayerState.OPENING);
            ns.play(address.get().streamName());
        } else if (e.isError()) {
            setPhase(PlayerState.FAILED);
        }
        showNotice(e);
        showReconnect(e);
        afterFailure(e);
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
            readTracks(ns.description());
            readDescription(ns.description());
            restartReplacedCount();
            setPhase(PlayerState.BUFFERING);
        } else if (e.is(NetStatusCode.NETSTREAM_BUFFER_FULL)) {
            setPhase(PlayerState.PLAYING);
        } else if (e.is(NetStatusCode.NETSTREAM_BUFFER_EMPTY)) {
            setPhase(PlayerState.BUFFERING);
        } else if (e.is(NetStatusCode.NETSTREAM_PLAY_STOP)) {
            setPhase(PlayerState.ENDED);
            atEnd();
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
        afterFailure(e);
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
            failedNow |= phase != PlayerState.FAILED;
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

    private void readTracks(SourceDescription d) {
        if (d == null) {
            return;
        }
        var audio = d.track(org.netstreamfx.player.media.TrackKind.AUDIO);
        audioOnly.set(audio.isPresent() && d.track(org.netstreamfx.player.media.TrackKind.VIDEO).isEmpty());
        audio.ifPresent(t -> audioCodec.set(TrackText.of(t)));
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
        checkABRepeat();
        bufferLength.set(ns.bufferLength());
        long loaded = ns.bytesLoaded();
        long total = ns.bytesTotal();
        bytesLoaded.set(loaded);
        bytesTotal.set(total);
        loadedFraction.set(total > 0 ? Math.min(1, (double) loaded / total) : 0);
        NetStreamInfo info = ns.info();
        fps.set(info.currentFps());
        setLate(info.droppedFrames());
        decodeErrors.set(info.decodeErrors());
        avDriftMs.set(info.avDriftMs());
        inputBitsPerSecond.set(inputRate.add(loaded, System.nanoTime()));
        seeking.set(!Double.isNaN(seekTarget));
        readLevel();
        if (duration.get() < 0) {
            readDuration(ns.description());
        }
        if (ns.description() != description.get() && ns.description() != null) {
            // Over RTMP the server's Play.Start comes before the stream's first tags describe it.
            readDescription(ns.description());
        }
    }

    /** Falls by this much per poll when nothing new was played (a short decay, as meters do). */
    private static final double LEVEL_FALL_DB = 6;

    private void readLevel() {
        LevelTap tap = levelTap;
        LevelTap.Level l = tap == null ? LevelTap.Level.SILENT : tap.take();
        if (l.rmsDbfs() > Double.NEGATIVE_INFINITY || phase != PlayerState.PLAYING || paused) {
            audioPeakDbfs.set(l.peakDbfs());
            audioRmsDbfs.set(l.rmsDbfs());
        } else {
            audioPeakDbfs.set(fall(audioPeakDbfs.get()));
            audioRmsDbfs.set(fall(audioRmsDbfs.get()));
        }
    }

    private static double fall(double dbfs) {
        double d = dbfs - LEVEL_FALL_DB;
        return d < -90 ? Double.NEGATIVE_INFINITY : d;
    }

    private void resetFigures() {
        audioOnly.set(false);
        audioCodec.set("");
        audioPeakDbfs.set(Double.NEGATIVE_INFINITY);
        audioRmsDbfs.set(Double.NEGATIVE_INFINITY);
        paused = false;
        seekTarget = Double.NaN;
        time.set(0);
        duration.set(-1);
        bufferLength.set(0);
        bytesLoaded.set(0);
        bytesTotal.set(0);
        loadedFraction.set(0);
        fps.set(0);
        setLate(0);
        decodeErrors.set(0);
        resetOverlayFigures();
    }

    private void applyVolume() {
        NetStream ns = stream.get();
        if (ns != null) {
            ns.setVolume(muted.get() ? 0 : volume.get());
        }
    }

    // ui-focus (issue 12): close what plays (Ctrl+W), and Recent holds only what opened.

    /** Stops and closes what plays (Ctrl+W): the player is empty again, as at start. */
    public void close() {
        recording.stop();
        closeStream();
        closeConnection();
        skipTimer.stop();
        playlist.clear();
        ab.clear();
        notice.set(null);
        address.set(null);
        urlOptions.set(null);
        rememberOptions = false;
        bufferTime.set(playerBufferTime);
        bufferTimeMax.set(playerBufferTimeMax);
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

    // playlist (issue 12): the list, loop modes, A–B repeat.

    /** How long a failed item's notice shows before the list moves on to the next item. */
    public static final Duration SKIP_DELAY = Duration.seconds(1.5);
    /** How often the playhead is read against B while an A–B range is set (a tighter loop than the poll). */
    private static final Duration AB_POLL_INTERVAL = Duration.millis(20);

    private final Playlist playlist = new Playlist();
    private final ReadOnlyObjectWrapper<LoopMode> loopMode = new ReadOnlyObjectWrapper<>(this, "loopMode", LoopMode.OFF);
    private final ABRepeat ab = new ABRepeat();
    private final Timeline abPoll = new Timeline(new KeyFrame(AB_POLL_INTERVAL, e -> checkABRepeat()));
    private final javafx.animation.PauseTransition skipTimer = new javafx.animation.PauseTransition(SKIP_DELAY);
    /** The playhead when A–B was last checked: a jump happens when it crosses B. */
    private double abLastTime = Double.NaN;
    /** The phase became FAILED during the event being handled. */
    private boolean failedNow;

    /** The items and which one plays (read-only: change it with open, openAll, playAt, removeAt…). */
    public Playlist playlist() {
        return playlist;
    }

    public ReadOnlyObjectProperty<LoopMode> loopModeProperty() {
        return loopMode.getReadOnlyProperty();
    }

    /** A failed item's notice is showing and the next item will play when it ends (tests). */
    boolean skipPending() {
        return skipTimer.getStatus() == Animation.Status.RUNNING;
    }

    /** The A–B range (NaN ends when unset) and its text, "A 0:03.2 – B 0:07.9". */
    public ABRepeat abRepeat() {
        return ab;
    }

    /** The title: the item's name, with its place in the list when there is more than one, "clip.mp4 · 3/12". */
    private void updateTitle() {
        MediaAddress a = address.get();
        if (a == null) {
            title.set("");
            return;
        }
        int i = playlist.current();
        title.set(playlist.size() > 1 && i >= 0 ? a.displayName() + " · " + (i + 1) + "/" + playlist.size()
                : a.displayName());
    }

    /** At Play.Stop: A–B back to A, loop one, the next item, or round the list with loop all. */
    private void atEnd() {
        boolean seekable = duration.get() > 0;
        Playlist.Entry e = playlist.currentEntry();
        if (e != null) {
            e.setLive(!seekable);
        }
        if (seekable && ab.complete()) {
            replayFrom(ab.a());
            return;
        }
        if (loopMode.get() == LoopMode.ONE) {
            if (seekable) {
                replayFrom(0);
            }
            return; // live streams never loop
        }
        int next = playlist.nextPlayable(loopMode.get() == LoopMode.ALL);
        if (next < 0) {
            return;
        }
        if (next == playlist.current()) {
            replayFrom(0); // loop all over a list where only this item plays (never live: see nextPlayable)
        } else {
            playItem(next);
        }
    }

    /** Plays the same stream again from {@code seconds}: a seek after Play.Stop plays on (no new open). */
    private void replayFrom(double seconds) {
        seek(seconds);
        abLastTime = seconds;
    }

    /** After an error that failed the item: mark it, and after a short notice play the next one. */
    private void afterFailure(NetStatusEvent e) {
        if (!failedNow) {
            return;
        }
        failedNow = false;
        Playlist.Entry failed = playlist.currentEntry();
        if (failed == null || playlist.size() <= 1) {
            return;
        }
        failed.setFailed(true);
        int next = playlist.nextPlayable(loopMode.get() == LoopMode.ALL);
        if (next < 0 || next == playlist.current()) {
            return; // nothing left that has not failed: the list stops here
        }
        Notice shown = notice.get();
        Notice skipped = new Notice(e.code(), StatusLevel.WARNING,
                shown != null ? shown.description() : e.description(),
                "Skipped " + failed.title() + ": playing " + (next + 1) + "/" + playlist.size() + " next.");
        notice.set(skipped);
        Playlist.Entry then = playlist.entries().get(next);
        skipTimer.setOnFinished(t -> {
            int i = playlist.entries().indexOf(then); // the list may have changed meanwhile
            if (i >= 0) {
                playItem(i);
                notice.set(skipped); // the open cleared it: it stays its time (a warning hides itself)
            }
        });
        skipTimer.playFromStart();
    }

    /** Jumps back to A when the playhead crosses B (FX thread, from the poll and the A–B timer). */
    private void checkABRepeat() {
        NetStream ns = stream.get();
        if (ns == null || !ab.complete() || !Double.isNaN(seekTarget)
                || (phase != PlayerState.PLAYING && phase != PlayerState.BUFFERING)) {
            return;
        }
        double now = ns.time();
        double before = Double.isNaN(abLastTime) ? now : abLastTime;
        abLastTime = now;
        if (ab.crossedB(before, now)) {
            replayFrom(ab.a());
        }
    }

    // Closing waits for the engine's threads to end: never on the FX thread.

    private void closeStream() {
        NetStream ns = stream.get();
        if (ns != null) {
            stream.set(null);
            closer.execute(ns::close);
        }
    }

    private void closeConnection() {
        NetConnection nc = connection;
        connection = null;
        if (nc != null) {
            closer.execute(nc::close);
        }
    }

    // overlays (issue 12): what the stats overlay, the media info, the buffering spinner and the
    // LIVE badge show, and the live catch-up (bufferTimeMax) setting.

    /** The input bit rate is measured over this many seconds. */
    static final int RATE_WINDOW_S = 5;
    private final InputRate inputRate = new InputRate((int) (RATE_WINDOW_S * 1000 / POLL_INTERVAL.toMillis()) + 1);
    private final WaitReason waitReason = new WaitReason();

    private final ReadOnlyDoubleWrapper bufferTimeMax = new ReadOnlyDoubleWrapper(this, "bufferTimeMax");
    private final ReadOnlyObjectWrapper<SourceDescription> description = new ReadOnlyObjectWrapper<>(this, "description");
    private final ReadOnlyObjectWrapper<Map<String, Object>> metaData = new ReadOnlyObjectWrapper<>(this, "metaData", Map.of());
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper(this, "live");
    private final ReadOnlyDoubleWrapper avDriftMs = new ReadOnlyDoubleWrapper(this, "avDriftMs");
    private final ReadOnlyDoubleWrapper inputBitsPerSecond = new ReadOnlyDoubleWrapper(this, "inputBitsPerSecond");
    private final ReadOnlyBooleanWrapper seeking = new ReadOnlyBooleanWrapper(this, "seeking");

    /**
     * Sets bufferTimeMax in seconds for the stream playing and the next ones (live catch-up: over
     * this much buffer a live stream plays 6 % faster until it is back at bufferTime); 0 is the
     * engine's default live latency policy. Returns false (and changes nothing) outside
     * 0..MAX_BUFFER_TIME.
     */
    public boolean setBufferTimeMax(double seconds) {
        if (!(seconds >= 0 && seconds <= MAX_BUFFER_TIME)) {
            return false;
        }
        bufferTimeMax.set(seconds);
        NetStream ns = stream.get();
        if (ns != null) {
            ns.setBufferTimeMax(seconds);
        }
        UrlOptions o = urlOptions.get();
        if (o != null && o.bufferTimeMax() != seconds) {
            // As bufferTime: the bufferTimeMax chosen while an rtmp(s) URL plays is that URL's.
            urlOptions.set(o.withBufferTimeMax(seconds));
            if (rememberOptions) {
                urlOptionsMemory.remember(address.get().address(), urlOptions.get());
            }
        }
        if (o == null || !rememberOptions) {
            playerBufferTimeMax = seconds; // a URL without options of its own follows the player's
        }
        return true;
    }

    public ReadOnlyDoubleProperty bufferTimeMaxProperty() {
        return bufferTimeMax.getReadOnlyProperty();
    }

    /**
     * The bufferLength over which a live stream is behind and catches up: bufferTimeMax, or with
     * 0 the default policy's bufferTime + max(1 s, bufferTime) (PlaybackCore.catchUpThresholdUs).
     */
    public double catchUpThreshold() {
        double max = bufferTimeMax.get();
        double bt = bufferTime.get();
        return max > 0 ? max
                : bt + Math.max(org.netstreamfx.player.playback.PlaybackCore.DEFAULT_LIVE_SLACK_US / 1e6, bt);
    }

    /** Goes to the newest data of the live stream playing (L); resumes it first when paused. */
    public void goToLive() {
        NetStream ns = stream.get();
        if (ns == null || !live.get()) {
            return;
        }
        if (state.get() == PlayerState.PAUSED) {
            ns.togglePause();
        }
        ns.seekToLiveEdge();
    }

    /** What the source found at Play.Start (container, tracks, container metadata), or null. */
    public ReadOnlyObjectProperty<SourceDescription> descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    /** The latest onMetaData of the stream playing (the server's or the file's), empty before one. */
    public ReadOnlyObjectProperty<Map<String, Object>> metaDataProperty() {
        return metaData.getReadOnlyProperty();
    }

    /**
     * The stream playing is live: no duration and not seekable, the engine's own test for its
     * live latency policy (PlaybackSession.opened). Known from NetStream.Play.Start.
     */
    public ReadOnlyBooleanProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    /** How far the last picture shown was from the audio clock, ms (+ = late): NetStreamInfo.avDriftMs. */
    public ReadOnlyDoubleProperty avDriftMsProperty() {
        return avDriftMs.getReadOnlyProperty();
    }

    /**
     * Bits received per second over the last {@value #RATE_WINDOW_S} seconds, from bytesLoaded
     * (what a file, download or server delivered: the media's bit rate once the read-ahead is
     * full, more while it fills).
     */
    public ReadOnlyDoubleProperty inputBitsPerSecondProperty() {
        return inputBitsPerSecond.getReadOnlyProperty();
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
        return waitReason.reasonProperty();
    }

    /** A reconnect try is pending or under way (from Connect.Reconnecting to Reconnected or the end). */
    public boolean reconnecting() {
        return waitReason.reconnecting();
    }

    /** "Reconnecting in n s (attempt k)" while a reconnect is pending, "Reconnecting (attempt k)" once it runs. */
    public String reconnectText() {
        return waitReason.reconnectText(System.nanoTime());
    }

    private void noteBufferingReason(NetStatusEvent e) {
        waitReason.note(e, System.nanoTime());
    }

    private void readDescription(SourceDescription d) {
        description.set(d);
        live.set(d != null && d.durationUs() < 0 && !d.seekable());
    }

    private void resetOverlayFigures() {
        description.set(null);
        metaData.set(Map.of());
        live.set(false);
        avDriftMs.set(0);
        inputBitsPerSecond.set(0);
        inputRate.reset();
        seeking.set(false);
        waitReason.reset();
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> m) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }

    // url-prefs (issue 12): each rtmp(s) URL's options, and recording what plays.

    private UrlOptionsMemory urlOptionsMemory = UrlOptionsMemory.NONE;
    private final ReadOnlyObjectWrapper<UrlOptions> urlOptions = new ReadOnlyObjectWrapper<>(this, "urlOptions");
    /** The options in use were chosen or recalled for this URL, so changes to them are kept. */
    private boolean rememberOptions;
    /** The bufferTime of files, downloads and URLs without options of their own. */
    private double playerBufferTime = DEFAULT_BUFFER_TIME;
    /** The bufferTimeMax of files, downloads and URLs without options of their own. */
    private double playerBufferTimeMax;
    private final PlayerRecording recording = new PlayerRecording(notice::set, closer);

    /** Where each rtmp(s) URL's options are kept between opens (the app: its settings). */
    public void setUrlOptionsMemory(UrlOptionsMemory memory) {
        urlOptionsMemory = memory == null ? UrlOptionsMemory.NONE : memory;
    }

    /**
     * The options an open of the rtmp(s) URL {@code url} uses: those remembered for it, else the
     * defaults ({@link UrlOptions#defaults}) with the player's own bufferTime.
     */
    public UrlOptions optionsFor(String url) {
        return urlOptionsMemory.recall(url).orElseGet(() -> UrlOptions.defaults(playerBufferTime, playerBufferTimeMax));
    }

    /**
     * The player's own bufferTime, in seconds: that of files, downloads and rtmp(s) URLs without
     * options of their own (what the settings keep as the bufferTime). {@link #bufferTimeProperty()}
     * is this, or the bufferTime of the URL open now.
     */
    public double playerBufferTime() {
        return playerBufferTime;
    }

    /** The player's own bufferTimeMax (as {@link #playerBufferTime()} for bufferTime). */
    public double playerBufferTimeMax() {
        return playerBufferTimeMax;
    }

    /** The options remembered for the rtmp(s) URL {@code url}, if any. */
    public java.util.Optional<UrlOptions> rememberedOptions(String url) {
        return urlOptionsMemory.recall(url);
    }

    /** The options of the rtmp(s) URL open now (its bufferTime follows the bufferTime field); null otherwise. */
    public ReadOnlyObjectProperty<UrlOptions> urlOptionsProperty() {
        return urlOptions.getReadOnlyProperty();
    }

    /** The NetConnection now in use, or null (tests read its RTMP options). */
    NetConnection connection() {
        return connection;
    }

    private void useOptions(MediaAddress a, UrlOptions chosen) {
        if (a.kind() != MediaAddress.Kind.RTMP) {
            urlOptions.set(null);
            rememberOptions = false;
            bufferTime.set(playerBufferTime);
            bufferTimeMax.set(playerBufferTimeMax);
            return;
        }
        java.util.Optional<UrlOptions> recalled = chosen == null ? urlOptionsMemory.recall(a.address())
                : java.util.Optional.of(chosen);
        UrlOptions o = recalled.orElseGet(() -> UrlOptions.defaults(playerBufferTime, playerBufferTimeMax));
        urlOptions.set(o);
        rememberOptions = recalled.isPresent();
        if (rememberOptions) {
            urlOptionsMemory.remember(a.address(), o); // also the most recently used now
        }
        bufferTime.set(o.bufferTime());
        bufferTimeMax.set(o.bufferTimeMax());
    }

    /** "Reconnecting (attempt k of n)…" while the connection comes back; cleared once it has. */
    private void showReconnect(NetStatusEvent e) {
        if (e.is(NetStatusCode.NSFX_CONNECT_RECONNECTING) && e.details() instanceof Number attempt) {
            UrlOptions o = urlOptions.get();
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
