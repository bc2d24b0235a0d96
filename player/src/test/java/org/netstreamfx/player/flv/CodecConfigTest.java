package org.netstreamfx.player.flv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netstreamfx.player.flv.FlvBytes.hex;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.flv.FlvBytes.Bits;
import org.netstreamfx.player.wire.WireFormatException;

class CodecConfigTest {
    static final byte[] SPS = hex("6764001facd9405005bb011000000300100000030320f1831960");
    static final byte[] PPS = hex("68ebe3cb22c0");

    static byte[] avcC(String head, byte[]... sets) {
        FlvBytes b = new FlvBytes().raw(hex(head));
        for (byte[] s : sets) {
            b.raw(new byte[] {(byte) (s.length >>> 8), (byte) s.length}).raw(s);
        }
        return b.bytes();
    }

    static final byte[] HIGH = concat(avcC("0164001fffe1", SPS), avcC("01", PPS));

    static byte[] concat(byte[] a, byte[] b) {
        return new FlvBytes().raw(a).raw(b).bytes();
    }

    @Test
    void parsesAvcC() throws Exception {
        AvcDecoderConfigurationRecord r = AvcDecoderConfigurationRecord.parse(HIGH);
        assertEquals("High", r.profileName());
        assertEquals("3.1", r.level());
        assertEquals(4, r.lengthSize());
        assertEquals(1, r.sequenceParameterSets().size());
        assertArrayEquals(SPS, r.sequenceParameterSets().get(0));
        assertArrayEquals(PPS, r.pictureParameterSets().get(0));
        AvcDecoderConfigurationRecord baseline = AvcDecoderConfigurationRecord.parse(
                concat(avcC("0142c01efce2", hex("6742c01e"), hex("6742c01f")), avcC("02", hex("68ce"), hex("68cf"))));
        assertEquals("Constrained Baseline", baseline.profileName());
        assertEquals("3.0", baseline.level());
        assertEquals(1, baseline.lengthSize());
        assertEquals(2, baseline.sequenceParameterSets().size());
        assertEquals(2, baseline.pictureParameterSets().size());
        assertEquals(2, AvcDecoderConfigurationRecord.parse(concat(avcC("014d4028fde1", SPS), avcC("01", PPS))).lengthSize());
        assertEquals("Main", AvcDecoderConfigurationRecord.parse(concat(avcC("014d4028fde1", SPS), avcC("01", PPS))).profileName());
    }

    @Test
    void rejectsBadAvcC() {
        assertEquals("avcC numOfSequenceParameterSets",
                fails(() -> AvcDecoderConfigurationRecord.parse(concat(hex("0164001fffe0"), avcC("01", PPS)))).field());
        assertEquals("avcC numOfPictureParameterSets",
                fails(() -> AvcDecoderConfigurationRecord.parse(concat(avcC("0164001fffe1", SPS), hex("00")))).field());
        WireFormatException lengthSize = fails(() -> AvcDecoderConfigurationRecord.parse(
                concat(avcC("0164001ffee1", SPS), avcC("01", PPS))));
        assertEquals("avcC lengthSizeMinusOne", lengthSize.field());
        assertTrue(lengthSize.getMessage().contains("is 2"), lengthSize.getMessage());
        WireFormatException spsPastEnd = fails(() -> AvcDecoderConfigurationRecord.parse(hex("0164001fffe1 0040 6764")));
        assertEquals("avcC sequenceParameterSetLength needs 64 bytes but only 2 remain", spsPastEnd.getMessage());
        assertEquals("avcC sequenceParameterSetLengths",
                fails(() -> AvcDecoderConfigurationRecord.parse(hex("0164001ffffe 0001 67"))).field());
        assertEquals("avcC configurationVersion",
                fails(() -> AvcDecoderConfigurationRecord.parse(concat(avcC("0064001fffe1", SPS), avcC("01", PPS)))).field());
        for (int cut = 0; cut < HIGH.length; cut++) {
            byte[] part = Arrays.copyOf(HIGH, cut);
            assertThrows(WireFormatException.class, () -> AvcDecoderConfigurationRecord.parse(part));
        }
    }

    @Test
    void realAudioSpecificConfigs() throws Exception {
        assertEquals(new AudioSpecificConfig(2, true, true, 22050, 44100, 1, 2), asc("eb8a0800"));
        assertEquals("HE-AACv2", asc("eb8a0800").profileName());
        assertEquals(new AudioSpecificConfig(2, true, false, 22050, 44100, 2, 2), asc("2b920800"));
        assertEquals("HE-AAC", asc("2b920800").profileName());
        assertEquals(new AudioSpecificConfig(2, false, false, 44100, 44100, 2, 2), asc("1210"));
        assertEquals("LC", asc("1210").profileName());
        assertEquals(new AudioSpecificConfig(2, true, true, 22050, 44100, 1, 2), asc("138856e5a54880"));
        assertEquals("HE-AACv2", asc("138856e5a54880").profileName());
        assertEquals(new AudioSpecificConfig(2, true, false, 22050, 44100, 1, 1), asc("138856e5a0"));
        assertEquals("HE-AAC", asc("138856e5a0").profileName());
        assertEquals("Main", asc("0a10").profileName());
        assertEquals("LTP", asc("2210").profileName());
        assertEquals(8, asc("11b8").channels(), "channel configuration 7 is 7.1");
    }

