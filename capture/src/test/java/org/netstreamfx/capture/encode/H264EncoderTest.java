package org.netstreamfx.capture.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.flv.AvcDecoderConfigurationRecord;

/** The H.264 encoder's contract: settings, keyframes on demand, avcC and AVCC output. */
class H264EncoderTest {
    private static final H264Settings SMALL = H264Settings.of(160, 120, 25, 300).withKeyframeInterval(10);

    @Test
    void requestKeyframeMakesTheNextPictureAnIdr() throws Exception {
        List<Boolean> keys = new ArrayList<>();
        try (H264Encoder e = new H264Encoder(SMALL)) {
            for (int i = 0; i < 12; i++) {
                if (i == 7) {
                    e.requestKeyframe();
                }
                for (EncodedPacket p : e.encodeBgra(Synthetic.pattern(160, 120, i), 160 * 4, i * 40_000L)) {
                    keys.add(p.keyframe());
                }
            }
        }
        assertEquals(List.of(true, false, false, false, false, false, false, true, false, false, false, false), keys);
    }

    @Test
    void theAvcCIsAValidRecordWithFourByteLengths() throws Exception {
        try (H264Encoder e = new H264Encoder(SMALL)) {
            AvcDecoderConfigurationRecord r = AvcDecoderConfigurationRecord.parse(e.avcC());
            assertEquals(4, r.lengthSize());
            assertEquals(1, r.sequenceParameterSets().size());
            assertEquals(1, r.pictureParameterSets().size());
            assertEquals("Constrained Baseline", r.profileName());
            assertEquals(66, e.profileIdc());
        }
    }

    @Test
    void packetsAreLengthPrefixedNalUnitsWithoutParameterSets() throws Exception {
        try (H264Encoder e = new H264Encoder(SMALL)) {
            EncodedPacket p = e.encodeBgra(Synthetic.pattern(160, 120, 0), 160 * 4, 0).get(0);
            assertTrue(p.keyframe());
            ByteBuffer b = ByteBuffer.wrap(p.data());
            List<Integer> types = new ArrayList<>();
            while (b.hasRemaining()) {
                int len = b.getInt();
                assertTrue(len > 0 && len <= b.remaining(), "NAL length " + len + " of " + b.remaining());
                types.add(b.get(b.position()) & 0x1F);
                b.position(b.position() + len);
            }
            assertTrue(types.contains(AvcNalUnits.NAL_IDR), types.toString());
            assertFalse(types.contains(AvcNalUnits.NAL_SPS) || types.contains(AvcNalUnits.NAL_PPS), types.toString());
        }
    }

    @Test
    void yuvInputEncodesLikeBgraInput() throws Exception {
        byte[] yuv = new byte[SMALL.yuv420pBytes()];
        for (int i = 0; i < yuv.length; i++) {
            yuv[i] = (byte) (i < 160 * 120 ? i % 251 : 128);
        }
        try (H264Encoder e = new H264Encoder(SMALL)) {
            assertEquals(1, e.encodeYuv420p(ByteBuffer.wrap(yuv), 0).size());
            assertEquals(1, e.encodeYuv420p(ByteBuffer.wrap(yuv), 40_000).size());
            assertThrows(IllegalArgumentException.class, () -> e.encodeYuv420p(ByteBuffer.allocate(100), 80_000));
        }
    }

    @Test
    void highProfileIsWhatTheSpsSays() throws Exception {
        try (H264Encoder e = new H264Encoder(SMALL.withProfile(H264Profile.HIGH))) {
            AvcDecoderConfigurationRecord r = AvcDecoderConfigurationRecord.parse(e.avcC());
            assertEquals("High", r.profileName());
            // The High extension of 14496-15 5.3.3.1.2: 4:2:0, 8-bit luma and chroma, no SPS extensions.
            byte[] avcC = e.avcC();
            assertArrayEquals(new byte[] {(byte) 0xFD, (byte) 0xF8, (byte) 0xF8, 0},
                    java.util.Arrays.copyOfRange(avcC, avcC.length - 4, avcC.length));
        }
    }

    @Test
    void mainProfileIsMainWhereTheEncoderCanMakeItAndRefusedWhereItCannot() throws Exception {
        for (String name : H264Encoder.availableEncoders()) {
            H264Settings main = SMALL.withProfile(H264Profile.MAIN).withEncoder(name);
            if (name.equals(H264Encoder.LIBOPENH264)) {
                assertEquals("libopenh264 makes Constrained Baseline or High, not Main: ask for BASELINE or HIGH, "
                        + "or use libx264 (the -Pgpl natives)",
                        assertThrows(EncoderException.class, () -> new H264Encoder(main)).getMessage());
            } else {
                try (H264Encoder e = new H264Encoder(main)) {
                    assertEquals(77, e.profileIdc());
                }
            }
        }
    }

