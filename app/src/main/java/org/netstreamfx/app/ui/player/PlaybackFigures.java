package org.netstreamfx.app.ui.player;

import java.util.Map;
import java.util.function.Supplier;
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
import javafx.beans.value.ObservableNumberValue;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.net.NetStreamInfo;
import org.netstreamfx.player.rtmp.client.ServerCaps;
import org.netstreamfx.player.sink.AudioSink;
import org.netstreamfx.player.source.SourceDescription;

/**
 * The figures a {@link PlayerViewModel} shows about the stream playing: buffer, bytes, frame
 * counts, the sound level and track, and what the stats overlay, the media info, the buffering
 * spinner and the LIVE badge show (description, metaData, live, avDrift, input rate, wait reason).
 * The view reads them through {@link PlayerViewModel#figures()}: read-only properties that change
 * only through the view model.
 *
 * <p>Owned by the view model; everything here runs on the FX thread.
 */
public final class PlaybackFigures {
    /** The input bit rate is measured over this many seconds. */
    public static final int RATE_WINDOW_S = 5;
    /** Falls by this much per poll when nothing new was played (a short decay, as meters do). */
    private static final double LEVEL_FALL_DB = 6;

    private final InputRate inputRate;
    private final WaitReason waitReason = new WaitReason();
    private final PlayingTracks tracks = new PlayingTracks();
    /** Where the replaced-frame count comes from, and its value when this play started. */
    private ObservableNumberValue replacedSource;
    private long replacedBase;
    /** Measures what the stream now playing writes to its sound output. */
    private LevelTap levelTap;

    private final ReadOnlyDoubleWrapper bufferLength;
    private final ReadOnlyDoubleWrapper loadedFraction;
    private final ReadOnlyLongWrapper bytesLoaded;
    private final ReadOnlyLongWrapper bytesTotal;
    private final ReadOnlyDoubleWrapper fps;
    private final ReadOnlyLongWrapper droppedFrames;
    private final ReadOnlyLongWrapper lateFrames;
    private final ReadOnlyLongWrapper replacedFrames;
    private final ReadOnlyBooleanWrapper audioOnly;
    private final ReadOnlyStringWrapper audioCodec;
    private final ReadOnlyStringWrapper serverCaps;
    private final ReadOnlyDoubleWrapper audioPeakDbfs;
    private final ReadOnlyDoubleWrapper audioRmsDbfs;
    private final ReadOnlyLongWrapper decodeErrors;
    private final ReadOnlyObjectWrapper<SourceDescription> description;
    private final ReadOnlyObjectWrapper<Map<String, Object>> metaData;
    private final ReadOnlyBooleanWrapper live;
    private final ReadOnlyDoubleWrapper avDriftMs;
    private final ReadOnlyDoubleWrapper inputBitsPerSecond;

    /**
     * @param bean           the properties' bean (the view model)
     * @param pollsPerWindow how many polls {@link #RATE_WINDOW_S} seconds hold
     */
    PlaybackFigures(Object bean, int pollsPerWindow) {
        inputRate = new InputRate(pollsPerWindow + 1);
        bufferLength = new ReadOnlyDoubleWrapper(bean, "bufferLength");
        loadedFraction = new ReadOnlyDoubleWrapper(bean, "loadedFraction");
        bytesLoaded = new ReadOnlyLongWrapper(bean, "bytesLoaded");
        bytesTotal = new ReadOnlyLongWrapper(bean, "bytesTotal");
        fps = new ReadOnlyDoubleWrapper(bean, "fps");
        droppedFrames = new ReadOnlyLongWrapper(bean, "droppedFrames");
        lateFrames = new ReadOnlyLongWrapper(bean, "lateFrames");
        replacedFrames = new ReadOnlyLongWrapper(bean, "replacedFrames");
        audioOnly = new ReadOnlyBooleanWrapper(bean, "audioOnly");
        audioCodec = new ReadOnlyStringWrapper(bean, "audioCodec", "");
        serverCaps = new ReadOnlyStringWrapper(bean, "serverCaps", "");
        audioPeakDbfs = new ReadOnlyDoubleWrapper(bean, "audioPeakDbfs", Double.NEGATIVE_INFINITY);
        audioRmsDbfs = new ReadOnlyDoubleWrapper(bean, "audioRmsDbfs", Double.NEGATIVE_INFINITY);
        decodeErrors = new ReadOnlyLongWrapper(bean, "decodeErrors");
        description = new ReadOnlyObjectWrapper<>(bean, "description");
        metaData = new ReadOnlyObjectWrapper<>(bean, "metaData", Map.of());
        live = new ReadOnlyBooleanWrapper(bean, "live");
        avDriftMs = new ReadOnlyDoubleWrapper(bean, "avDriftMs");
        inputBitsPerSecond = new ReadOnlyDoubleWrapper(bean, "inputBitsPerSecond");
    }

