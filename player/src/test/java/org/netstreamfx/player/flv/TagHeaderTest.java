package org.netstreamfx.player.flv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netstreamfx.player.flv.FlvBytes.hex;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.wire.WireFormatException;

class TagHeaderTest {

    static byte[] bytes(String hexPrefix, String fourCc, String hexSuffix) {
        return concat(hex(hexPrefix), fourCc.getBytes(StandardCharsets.US_ASCII), hex(hexSuffix));
    }

    static byte[] concat(byte[]... parts) {
        FlvBytes b = new FlvBytes();
        for (byte[] p : parts) {
            b.raw(p);
        }
        return b.bytes();
    }

    @Test
    void legacyAudio() throws Exception {
        assertEquals(new AudioTagHeader.Legacy(SoundFormat.AAC, SoundRate.KHZ_44, SoundSize.BITS_16, SoundType.STEREO,
                Optional.of(AacPacketType.SEQUENCE_HEADER), 2), AudioTagHeader.parse(hex("af00 1210")));
        assertEquals(new AudioTagHeader.Legacy(SoundFormat.AAC, SoundRate.KHZ_44, SoundSize.BITS_16, SoundType.STEREO,
                Optional.of(AacPacketType.RAW), 2), AudioTagHeader.parse(hex("af01 21")));
        assertEquals(new AudioTagHeader.Legacy(SoundFormat.MP3, SoundRate.KHZ_22, SoundSize.BITS_16, SoundType.MONO,
                Optional.empty(), 1), AudioTagHeader.parse(hex("2a fffb")));
        assertEquals(new AudioTagHeader.Legacy(SoundFormat.NELLYMOSER_8KHZ_MONO, SoundRate.KHZ_5_5, SoundSize.BITS_8,
                SoundType.MONO, Optional.empty(), 1), AudioTagHeader.parse(hex("50")));
        assertEquals("FLV SoundFormat", fails(() -> AudioTagHeader.parse(hex("c0"))).field());
        assertEquals("FLV AACPacketType", fails(() -> AudioTagHeader.parse(hex("af02"))).field());
        assertEquals("FLV AACPacketType", fails(() -> AudioTagHeader.parse(hex("af"))).field());
        assertEquals("FLV audio tag header", fails(() -> AudioTagHeader.parse(new byte[0])).field());
    }

    @Test
    void enhancedAudio() throws Exception {
        assertEquals(new AudioTagHeader.Extended(AudioPacketType.SEQUENCE_START, AudioCodec.AAC, Optional.empty(), 0, 5),
                AudioTagHeader.parse(bytes("90", "mp4a", "1210")));
        assertEquals(new AudioTagHeader.Extended(AudioPacketType.CODED_FRAMES, AudioCodec.OPUS, Optional.empty(), 0, 5),
                AudioTagHeader.parse(bytes("91", "Opus", "")));
        assertEquals(AudioCodec.FLAC, ((AudioTagHeader.Extended) AudioTagHeader.parse(bytes("90", "fLaC", ""))).codec());
        assertEquals(AudioCodec.AC3, ((AudioTagHeader.Extended) AudioTagHeader.parse(bytes("92", "ac-3", ""))).codec());
        assertEquals(AudioCodec.EAC3, ((AudioTagHeader.Extended) AudioTagHeader.parse(bytes("94", "ec-3", ""))).codec());
        // ModEx: 3 bytes of TimestampOffsetNano (500), then modExType 0 / packet type CodedFrames.
        assertEquals(new AudioTagHeader.Extended(AudioPacketType.CODED_FRAMES, AudioCodec.FLAC, Optional.empty(), 500, 10),
                AudioTagHeader.parse(bytes("97 02 0001f4 01", "fLaC", "")));
        assertEquals(new AudioTagHeader.Extended(AudioPacketType.CODED_FRAMES, AudioCodec.AC3,
                Optional.of(AvMultitrackType.ONE_TRACK), 0, 6), AudioTagHeader.parse(bytes("95 01", "ac-3", "00")));
        assertEquals(new AudioTagHeader.Extended(AudioPacketType.SEQUENCE_START, AudioCodec.OPUS,
                Optional.of(AvMultitrackType.MANY_TRACKS_MANY_CODECS), 0, 2),
                AudioTagHeader.parse(bytes("95 20", "Opus", "00")));
        assertEquals("E-RTMP audio FourCC", fails(() -> AudioTagHeader.parse(bytes("90", "xyzw", ""))).field());
        assertEquals("E-RTMP AudioPacketType", fails(() -> AudioTagHeader.parse(bytes("93", "Opus", ""))).field());
        assertEquals("E-RTMP AudioPacketType", fails(() -> AudioTagHeader.parse(bytes("95 05", "Opus", ""))).field());
        assertEquals("E-RTMP audioMultitrackType", fails(() -> AudioTagHeader.parse(bytes("95 31", "Opus", ""))).field());
    }

