package org.netstreamfx.player.sink;

import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;

/**
 * The sound outputs of this machine, through Java Sound: first "default", the system's default
 * output (on Linux ALSA's default device, which PulseAudio and PipeWire desktops send to the
 * sound server's default sink, so it follows what the user picks there; on macOS and Windows
 * Java Sound's primary device), then every mixer that plays 16-bit PCM. Each call looks again,
 * so a device plugged in since is found; listing never fails.
 */
public final class AudioOutputs {
    /** The id of the system's default output. */
    public static final String SYSTEM_DEFAULT = "default";
    private static final AudioFormat PROBE = new AudioFormat(44100, 16, 2, true, false);

    private AudioOutputs() {}

    /** "default" first, then each mixer with an output line for 16-bit stereo PCM. */
    public static List<AudioOutput> list() {
        List<AudioOutput> outputs = new ArrayList<>();
        outputs.add(new AudioOutput(SYSTEM_DEFAULT, "System default output", true));
        for (Mixer.Info info : mixers()) {
            if (info.getName().equals(SYSTEM_DEFAULT) || info.getName().startsWith(SYSTEM_DEFAULT + " ")) {
                continue; // ALSA's "default [default]" is the entry above
            }
            String description = info.getDescription();
            String name = description == null || description.isBlank() ? info.getName()
                    : info.getName() + " (" + description + ")";
            outputs.add(new AudioOutput(info.getName(), name, false));
        }
        return outputs;
    }

    /** The mixer called {@code id}, or null for the system default (or an id no mixer has). */
    static Mixer.Info find(String id) {
        if (id == null || id.equals(SYSTEM_DEFAULT)) {
            return null;
        }
        for (Mixer.Info info : mixers()) {
            if (info.getName().equals(id)) {
                return info;
            }
        }
        return null;
    }

    /** True when {@code id} is "default" or names a listed output. */
    public static boolean exists(String id) {
        return id == null || id.equals(SYSTEM_DEFAULT) || find(id) != null;
    }

    private static List<Mixer.Info> mixers() {
        List<Mixer.Info> found = new ArrayList<>();
        Mixer.Info[] infos;
        try {
            infos = AudioSystem.getMixerInfo();
        } catch (RuntimeException | LinkageError e) {
            return found; // no sound system at all
        }
        DataLine.Info line = new DataLine.Info(SourceDataLine.class, PROBE);
        for (Mixer.Info info : infos) {
            try {
                if (AudioSystem.getMixer(info).isLineSupported(line)) {
                    found.add(info);
                }
            } catch (RuntimeException e) {
                // A mixer that cannot be asked is one we cannot play through: not listed.
            }
        }
        return found;
    }
}
