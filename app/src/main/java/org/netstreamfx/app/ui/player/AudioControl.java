package org.netstreamfx.app.ui.player;

import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.sink.AudioOutputs;
import org.netstreamfx.player.sink.AudioSink;
import org.netstreamfx.player.sink.JavaSoundAudioSink;

/**
 * The sound settings of a {@link PlayerViewModel}: volume, mute and the sound output, applied to
 * the stream playing and to each new one.
 *
 * <p>Owned by the view model; everything here runs on the FX thread.
 */
final class AudioControl {
    private final Supplier<AudioSink> audioSinks;
    private final Supplier<NetStream> stream;
    private final ReadOnlyDoubleWrapper volume;
    private final ReadOnlyBooleanWrapper muted;
    private final ReadOnlyStringWrapper audioDevice;

    /**
     * @param bean       the properties' bean (the view model)
     * @param audioSinks a new audio sink for each stream, or null for the engine's default
     * @param stream     the stream playing, or null
     */
    AudioControl(Object bean, Supplier<AudioSink> audioSinks, Supplier<NetStream> stream) {
        this.audioSinks = audioSinks;
        this.stream = stream;
        volume = new ReadOnlyDoubleWrapper(bean, "volume", 1.0);
        muted = new ReadOnlyBooleanWrapper(bean, "muted");
        audioDevice = new ReadOnlyStringWrapper(bean, "audioDevice", AudioOutputs.SYSTEM_DEFAULT);
    }

    ReadOnlyDoubleProperty volume() {
        return volume.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty muted() {
        return muted.getReadOnlyProperty();
    }

    ReadOnlyStringProperty audioDevice() {
        return audioDevice.getReadOnlyProperty();
    }

    // Called on the FX thread by the view model.

    void setVolume(double v) {
        volume.set(Math.max(0, Math.min(1, v)));
        muted.set(false);
        applyVolume();
    }

    void volumeUp() {
        setVolume(stepped(volume.get() + PlayerViewModel.VOLUME_STEP));
    }

    void volumeDown() {
        setVolume(stepped(volume.get() - PlayerViewModel.VOLUME_STEP));
    }

    /** Rounded to the step's hundredths, so ten steps down from 1 land on 0, not 1e-16. */
    private static double stepped(double v) {
        return Math.round(v * 100) / 100.0;
    }

    void toggleMute() {
        muted.set(!muted.get());
        applyVolume();
    }

    private void applyVolume() {
        NetStream ns = stream.get();
        if (ns != null) {
            ns.setVolume(muted.get() ? 0 : volume.get());
        }
    }

    /** Chooses the sound output {@code id} (blank: the system's default); false if it was the one in use. */
    boolean setDevice(String id) {
        String chosen = id == null || id.isBlank() ? AudioOutputs.SYSTEM_DEFAULT : id;
        if (chosen.equals(audioDevice.get())) {
            return false;
        }
        audioDevice.set(chosen);
        return true;
    }

    /**
     * A new stream gets the volume and the output; its sound goes to the app's own sink (tests) or
     * the engine's default for the chosen output, behind a tap of {@code figures} that measures
     * the level for the audio-only display.
     */
    void applyTo(NetStream ns, PlaybackFigures figures) {
        ns.setVolume(muted.get() ? 0 : volume.get());
        ns.setAudioDevice(audioDevice.get());
        String device = audioDevice.get();
        ns.setAudioSink(figures.newLevelTap(audioSinks != null ? audioSinks : () -> new JavaSoundAudioSink(device)));
    }
}
