package org.netstreamfx.capture.feed;

import java.util.Map;
import org.netstreamfx.capture.encode.AacSettings;
import org.netstreamfx.capture.encode.H264Settings;
import org.netstreamfx.capture.encode.StreamMetaData;

/** Each feed's share of the onMetaData a publisher sends (FLV/F4V spec v10.1, annex E.5). */
final class Metadata {
    /** What the "encoder" property starts with. */
    static final String PRODUCT = "NetStreamFX";

    private Metadata() {
    }

    /** width, height, framerate, videocodecid 7, videodatarate, encoder. */
    static Map<String, Object> video(H264Settings s, String encoderName) {
        return new StreamMetaData(s.width(), s.height(), s.frameRate(), s.bitrateKbps(), 0, 0, 0,
                PRODUCT + " (" + encoderName + ", aac)").toMap();
    }

    /** audiocodecid 10, audiodatarate, audiosamplerate, audiosamplesize, stereo (no encoder). */
    static Map<String, Object> audio(AacSettings s) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(new StreamMetaData(0, 0, 0, 0, s.sampleRateHz(),
                s.channels(), s.bitrateKbps(), PRODUCT).toMap());
        m.remove("encoder");
        return m;
    }
}
