package org.netstreamfx.player.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.flv.FlvTagType;
import org.netstreamfx.player.media.Codec;
import org.netstreamfx.player.media.MediaPacket;
import org.netstreamfx.player.media.TrackFormat;

/**
 * FlvTagConverter on Enhanced RTMP v2 audio other than AAC, and on ModEx: the track each codec's
 * SequenceStart or first frame makes, with FFmpeg's extradata; TimestampOffsetNano moving a
 * packet's times; ModEx entries of unknown types skipped and counted.
 */
class ExAudioConverterTest {
    private static final byte[] OPUS_HEAD = concat(ascii("OpusHead"), hex("01 02 3801 80bb0000 0000 00"));
    private static final byte[] AC3_FRAME = hex("0b77 fe95 14 40 43 e1 06f4");

    @Test
    void opusIsConfiguredByItsOpusHead() throws Exception {
        FlvTagConverter c = new FlvTagConverter();
        assertEquals(FlvTagConverter.Kind.AUDIO_CONFIG,
                c.inspect(FlvTagType.AUDIO, 0, concat(hex("90"), ascii("Opus"), OPUS_HEAD)));
        assertTrack(c.audio(), Codec.OPUS, 48_000, 2);
        assertArrayEquals(OPUS_HEAD, c.audio().extradata());
        // MultichannelConfig (what FFmpeg 8 sends after the SequenceStart) is not a packet.
        assertEquals(FlvTagConverter.Kind.OTHER,
                c.inspect(FlvTagType.AUDIO, 0, concat(hex("94"), ascii("Opus"), hex("0102 00000003"))));
    }

    @Test
    void ac3IsConfiguredByItsFirstFrame() throws Exception {
        FlvTagConverter c = new FlvTagConverter();
        assertEquals(FlvTagConverter.Kind.AUDIO_CONFIG, c.inspect(FlvTagType.AUDIO, 0, concat(hex("90"), ascii("ac-3"))));
        assertNull(c.audio(), "an AC-3 SequenceStart carries nothing");
        assertEquals(FlvTagConverter.Kind.PACKET,
                c.inspect(FlvTagType.AUDIO, 0, concat(hex("91"), ascii("ac-3"), AC3_FRAME)));
        assertTrack(c.audio(), Codec.AC3, 48_000, 2);
        assertEquals(0, c.audio().extradata().length);
    }

    @Test
    void flacIsConfiguredByItsStreamInfo() throws Exception {
        byte[] info = hex("1200 1200 000025 005800 0bb80 2f 00000bb80 00000000000000000000000000000000");
        FlvTagConverter c = new FlvTagConverter();
        c.inspect(FlvTagType.AUDIO, 0, concat(hex("90"), ascii("fLaC"), info));
        assertTrack(c.audio(), Codec.FLAC, 48_000, 2);
        assertArrayEquals(info, c.audio().extradata());
    }

    @Test
    void eac3AndExAudioMp3AreConfiguredByTheirFirstFrame() throws Exception {
        FlvTagConverter eac3 = new FlvTagConverter();
        eac3.inspect(FlvTagType.AUDIO, 0, concat(hex("91"), ascii("ec-3"), hex("0b77 017f 34 87 c0 00")));
        assertTrack(eac3.audio(), Codec.EAC3, 48_000, 2);
        FlvTagConverter mp3 = new FlvTagConverter();
        assertEquals(FlvTagConverter.Kind.PACKET,
                mp3.inspect(FlvTagType.AUDIO, 0, concat(hex("91"), ascii(".mp3"), hex("fffb9064 0000"))));
        assertTrack(mp3.audio(), Codec.MP3, 44_100, 2);
    }

    @Test
    void timestampOffsetNanoMovesThePacket() throws Exception {
        FlvTagConverter c = new FlvTagConverter();
        c.inspect(FlvTagType.AUDIO, 0, concat(hex("91"), ascii("ac-3"), AC3_FRAME));
        c.inspect(FlvTagType.VIDEO, 0, concat(hex("90"), ascii("av01"), hex("81000c00")));
        c.startAt(0);
        // ModEx: 3 bytes of TimestampOffsetNano (500000 ns = 500 µs), then type 0 / CodedFrames.
        MediaPacket audio = c.packet(FlvTagType.AUDIO, 40, concat(hex("97 02 07a120 01"), ascii("ac-3"), AC3_FRAME))
                .packet();
        assertEquals(40_500, audio.ptsUs());
        assertEquals(40_500, audio.dtsUs());
        assertArrayEquals(AC3_FRAME, audio.data());
        MediaPacket video = c.packet(FlvTagType.VIDEO, 80, concat(hex("97 02 0186a0 01"), ascii("av01"), hex("12")))
                .packet();
        assertEquals(80_100, video.ptsUs());
        assertEquals(80_100, video.dtsUs());
        assertEquals(0, c.skippedModEx());
    }

    @Test
    void unknownModExTypesAreSkippedAndCounted() throws Exception {
        FlvTagConverter c = new FlvTagConverter();
        // One byte of modExData of type 1 (undefined), then CodedFrames.
        assertEquals(FlvTagConverter.Kind.PACKET,
                c.inspect(FlvTagType.AUDIO, 0, concat(hex("97 00 ab 11"), ascii("ac-3"), AC3_FRAME)));
        assertEquals(Codec.AC3, c.audio().codec());
        assertEquals(1, c.skippedModEx());
        // Two entries, type 2 then TimestampOffsetNano: one more skipped.
        c.inspect(FlvTagType.VIDEO, 0, concat(hex("97 00 ab 27 02 000064 01"), ascii("av01"), hex("12")));
        assertEquals(2, c.skippedModEx());
    }

    private static void assertTrack(TrackFormat t, Codec codec, int rate, int channels) {
        assertEquals(List.of(codec, rate, channels), List.of(t.codec(), t.sampleRateHz(), t.channels()), t.toString());
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