    // Called on the FX thread by the view model.

    /** A new stream: its sound goes through a fresh tap over {@code sinks}, which this returns. */
    LevelTap newLevelTap(Supplier<AudioSink> sinks) {
        levelTap = new LevelTap(sinks);
        return levelTap;
    }

    /** The stream's onMetaData (the stream is the one playing). */
    void onMetaData(Map<String, Object> info) {
        metaData.set(java.util.Collections.unmodifiableMap(withoutNulls(info)));
        if (audioCodec.get().isEmpty() && info.get("audiocodecid") != null) {
            audioCodec.set(TrackText.fromMetaData(info));
        }
    }

    /** NetStream.Play.Start: the tracks and description as the source found them; counts from 0. */
    void playStarted(SourceDescription d) {
        readTracks(d);
        readDescription(d);
        restartReplacedCount();
    }

    /** Notes what the server said of its Enhanced RTMP support, once connected (rtmp:) or "" (files, http). */
    void noteServer(ServerCaps caps, boolean rtmp) {
        serverCaps.set(rtmp ? caps.describe() : "");
    }

    /**
     * The RTMP server's Enhanced RTMP capabilities as its connect answer gave them, e.g.
     * "capsEx Reconnect, Multitrack; video hvc1 (decode), …", or "no Enhanced RTMP capabilities"
     * (nginx-rtmp); "" when what plays is not RTMP.
     */
    public ReadOnlyStringProperty serverCapsProperty() {
        return serverCaps.getReadOnlyProperty();
    }

    /** Notes why the player waits, from an event of the connection or the stream. */
    void noteWaitReason(NetStatusEvent e) {
        waitReason.note(e, System.nanoTime());
    }

    /** Reads the engine's figures of {@code ns} (the poll); {@code playing}: PLAYING and not paused. */
    void poll(NetStream ns, boolean playing) {
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
        tracks.poll(ns, info.tracks());
        readLevel(playing);
    }

    /**
     * Over RTMP the server's Play.Start comes before the stream's first tags describe it: the
     * description, and with it whether the stream is sound only, is read when the poll first sees it.
     */
    void readDescriptionIfNew(SourceDescription d) {
        if (d != description.get() && d != null) {
            readTracks(d);
            readDescription(d);
        }
    }

    /** Everything back to nothing playing. */
    void reset() {
        audioOnly.set(false);
        audioCodec.set("");
        audioPeakDbfs.set(Double.NEGATIVE_INFINITY);
        audioRmsDbfs.set(Double.NEGATIVE_INFINITY);
        bufferLength.set(0);
        bytesLoaded.set(0);
        bytesTotal.set(0);
        loadedFraction.set(0);
        fps.set(0);
        setLate(0);
        decodeErrors.set(0);
        description.set(null);
        metaData.set(Map.of());
        live.set(false);
        avDriftMs.set(0);
        inputBitsPerSecond.set(0);
        inputRate.reset();
        waitReason.reset();
        tracks.reset();
    }

    /** The stream's tracks and which of them play (Enhanced RTMP multitrack). */
    public PlayingTracks tracks() {
        return tracks;
    }

    private void readLevel(boolean playing) {
        LevelTap tap = levelTap;
        LevelTap.Level l = tap == null ? LevelTap.Level.SILENT : tap.take();
        if (l.rmsDbfs() > Double.NEGATIVE_INFINITY || !playing) {
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

    private void readTracks(SourceDescription d) {
        if (d == null) {
            return;
        }
        var audio = d.track(TrackKind.AUDIO);
        audioOnly.set(audio.isPresent() && d.track(TrackKind.VIDEO).isEmpty());
        audio.ifPresent(t -> audioCodec.set(TrackText.of(t)));
    }

    private void readDescription(SourceDescription d) {
        description.set(d);
        live.set(d != null && d.durationUs() < 0 && !d.seekable());
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

    /** See {@link PlayerViewModel#countReplacedFrames}. */
    void countReplacedFrames(ObservableNumberValue replaced) {
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

    // The properties (the view model's figures()).

    public ReadOnlyDoubleProperty bufferLengthProperty() {
        return bufferLength.getReadOnlyProperty();
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
     * replaced them before the next pulse (the UI thread was busy); from
     * {@link PlayerViewModel#countReplacedFrames}.
     */
    public ReadOnlyLongProperty replacedFramesProperty() {
        return replacedFrames.getReadOnlyProperty();
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
}
