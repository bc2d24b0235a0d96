package org.netstreamfx.capture.feed;

import java.util.Map;
import org.netstreamfx.capture.encode.AacSettings;
import org.netstreamfx.capture.encode.H264Settings;
import org.netstreamfx.capture.encode.StreamMetaData;
import org.netstreamfx.player.publish.FeedCodec;

/** Each feed's share of the onMetaData a publisher sends (FLV/F4V spec v10.1, annex E.5). */
final class Metadata {
    /** What the "encoder" property starts with. */
    static final String PRODUCT = "NetStreamFX";

    private Metadata() {
    }

    /**
     * width, height, framerate, videocodecid, videodatarate, encoder: videocodecid 7 for H.264, the
     * FourCC as a number for the enhanced codecs (E-RTMP "Enhancing onMetaData").
     */
    static Map<String, Object> video(H264Settings s, String encoderName, FeedCodec codec) {
        Map<String, Object> m = new StreamMetaData(s.width(), s.height(), s.frameRate(), s.bitrateKbps(), 0, 0, 0,
                PRODUCT + " (" + encoderName + ", aac)").toMap();
        m.put("videocodecid", codec.metaDataCodecId());
        return m;
    }

    /**
     * audiocodecid, audiodatarate, audiosamplerate, audiosamplesize, stereo (no encoder):
     * audiocodecid 10 for AAC, the FourCC "Opus" as a number for Opus.
     */
    static Map<String, Object> audio(AacSettings s, FeedCodec codec) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(new StreamMetaData(0, 0, 0, 0, s.sampleRateHz(),
                s.channels(), s.bitrateKbps(), PRODUCT).toMap());
        m.remove("encoder");
        m.put("audiocodecid", codec.metaDataCodecId());
        return m;
    }
}
