package org.netstreamfx.app.ui.publisher;

import org.netstreamfx.capture.encode.CodecChoice;
import org.netstreamfx.capture.encode.Renditions;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.netstreamfx.app.ui.settings.PublisherPrefs;
import org.netstreamfx.capture.device.ScreenSpec;
import org.netstreamfx.capture.device.TestCamera;
import org.netstreamfx.capture.device.ToneMicrophone;
import org.netstreamfx.capture.device.VideoFormat;
import org.netstreamfx.capture.encode.AacSettings;
import org.netstreamfx.capture.encode.H264Settings;

/**
 * What the next session publishes and where: devices, size, frame rate, bitrates, server URL and
 * stream name (the key is not here: it is never part of anything saved), codecs and encoder. Every setter checks its
 * value and refuses (returning false, changing nothing) outside the range or while a session holds
 * the devices. FX thread.
 */
public final class PublishSetup {
    /** The figures the fields accept. */
    public static final int MIN_SIZE = 72;
    public static final int MAX_SIZE = 3840;
    public static final int MAX_FPS = 60;
    public static final int MIN_KBPS = 16;
    public static final int MAX_VIDEO_KBPS = 50_000;
    public static final int MAX_AUDIO_KBPS = 320;
    /** What the microphone preview is asked for, and the AAC encoder gets (Opus gets 48 kHz). */
    static final int SAMPLE_RATE_HZ = 44_100;

    private final BooleanSupplier locked;
    private final Runnable devicesChanged;
    private final ReadOnlyStringWrapper cameraId = new ReadOnlyStringWrapper(this, "cameraId");
    private final ReadOnlyStringWrapper microphoneId = new ReadOnlyStringWrapper(this, "microphoneId");
    private final ReadOnlyIntegerWrapper width = new ReadOnlyIntegerWrapper(this, "width");
    private final ReadOnlyIntegerWrapper height = new ReadOnlyIntegerWrapper(this, "height");
    private final ReadOnlyIntegerWrapper fps = new ReadOnlyIntegerWrapper(this, "fps");
    private final ReadOnlyIntegerWrapper videoKbps = new ReadOnlyIntegerWrapper(this, "videoKbps");
    private final ReadOnlyIntegerWrapper audioKbps = new ReadOnlyIntegerWrapper(this, "audioKbps");
    private final ReadOnlyStringWrapper serverUrl = new ReadOnlyStringWrapper(this, "serverUrl", "");
    private final ReadOnlyStringWrapper streamName = new ReadOnlyStringWrapper(this, "streamName", "");
    private final ReadOnlyStringWrapper videoCodec = new ReadOnlyStringWrapper(this, "videoCodec",
            CodecChoice.name(CodecChoice.DEFAULT.video()));
    private final ReadOnlyStringWrapper audioCodec = new ReadOnlyStringWrapper(this, "audioCodec",
            CodecChoice.name(CodecChoice.DEFAULT.audio()));
    private final ReadOnlyStringWrapper encoder = new ReadOnlyStringWrapper(this, "encoder",
            CodecChoice.DEFAULT.encoder());
    /** The renditions as typed ({@code 720p30@2500,360p30@800}); empty: one track. */
    private final ReadOnlyStringWrapper renditions = new ReadOnlyStringWrapper(this, "renditions", "");

    /**
     * @param prefs          the saved figures (any out of range fall back to the defaults)
     * @param locked         true while a session holds the devices: nothing may change then
     * @param devicesChanged told once after a change of device, size or rate (the preview reopens)
     */
    PublishSetup(PublisherPrefs prefs, BooleanSupplier locked, Runnable devicesChanged) {
        this.locked = locked;
        this.devicesChanged = devicesChanged;
        PublisherPrefs d = PublisherPrefs.DEFAULTS;
        cameraId.set(prefs.cameraId());
        microphoneId.set(prefs.microphoneId());
        boolean sizeOk = sizeOk(prefs.width(), prefs.height());
        width.set(sizeOk ? prefs.width() : d.width());
        height.set(sizeOk ? prefs.height() : d.height());
        fps.set(prefs.fps() >= 1 && prefs.fps() <= MAX_FPS ? prefs.fps() : d.fps());
        videoKbps.set(kbpsOk(prefs.videoKbps(), MAX_VIDEO_KBPS) ? prefs.videoKbps() : d.videoKbps());
        audioKbps.set(kbpsOk(prefs.audioKbps(), MAX_AUDIO_KBPS) ? prefs.audioKbps() : d.audioKbps());
        serverUrl.set(prefs.serverUrl());
        streamName.set(prefs.streamName());
    }

    // Commands.

    /** Picks a camera by id ("test", "none", a device, or a media file's path). */
    public void selectCamera(String id) {
        if (id != null && !id.isBlank() && !id.strip().equals(cameraId.get()) && !locked.getAsBoolean()) {
            cameraId.set(id.strip());
            devicesChanged.run();
        }
    }

    /** Picks a microphone by id ("tone", "none", or a device). */
    public void selectMicrophone(String id) {
        if (id != null && !id.isBlank() && !id.equals(microphoneId.get()) && !locked.getAsBoolean()) {
            microphoneId.set(id);
            devicesChanged.run();
        }
    }

    /** Sets the picture size: even, MIN_SIZE..MAX_SIZE each way. */
    public boolean setSize(int w, int h) {
        if (locked.getAsBoolean() || !sizeOk(w, h)) {
            return false;
        }
        width.set(w);
        height.set(h);
        devicesChanged.run();
        return true;
    }

    /** Sets the frame rate, 1..MAX_FPS. */
    public boolean setFrameRate(int f) {
        if (locked.getAsBoolean() || f < 1 || f > MAX_FPS) {
            return false;
        }
        fps.set(f);
        devicesChanged.run();
        return true;
    }

