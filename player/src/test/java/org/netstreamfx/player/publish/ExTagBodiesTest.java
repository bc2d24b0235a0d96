package org.netstreamfx.player.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.flv.FlvTagBodies;
import org.netstreamfx.player.media.TrackKind;

/** The Enhanced RTMP v2 bodies byte by byte, and the legacy ones kept for H.264 and AAC. */
class ExTagBodiesTest {
    private static final byte[] DATA = {9, 8, 7};

    @Test
    void av1SequenceStartIsExHeaderKeyFrameFourCcAndRecord() {
        assertArrayEquals(new byte[] {(byte) 0x90, 'a', 'v', '0', '1', 9, 8, 7},
                ExTagBodies.videoSequenceStart(FeedCodec.AV1, DATA));
    }

    @Test
    void av1AndVp9FramesCarryNoCompositionTime() {
        assertArrayEquals(new byte[] {(byte) 0x91, 'v', 'p', '0', '9', 9, 8, 7},
                ExTagBodies.videoFrames(FeedCodec.VP9, true, 0, DATA));
        assertArrayEquals(new byte[] {(byte) 0xA1, 'a', 'v', '0', '1', 9, 8, 7},
                ExTagBodies.videoFrames(FeedCodec.AV1, false, 40, DATA));
    }

    @Test
    void hevcFramesAreCodedFramesXWithoutCompositionTimeElseCarryIt() {
        assertArrayEquals(new byte[] {(byte) 0x93, 'h', 'v', 'c', '1', 9, 8, 7},
                ExTagBodies.videoFrames(FeedCodec.HEVC, true, 0, DATA));
        assertArrayEquals(new byte[] {(byte) 0xA1, 'h', 'v', 'c', '1', 0, 0, 40, 9, 8, 7},
                ExTagBodies.videoFrames(FeedCodec.HEVC, false, 40, DATA));
    }

    @Test
    void sequenceEndsHaveNoPayload() {
        assertArrayEquals(new byte[] {(byte) 0x92, 'v', 'p', '0', '9'}, ExTagBodies.videoSequenceEnd(FeedCodec.VP9));
        assertArrayEquals(new byte[] {(byte) 0x92, 'O', 'p', 'u', 's'}, ExTagBodies.audioSequenceEnd(FeedCodec.OPUS));
    }

    @Test
    void opusIsSoundFormatNineWithItsFourCc() {
        assertArrayEquals(new byte[] {(byte) 0x90, 'O', 'p', 'u', 's', 9, 8, 7},
                ExTagBodies.audioSequenceStart(FeedCodec.OPUS, DATA));
        assertArrayEquals(new byte[] {(byte) 0x91, 'O', 'p', 'u', 's', 9, 8, 7},
                ExTagBodies.audioFrames(FeedCodec.OPUS, DATA));
    }

    @Test
    void h264AndAacStayLegacy() {
        FeedConfig v = new FeedConfig(TrackKind.VIDEO, new byte[] {1, 66, 0, 30, (byte) 0xFF, (byte) 0xE1, 0, 0, 0},
                Map.of());
        assertEquals(FeedCodec.H264, v.codec());
        assertArrayEquals(FlvTagBodies.avcSequenceHeader(v.decoderConfig()), MessageBodies.header(v));
        assertNull(MessageBodies.end(v));
        FeedPacket a = new FeedPacket(TrackKind.AUDIO, 0, 0, true, DATA);
        assertArrayEquals(FlvTagBodies.aacRaw(DATA), MessageBodies.packet(FeedCodec.AAC, a, 0));
    }

    @Test
    void metaDataCodecIdsAreLegacyIdsOrFourCcNumbers() {
        assertEquals(7.0, FeedCodec.H264.metaDataCodecId());
        assertEquals(10.0, FeedCodec.AAC.metaDataCodecId());
        assertEquals(1635135537.0, FeedCodec.AV1.metaDataCodecId());
        assertEquals(1332770163.0, FeedCodec.OPUS.metaDataCodecId());
    }
}
