package org.netstreamfx.player.flv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.netstreamfx.player.flv.FlvBytes.hex;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * The configuration and frame headers of the Enhanced RTMP v2 audio codecs, on bytes FFmpeg 8
 * wrote into enhanced FLV files (OpusHead, AC-3/E-AC-3 sync frames, an MP3 frame) and on a
 * STREAMINFO built field by field.
 */
class AudioConfigHeadersTest {

    @Test
    void opusHead() throws Exception {
        // libopus stereo: version 1, 2 channels, pre-skip 312, input rate 48000, gain 0, family 0.
        OpusHead h = OpusHead.parse(TagHeaderTest.concat("OpusHead".getBytes(StandardCharsets.US_ASCII),
                hex("01 02 3801 80bb0000 0000 00")));
        assertEquals(new OpusHead(2, 312, 48_000), h);
        assertThrows(WireFormatException.class, () -> OpusHead.parse(hex("4f707573")));
        assertThrows(WireFormatException.class, () -> OpusHead.parse(TagHeaderTest.concat(
                "OpusTags".getBytes(StandardCharsets.US_ASCII), hex("01 02 3801 80bb0000 0000 00"))));
        assertThrows(WireFormatException.class, () -> OpusHead.parse(TagHeaderTest.concat(
                "OpusHead".getBytes(StandardCharsets.US_ASCII), hex("01 00 3801 80bb0000 0000 00"))));
    }

    @Test
    void flacStreamInfoBareAndWithMarker() throws Exception {
        // min/max block 4608, frame sizes 0x25 and 0x5800, 48000 Hz, 2 channels, 16 bits, 48000 samples, MD5.
        byte[] info = hex("1200 1200 000025 005800 0bb80 2f 00000bb80 00000000000000000000000000000000");
        assertEquals(FlacStreamInfo.BLOCK_SIZE, info.length);
        FlacStreamInfo expected = new FlacStreamInfo(4608, 48_000, 2, 16);
        assertEquals(expected, FlacStreamInfo.parse(info));
        byte[] full = TagHeaderTest.concat("fLaC".getBytes(StandardCharsets.US_ASCII), hex("80000022"), info);
        assertEquals(expected, FlacStreamInfo.parse(full));
        assertThrows(WireFormatException.class, () -> FlacStreamInfo.parse(hex("1200 1200")));
    }

    @Test
    void ac3AndEac3SyncFrames() throws Exception {
        // FFmpeg's ac3 encoder, 48 kHz stereo: fscod 0, bsid 8, acmod 2, no LFE.
        assertEquals(new Ac3FrameHeader(false, 48_000, 2, 1536), Ac3FrameHeader.parse(hex("0b77 fe95 14 40 43 e1")));
        // FFmpeg's eac3 encoder: fscod 0, numblkscod 3 (6 blocks), acmod 2, bsid 16.
        assertEquals(new Ac3FrameHeader(true, 48_000, 2, 1536), Ac3FrameHeader.parse(hex("0b77 017f 34 87 c0")));
        // 5.1 AC-3 at 44.1 kHz: acmod 7 (cmixlev, surmixlev), LFE on.
        assertEquals(new Ac3FrameHeader(false, 44_100, 6, 1536), Ac3FrameHeader.parse(hex("0b77 0000 40 40 e1 00")));
        assertThrows(WireFormatException.class, () -> Ac3FrameHeader.parse(hex("0b78 0000 00 40 40")));
        assertThrows(WireFormatException.class, () -> Ac3FrameHeader.parse(hex("0b77 0000 00 48 40")));
        assertThrows(WireFormatException.class, () -> Ac3FrameHeader.parse(hex("0b77")));
    }

    @Test
    void mpegAudioFrames() throws Exception {
        assertEquals(new MpegAudioFrameHeader(44_100, 2, 1152), MpegAudioFrameHeader.parse(hex("fffb9064")));
        // MPEG-2 layer III, 24 kHz, single channel.
        assertEquals(new MpegAudioFrameHeader(24_000, 1, 576), MpegAudioFrameHeader.parse(hex("fff364c0")));
        assertThrows(WireFormatException.class, () -> MpegAudioFrameHeader.parse(hex("0ffb9064")));
        assertThrows(WireFormatException.class, () -> MpegAudioFrameHeader.parse(hex("fffb9c64")));
    }
}