    @Test
    void escapedObjectTypeAndExplicitRate() throws Exception {
        AudioSpecificConfig usac = AudioSpecificConfig.parse(new Bits().put(31, 5).put(10, 6).put(4, 4).put(2, 4).bytes());
        assertEquals(42, usac.objectType());
        assertEquals("AOT 42", usac.profileName());
        AudioSpecificConfig explicit = AudioSpecificConfig.parse(
                new Bits().put(2, 5).put(15, 4).put(44_100, 24).put(1, 4).put(0, 3).bytes());
        assertEquals(44_100, explicit.coreSampleRate());
        assertEquals(1, explicit.channels());
    }

    @Test
    void programConfigElementGivesTheChannels() throws Exception {
        Bits b = new Bits().put(2, 5).put(3, 4).put(0, 4).put(0, 3) // LC, 48 kHz, config 0, GA flags
                .put(0, 4).put(1, 2).put(3, 4) // tag, object type, sampling index
                .put(2, 4).put(0, 4).put(1, 4).put(1, 2).put(0, 3).put(0, 4) // front 2, side 0, back 1, lfe 1
                .put(0, 1).put(0, 1).put(0, 1) // no mixdowns
                .put(0, 1).put(0, 4).put(1, 1).put(1, 4) // front: SCE, CPE
                .put(1, 1).put(2, 4) // back: CPE
                .put(3, 4); // lfe tag
        byte[] unaligned = b.bytes();
        byte[] data = concat(unaligned, hex("00")); // comment_field_bytes = 0 after byte alignment
        AudioSpecificConfig config = AudioSpecificConfig.parse(data);
        assertEquals(0, config.channelConfiguration());
        assertEquals(6, config.channels());
        assertEquals(48_000, config.outputSampleRate());
        assertEquals("AAC PCE comment_field_bytes", fails(() -> AudioSpecificConfig.parse(unaligned)).field());
    }

    @Test
    void rejectsBadAudioSpecificConfigs() {
        assertEquals("AAC audioObjectType", fails(() -> AudioSpecificConfig.parse(hex("0010"))).field());
        WireFormatException escape = fails(() -> AudioSpecificConfig.parse(hex("f8")));
        assertEquals("AAC audioObjectTypeExt", escape.field());
        assertEquals("AAC audioObjectTypeExt needs 6 bits but only 3 remain", escape.getMessage());
        assertEquals("AAC samplingFrequencyIndex is 13, 13 and 14 are reserved",
                fails(() -> AudioSpecificConfig.parse(hex("1680"))).getMessage());
        assertEquals("AAC samplingFrequencyIndex",
                fails(() -> AudioSpecificConfig.parse(hex("1700"))).field());
        assertEquals("AAC samplingFrequency", fails(() -> AudioSpecificConfig.parse(hex("1780"))).field());
        assertEquals("AAC samplingFrequency", fails(() -> AudioSpecificConfig.parse(hex("1780 0000"))).field());
        for (int channels = 8; channels <= 15; channels++) {
            byte[] data = new Bits().put(2, 5).put(4, 4).put(channels, 4).put(0, 3).bytes();
            WireFormatException e = fails(() -> AudioSpecificConfig.parse(data));
            assertEquals("AAC channelConfiguration", e.field());
        }
        assertEquals("AAC extensionSamplingFrequencyIndex", fails(() -> AudioSpecificConfig.parse(hex("eb8a"))).field());
        assertEquals("AAC extensionFlag", fails(() -> AudioSpecificConfig.parse(hex("eb8a0a"))).field());
        assertEquals("AAC samplingFrequencyIndex", fails(() -> AudioSpecificConfig.parse(hex("12"))).field());
        assertEquals("AAC audioObjectType", fails(() -> AudioSpecificConfig.parse(new byte[0])).field());
    }

    @Test
    void prefixesOfRealConfigsFailOrParseButNeverThrowAnythingElse() {
        for (String config : List.of("eb8a0800", "2b920800", "1210", "138856e5a54880", "138856e5a0")) {
            byte[] full = hex(config);
            for (int cut = 0; cut < full.length; cut++) {
                byte[] part = Arrays.copyOf(full, cut);
                try {
                    AudioSpecificConfig c = AudioSpecificConfig.parse(part);
                    assertFalse(config.startsWith("eb") || config.startsWith("2b"),
                            "a hierarchical config cut short cannot parse: " + c);
                } catch (WireFormatException expected) {
                    // fine
                }
            }
        }
    }

    static AudioSpecificConfig asc(String hex) throws WireFormatException {
        return AudioSpecificConfig.parse(hex(hex));
    }

    interface Parse {
        Object run() throws Exception;
    }

    static WireFormatException fails(Parse p) {
        return assertThrows(WireFormatException.class, p::run);
    }
}
