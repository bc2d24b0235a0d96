package org.netstreamfx.player.health;

import java.util.Map;
import org.netstreamfx.player.source.DataMessage;

/**
 * What the stream declares of itself in onMetaData (from the container at open, or a data message
 * later): videodatarate and audiodatarate (kbit/s), audiosamplerate (Hz), framerate; a figure
 * not given keeps what an earlier onMetaData said.
 */
final class StreamMetadata {
    static final String ON_METADATA = "onMetaData";

    /** The declared figures, 0 where none was declared. */
    record Declared(double videoKbps, double audioKbps, int sampleRateHz, double frameRate) {
    }

    private Declared declared = new Declared(0, 0, 0, 0);

    /** Takes the figures of an onMetaData object (a container's metadata map is one too). */
    void take(Map<?, ?> m) {
        Declared d = declared;
        declared = new Declared(number(m.get("videodatarate"), d.videoKbps()),
                number(m.get("audiodatarate"), d.audioKbps()),
                (int) number(m.get("audiosamplerate"), d.sampleRateHz()), number(m.get("framerate"), d.frameRate()));
    }

    void take(DataMessage d) {
        if (ON_METADATA.equals(d.handler()) && !d.args().isEmpty() && d.args().get(0) instanceof Map<?, ?> m) {
            take(m);
        }
    }

    private static double number(Object o, double otherwise) {
        return o instanceof Number n && n.doubleValue() > 0 ? n.doubleValue() : otherwise;
    }

    Declared declared() {
        return declared;
    }
}
