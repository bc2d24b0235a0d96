package org.netstreamfx.player.health;

import java.util.Map;
import org.netstreamfx.player.source.DataMessage;

/**
 * What the stream declares of itself in onMetaData (from the container at open, or a data message
 * later): videodatarate and audiodatarate (kbit/s), audiosamplerate (Hz), framerate.
 */
final class StreamMetadata {
    static final String ON_METADATA = "onMetaData";

    private double videoKbps;
    private double audioKbps;
    private int sampleRateHz;
    private double frameRate;

    /** Takes the figures of an onMetaData object (a container's metadata map is one too). */
    void take(Map<?, ?> m) {
        videoKbps = number(m.get("videodatarate"), videoKbps);
        audioKbps = number(m.get("audiodatarate"), audioKbps);
        sampleRateHz = (int) number(m.get("audiosamplerate"), sampleRateHz);
        frameRate = number(m.get("framerate"), frameRate);
    }

    void take(DataMessage d) {
        if (ON_METADATA.equals(d.handler()) && !d.args().isEmpty() && d.args().get(0) instanceof Map<?, ?> m) {
            take(m);
        }
    }

    private static double number(Object o, double otherwise) {
        return o instanceof Number n && n.doubleValue() > 0 ? n.doubleValue() : otherwise;
    }

    double declaredVideoKbps() {
        return videoKbps;
    }

    double declaredAudioKbps() {
        return audioKbps;
    }

    int declaredSampleRateHz() {
        return sampleRateHz;
    }

    double declaredFrameRate() {
        return frameRate;
    }
}