    @Test
    void legacyVideo() throws Exception {
        assertEquals(new VideoTagHeader(VideoFrameType.KEY, VideoCodec.AVC, VideoPacketType.SEQUENCE_START, 0, false,
                Optional.empty(), 0, 5), VideoTagHeader.parse(hex("1700000000 01")));
        VideoTagHeader nalu = VideoTagHeader.parse(hex("1701000021 00000001"));
        assertEquals(VideoPacketType.CODED_FRAMES, nalu.packetType());
        assertEquals(33, nalu.compositionTimeMs());
        assertTrue(nalu.isKeyFrame());
        assertEquals(-2, VideoTagHeader.parse(hex("2701fffffe")).compositionTimeMs());
        assertEquals(VideoPacketType.SEQUENCE_END, VideoTagHeader.parse(hex("1702000000")).packetType());
        assertEquals(VideoCodec.HEVC, VideoTagHeader.parse(hex("1c00000000")).codec());
        VideoTagHeader vp6 = VideoTagHeader.parse(hex("24 00 aa"));
        assertEquals(List.of(VideoFrameType.INTER, VideoCodec.VP6, VideoPacketType.CODED_FRAMES, 1),
                List.of(vp6.frameType(), vp6.codec(), vp6.packetType(), vp6.payloadOffset()));
        assertEquals(VideoFrameType.DISPOSABLE_INTER, VideoTagHeader.parse(hex("32")).frameType());
        VideoTagHeader command = VideoTagHeader.parse(hex("57 01"));
        assertEquals(List.of(VideoFrameType.COMMAND, 1), List.of(command.frameType(), command.payloadOffset()));
        assertEquals("FLV AVCPacketType", fails(() -> VideoTagHeader.parse(hex("1703000000"))).field());
        assertEquals("FLV video CodecID", fails(() -> VideoTagHeader.parse(hex("18"))).field());
        assertEquals("FLV video FrameType", fails(() -> VideoTagHeader.parse(hex("07"))).field());
        assertEquals("FLV CompositionTime", fails(() -> VideoTagHeader.parse(hex("170100"))).field());
    }

