package org.netstreamfx.capture.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.player.media.Codec;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.source.MediaSource;
import org.netstreamfx.player.source.SourceDescription;
import org.netstreamfx.player.source.SourceItem;
import org.netstreamfx.player.source.SourcePacket;
import org.netstreamfx.player.source.Sources;

/**
 * Two seconds of a moving pattern at 320x240@25 and a 1 kHz stereo tone at 44.1 kHz, encoded and
 * written as FLV tags, then read by the ffmpeg CLI and by the player's own FLV reader.
 */
class H264EncoderFlvTest {
    private static final H264Settings VIDEO = H264Settings.of(320, 240, 25, 500).withKeyframeInterval(1.0);
    private static final AacSettings AUDIO = new AacSettings(44_100, 2, 128);

    @TempDir
    static Path dir;
    static Path flv;
    static EncodedStream stream;

    @BeforeAll
    static void encode() throws Exception {
        stream = new EncodedStream(VIDEO, AUDIO, 2.0);
        flv = dir.resolve("two-seconds.flv");
        stream.writeFlv(flv);
    }

    @Test
    void encoderMakesOneAccessUnitPerPictureWithDtsEqualPts() {
        assertEquals(50, stream.video.size());
        for (int i = 0; i < 50; i++) {
            EncodedPacket p = stream.video.get(i);
            assertEquals(i * 40_000L, p.ptsUs(), "pts of picture " + i);
            assertEquals(p.ptsUs(), p.dtsUs(), "no B-frames: dts = pts");
        }
    }

    @Test
    void ffprobeSeesH264WithoutBFramesAt320x240And25Fps() throws Exception {
        Map<String, String> v = Cli.streamEntries(flv, "v:0",
                "codec_name,width,height,has_b_frames,avg_frame_rate,r_frame_rate,nb_read_frames");
        assertEquals("h264", v.get("codec_name"), v.toString());
        assertEquals("320", v.get("width"));
        assertEquals("240", v.get("height"));
        assertEquals("0", v.get("has_b_frames"));
        assertEquals("25/1", v.get("r_frame_rate"), v.toString());
        assertEquals("50", v.get("nb_read_frames"));
    }

    @Test
    void ffprobeSeesAacLcAt44100Stereo() throws Exception {
        Map<String, String> a = Cli.streamEntries(flv, "a:0", "codec_name,profile,sample_rate,channels,nb_read_frames");
        assertEquals("aac", a.get("codec_name"), a.toString());
        assertEquals("LC", a.get("profile"));
        assertEquals("44100", a.get("sample_rate"));
        assertEquals("2", a.get("channels"));
        assertEquals(String.valueOf(stream.audio.size()), a.get("nb_read_frames"));
    }

    @Test
    void ffmpegDecodesTheFileWithoutAnError() throws Exception {
        assertEquals("", Cli.decodeErrors(flv));
    }

    @Test
    void keyframesComeEverySecondAsAsked() throws Exception {
        assertEquals(List.of(0.0, 1.0), Cli.keyframeTimes(flv));
        long keys = stream.video.stream().filter(EncodedPacket::keyframe).count();
        assertEquals(2, keys);
    }

    @Test
    void audioTimestampsFollowTheSampleCount() {
        for (int n = 0; n < stream.audio.size(); n++) {
            long expected = Math.floorDiv(n * 1024L * 1_000_000L, 44_100);
            assertEquals(expected, stream.audio.get(n).ptsUs(), "AAC frame " + n);
        }
        // 88200 samples behind 1024 of priming: ceil(89224 / 1024) = 88 frames, the last one partly padding.
        assertEquals(88, stream.audio.size());
    }

    @Test
    void thePlayersFlvReaderOpensItAndReadsEveryPacket() throws Exception {
        try (MediaSource source = Sources.open(flv.toString())) {
            SourceDescription d = source.open();
            assertEquals("flv", d.container());
            TrackFormat v = d.track(TrackKind.VIDEO).orElseThrow();
            TrackFormat a = d.track(TrackKind.AUDIO).orElseThrow();
            assertEquals(Codec.H264, v.codec());
            assertEquals(320, v.width());
            assertEquals(240, v.height());
            assertEquals(25.0, v.frameRate());
            assertEquals(Codec.AAC, a.codec());
            assertEquals(44_100, a.sampleRateHz());
            assertEquals(2, a.channels());
            assertEquals("NetStreamFX test (" + stream.encoderName + ", aac)", d.containerMetadata().get("encoder"));
            int videoPackets = 0;
            int audioPackets = 0;
            SourceItem item;
            while ((item = source.read()) != null) {
                if (item instanceof SourcePacket p) {
                    if (p.packet().trackIndex() == v.index()) {
                        videoPackets++;
                    } else {
                        audioPackets++;
                    }
                }
            }
            assertEquals(50, videoPackets);
            assertEquals(stream.audio.size(), audioPackets);
        }
    }
}