    @Test
    void timesMustIncrease() throws Exception {
        try (H264Encoder e = new H264Encoder(SMALL)) {
            e.encodeBgra(Synthetic.pattern(160, 120, 0), 640, 1000);
            IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                    () -> e.encodeBgra(Synthetic.pattern(160, 120, 1), 640, 1000));
            assertEquals("capture time 1000 us is not after the previous picture's 1000 us", x.getMessage());
        }
    }

    @Test
    void aShortOrNarrowBgraBufferIsRefused() throws Exception {
        try (H264Encoder e = new H264Encoder(SMALL)) {
            IllegalArgumentException narrow = assertThrows(IllegalArgumentException.class,
                    () -> e.encodeBgra(ByteBuffer.allocate(160 * 120 * 4), 100, 0));
            assertEquals("BGRA stride is 100 bytes, less than a row of 160 pixels (640 bytes)", narrow.getMessage());
            IllegalArgumentException shortBuffer = assertThrows(IllegalArgumentException.class,
                    () -> e.encodeBgra(ByteBuffer.allocate(1000), 640, 1));
            assertEquals("BGRA picture has 1000 bytes; 160x120 with stride 640 needs 76800", shortBuffer.getMessage());
        }
    }

    @Test
    void badSettingsFailWithAClearMessage() {
        assertEquals("width is 161 pixels; H.264 4:2:0 needs an even width",
                assertThrows(IllegalArgumentException.class, () -> H264Settings.of(161, 120, 25, 300)).getMessage());
        assertEquals("height is 121 pixels; H.264 4:2:0 needs an even height",
                assertThrows(IllegalArgumentException.class, () -> H264Settings.of(160, 121, 25, 300)).getMessage());
        assertEquals("video bit rate is 0 kbit/s; it must be 1..100000",
                assertThrows(IllegalArgumentException.class, () -> H264Settings.of(160, 120, 25, 0)).getMessage());
        assertEquals("frame rate is 0 fps; it must be 1..120",
                assertThrows(IllegalArgumentException.class, () -> H264Settings.of(160, 120, 0, 300)).getMessage());
        assertEquals("keyframe interval is 0.0 s; it must be 0.1..60.0 s",
                assertThrows(IllegalArgumentException.class, () -> SMALL.withKeyframeInterval(0)).getMessage());
        assertEquals("unknown H.264 encoder \"h264_nvenc\"; use one of [libx264, libopenh264] or \"\" to choose automatically",
                assertThrows(IllegalArgumentException.class, () -> SMALL.withEncoder("h264_nvenc")).getMessage());
        assertEquals("the Baseline profile has no B-frames; ask for Main or High to use 2",
                assertThrows(IllegalArgumentException.class, () -> SMALL.withBFrames(2)).getMessage());
    }

    @Test
    void aForcedEncoderThatTheNativesLackIsAnEncoderException() throws Exception {
        List<String> available = H264Encoder.availableEncoders();
        assertFalse(available.isEmpty(), "the default natives carry libopenh264");
        for (String name : H264Encoder.KNOWN_ENCODERS) {
            if (available.contains(name)) {
                try (H264Encoder e = new H264Encoder(SMALL.withEncoder(name))) {
                    assertEquals(name, e.encoderName());
                }
            } else {
                EncoderException x = assertThrows(EncoderException.class, () -> new H264Encoder(SMALL.withEncoder(name)));
                assertTrue(x.getMessage().startsWith("H.264 encoder " + name + " is not in these FFmpeg natives; they have "),
                        x.getMessage());
            }
        }
        try (H264Encoder e = new H264Encoder(SMALL)) {
            assertEquals(available.get(0), e.encoderName(), "automatic choice prefers libx264");
        }
    }

    @Test
    void flushEndsTheStream() throws Exception {
        try (H264Encoder e = new H264Encoder(SMALL)) {
            e.encodeBgra(Synthetic.pattern(160, 120, 0), 640, 0);
            e.flush();
            assertEquals(List.of(), e.flush());
            assertThrows(IllegalStateException.class, () -> e.encodeBgra(Synthetic.pattern(160, 120, 1), 640, 40_000));
        }
    }
}