    @Test
    void enhancedVideo() throws Exception {
        assertEquals(new VideoTagHeader(VideoFrameType.KEY, VideoCodec.HEVC, VideoPacketType.SEQUENCE_START, 0, true,
                Optional.empty(), 0, 5), VideoTagHeader.parse(bytes("90", "hvc1", "01")));
        VideoTagHeader frames = VideoTagHeader.parse(bytes("91", "hvc1", "000010 0000"));
        assertEquals(List.of(16, 8), List.of(frames.compositionTimeMs(), frames.payloadOffset()));
        assertEquals(-1, VideoTagHeader.parse(bytes("a1", "avc1", "ffffff")).compositionTimeMs());
        VideoTagHeader framesX = VideoTagHeader.parse(bytes("93", "avc1", "0000"));
        assertEquals(List.of(VideoPacketType.CODED_FRAMES_X, 0, 5),
                List.of(framesX.packetType(), framesX.compositionTimeMs(), framesX.payloadOffset()));
        VideoTagHeader av1 = VideoTagHeader.parse(bytes("91", "av01", "12"));
        assertEquals(List.of(VideoCodec.AV1, 0, 5), List.of(av1.codec(), av1.compositionTimeMs(), av1.payloadOffset()));
        VideoTagHeader vp9 = VideoTagHeader.parse(bytes("a1", "vp09", ""));
        assertEquals(List.of(VideoFrameType.INTER, VideoCodec.VP9), List.of(vp9.frameType(), vp9.codec()));
        assertEquals(VideoPacketType.METADATA, VideoTagHeader.parse(bytes("94", "hvc1", "")).packetType());
        assertEquals(VideoPacketType.MPEG2TS_SEQUENCE_START, VideoTagHeader.parse(bytes("95", "av01", "")).packetType());
        VideoTagHeader command = VideoTagHeader.parse(hex("d0 00"));
        assertEquals(List.of(VideoFrameType.COMMAND, VideoCodec.NONE, 1),
                List.of(command.frameType(), command.codec(), command.payloadOffset()));
        VideoTagHeader multi = VideoTagHeader.parse(bytes("96 01", "av01", "00"));
        assertEquals(Optional.of(AvMultitrackType.ONE_TRACK), multi.multitrack());
        assertEquals(List.of(VideoPacketType.CODED_FRAMES, VideoCodec.AV1, 6),
                List.of(multi.packetType(), multi.codec(), multi.payloadOffset()));
        VideoTagHeader modEx = VideoTagHeader.parse(bytes("97 02 000064 01", "hvc1", "000000"));
        assertEquals(List.of(100, VideoPacketType.CODED_FRAMES, 13),
                List.of(modEx.timestampOffsetNanos(), modEx.packetType(), modEx.payloadOffset()));
        assertEquals(0, modEx.unknownModExTypes());
        // An entry of undefined type 3 is skipped and counted; the offset of the known one is kept.
        VideoTagHeader unknown = VideoTagHeader.parse(bytes("97 01 cafe 37 02 000064 01", "hvc1", "000000"));
        assertEquals(List.of(100, 1, VideoPacketType.CODED_FRAMES, 17), List.of(unknown.timestampOffsetNanos(),
                unknown.unknownModExTypes(), unknown.packetType(), unknown.payloadOffset()));
        // A 256-byte ModEx payload uses the UI16 escape.
        byte[] longModEx = concat(hex("97 ff 00ff"), new byte[256], hex("03"), "vp09".getBytes(StandardCharsets.US_ASCII));
        assertEquals(VideoPacketType.CODED_FRAMES_X, VideoTagHeader.parse(longModEx).packetType());
        assertEquals("E-RTMP video FourCC", fails(() -> VideoTagHeader.parse(bytes("90", "h264", ""))).field());
        assertEquals("E-RTMP VideoPacketType", fails(() -> VideoTagHeader.parse(bytes("96 06", "av01", ""))).field());
        assertEquals("E-RTMP video modExData", fails(() -> VideoTagHeader.parse(hex("97 05 0000"))).field());
    }

    @Test
    void everyTruncationFails() {
        List<byte[]> audio = List.of(hex("af00"), bytes("90", "mp4a", ""), bytes("97 02 0001f4 01", "fLaC", ""),
                bytes("95 01", "ac-3", ""), bytes("95 20", "Opus", ""));
        List<byte[]> video = List.of(hex("1701000021"), bytes("91", "hvc1", "000010"),
                bytes("97 02 000064 01", "hvc1", "000000"), bytes("96 01", "av01", ""), bytes("93", "avc1", ""));
        for (byte[] full : audio) {
            for (int cut = 0; cut < full.length; cut++) {
                byte[] part = Arrays.copyOf(full, cut);
                assertThrows(WireFormatException.class, () -> AudioTagHeader.parse(part));
            }
        }
        for (byte[] full : video) {
            for (int cut = 0; cut < full.length; cut++) {
                byte[] part = Arrays.copyOf(full, cut);
                assertThrows(WireFormatException.class, () -> VideoTagHeader.parse(part));
            }
        }
    }

    interface Parse {
        Object run() throws Exception;
    }

    static WireFormatException fails(Parse p) {
        return assertThrows(WireFormatException.class, p::run);
    }
}
