package org.netstreamfx.capture.encode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The onMetaData object a publisher sends with {@code @setDataFrame} and an FLV file starts with
 * (FLV/F4V spec v10.1, annex E.5): the properties Flash Media Live Encoder and its successors
 * write, which players and servers read.
 *
 * @param width            video width in pixels (0: no video)
 * @param height           video height in pixels
 * @param frameRate        frames per second
 * @param videoKbps        video bit rate, kbit/s
 * @param audioSampleRate  audio sample rate in Hz (0: no audio)
 * @param audioChannels    1 or 2
 * @param audioKbps        audio bit rate, kbit/s
 * @param encoder          the "encoder" string, e.g. "NetStreamFX 0.1.0 (libopenh264, aac)"
 */
public record StreamMetaData(int width, int height, double frameRate, int videoKbps, int audioSampleRate,
                             int audioChannels, int audioKbps, String encoder) {

    /** Metadata for an H.264 and an AAC encoder (either may be null when that track is absent). */
    public static StreamMetaData of(H264Encoder video, AacEncoder audio, String product) {
        H264Settings v = video == null ? null : video.settings();
        AacSettings a = audio == null ? null : audio.settings();
        String name = product + " (" + (video == null ? "" : video.encoderName())
                + (video != null && audio != null ? ", " : "") + (audio == null ? "" : "aac") + ")";
        return new StreamMetaData(v == null ? 0 : v.width(), v == null ? 0 : v.height(),
                v == null ? 0 : v.frameRate(), v == null ? 0 : v.bitrateKbps(),
                a == null ? 0 : a.sampleRateHz(), a == null ? 0 : a.channels(), a == null ? 0 : a.bitrateKbps(), name);
    }

    public boolean hasVideo() {
        return width > 0;
    }

    public boolean hasAudio() {
        return audioSampleRate > 0;
    }

    /**
     * The ECMA array's properties, in the order encoders write them: width, height, framerate,
     * videocodecid 7 (AVC), videodatarate; audiocodecid 10 (AAC), audiodatarate, audiosamplerate,
     * audiosamplesize 16, stereo; encoder. Numbers are doubles, as AMF0 has no integers.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (hasVideo()) {
            m.put("width", (double) width);
            m.put("height", (double) height);
            m.put("framerate", frameRate);
            m.put("videocodecid", 7.0);
            m.put("videodatarate", (double) videoKbps);
        }
        if (hasAudio()) {
            m.put("audiocodecid", 10.0);
            m.put("audiodatarate", (double) audioKbps);
            m.put("audiosamplerate", (double) audioSampleRate);
            m.put("audiosamplesize", 16.0);
            m.put("stereo", audioChannels == 2);
        }
        m.put("encoder", encoder);
        return m;
    }
}
