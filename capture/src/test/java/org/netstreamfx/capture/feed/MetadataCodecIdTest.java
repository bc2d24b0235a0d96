package org.netstreamfx.capture.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.netstreamfx.capture.encode.AacSettings;
import org.netstreamfx.capture.encode.H264Settings;
import org.netstreamfx.player.publish.FeedCodec;

/** onMetaData's codec ids: legacy CodecIDs for H.264 and AAC, FourCC numbers for the rest (E-RTMP). */
class MetadataCodecIdTest {
    private static final H264Settings VIDEO = H264Settings.of(320, 180, 25, 300);

    @Test
    void videoCodecIds() {
        assertEquals(7.0, Metadata.video(VIDEO, "libopenh264", FeedCodec.H264).get("videocodecid"));
        assertEquals(1635135537.0, Metadata.video(VIDEO, "libsvtav1", FeedCodec.AV1).get("videocodecid"), "av01");
        assertEquals((double) 0x76703039, Metadata.video(VIDEO, "libvpx-vp9", FeedCodec.VP9).get("videocodecid"), "vp09");
        assertEquals((double) 0x68766331, Metadata.video(VIDEO, "libx265", FeedCodec.HEVC).get("videocodecid"), "hvc1");
        assertEquals(List.of("width", "height", "framerate", "videocodecid", "videodatarate", "encoder"),
                List.copyOf(Metadata.video(VIDEO, "libsvtav1", FeedCodec.AV1).keySet()));
    }

    @Test
    void audioCodecIds() {
        assertEquals(10.0, Metadata.audio(new AacSettings(44_100, 2, 96), FeedCodec.AAC).get("audiocodecid"));
        assertEquals(1332770163.0, Metadata.audio(new AacSettings(48_000, 2, 96), FeedCodec.OPUS).get("audiocodecid"),
                "Opus");
        assertEquals(48000.0, Metadata.audio(new AacSettings(48_000, 2, 96), FeedCodec.OPUS).get("audiosamplerate"));
    }
}