    /** Sets the H.264 bit rate in kbit/s, MIN_KBPS..MAX_VIDEO_KBPS. */
    public boolean setVideoBitrate(int kbps) {
        return setKbps(videoKbps, kbps, MAX_VIDEO_KBPS);
    }

    /** Sets the AAC bit rate in kbit/s, MIN_KBPS..MAX_AUDIO_KBPS. */
    public boolean setAudioBitrate(int kbps) {
        return setKbps(audioKbps, kbps, MAX_AUDIO_KBPS);
    }

    /**
     * Picks the video codec ({@link CodecChoice#VIDEO_NAMES}: h264, hevc, av1, vp9); false, and
     * nothing changed, for another name or while a session runs. Not saved with the prefs.
     */
    public boolean selectVideoCodec(String name) {
        return selectName(videoCodec, name, CodecChoice.VIDEO_NAMES);
    }

    /** Picks the audio codec ({@link CodecChoice#AUDIO_NAMES}: aac, opus), as {@link #selectVideoCodec}. */
    public boolean selectAudioCodec(String name) {
        return selectName(audioCodec, name, CodecChoice.AUDIO_NAMES);
    }

    /** Picks the video encoder: auto, software, or an FFmpeg encoder name (checked when going live). */
    public boolean selectEncoder(String name) {
        if (locked.getAsBoolean() || name == null || name.isBlank()) {
            return false;
        }
        encoder.set(name.strip());
        return true;
    }

    private boolean selectName(ReadOnlyStringWrapper target, String name, List<String> known) {
        if (locked.getAsBoolean() || name == null || !known.contains(name)) {
            return false;
        }
        target.set(name);
        return true;
    }

    /**
     * Sets the renditions of a multitrack publish ({@code HEIGHTp[FPS]@KBPS,…}, as {@code nsfx
     * publish --tracks}; blank: one track): false, and nothing changed, for a list {@link
     * Renditions#parse} refuses or one larger than the picture size, or while a session runs. Not
     * saved with the prefs.
     */
    public boolean setRenditions(String text) {
        if (locked.getAsBoolean() || text == null) {
            return false;
        }
        String t = text.strip();
        if (!t.isEmpty()) {
            try {
                Renditions.parse(t).settings(width.get(), height.get(), fps.get(), video());
            } catch (IllegalArgumentException refused) {
                return false;
            }
        }
        renditions.set(t);
        return true;
    }

    /** The server's URL, rtmp[s]://host[:port]/app. */
    public void setServerUrl(String url) {
        serverUrl.set(url == null ? "" : url.strip());
    }

    public void setStreamName(String name) {
        streamName.set(name == null ? "" : name.strip());
    }

    /** The figures to save: devices, sizes, rates, URL and name. */
    public PublisherPrefs prefs() {
        return new PublisherPrefs(serverUrl.get(), streamName.get(), cameraId.get(), microphoneId.get(), width.get(),
                height.get(), fps.get(), videoKbps.get(), audioKbps.get());
    }

    // For the view-model.

    /** Falls back to the test camera and the tone when the saved devices are no longer listed. */
    void keepListed(List<DeviceChoice> cameras, List<DeviceChoice> microphones) {
        String cam = cameraId.get();
        if (cameras.stream().noneMatch(c -> c.id().equals(cam)) && !cam.contains("/") && !cam.contains("\\")
                && !ScreenSpec.isScreen(cam)) {
            // A saved device that is gone (a file camera stays: it is a path; a screen region or window too).
            cameraId.set(TestCamera.ID);
        }
        if (microphones.stream().noneMatch(m -> m.id().equals(microphoneId.get()))) {
            microphoneId.set(ToneMicrophone.ID);
        }
    }

    VideoFormat videoFormat() {
        return new VideoFormat(width.get(), height.get(), fps.get());
    }

    H264Settings video() {
        return H264Settings.of(width.get(), height.get(), fps.get(), videoKbps.get());
    }

    /** At 44.1 kHz for AAC, 48 kHz for Opus. */
    AacSettings audio() {
        return new AacSettings(codecs().audioRateHz(), 2, audioKbps.get());
    }

    /** The renditions to publish, or null for one track. */
    Renditions renditions() {
        return renditions.get().isEmpty() ? null : Renditions.parse(renditions.get());
    }

    CodecChoice codecs() {
        return CodecChoice.parse(videoCodec.get(), audioCodec.get(), encoder.get());
    }

    // Properties.

    public ReadOnlyStringProperty cameraIdProperty() {
        return cameraId.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty microphoneIdProperty() {
        return microphoneId.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty widthProperty() {
        return width.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty heightProperty() {
        return height.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty fpsProperty() {
        return fps.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty videoKbpsProperty() {
        return videoKbps.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty audioKbpsProperty() {
        return audioKbps.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty videoCodecProperty() {
        return videoCodec.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty audioCodecProperty() {
        return audioCodec.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty renditionsProperty() {
        return renditions.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty encoderProperty() {
        return encoder.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty serverUrlProperty() {
        return serverUrl.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty streamNameProperty() {
        return streamName.getReadOnlyProperty();
    }

    private boolean setKbps(ReadOnlyIntegerWrapper target, int kbps, int max) {
        if (locked.getAsBoolean() || !kbpsOk(kbps, max)) {
            return false;
        }
        target.set(kbps);
        return true;
    }

    private static boolean sizeOk(int w, int h) {
        return w >= MIN_SIZE && h >= MIN_SIZE && w <= MAX_SIZE && h <= MAX_SIZE && w % 2 == 0 && h % 2 == 0;
    }

    private static boolean kbpsOk(int kbps, int max) {
        return kbps >= MIN_KBPS && kbps <= max;
    }
}
