package org.netstreamfx.capture.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.amf.AmfValue.AmfStrictArray;
import org.netstreamfx.player.amf.AmfValues;
import org.netstreamfx.player.flv.FlvTagBodies;
import org.netstreamfx.player.flv.ScriptData;
import org.netstreamfx.player.flv.ScriptDataParser;

/** FLV/RTMP bodies of FLV spec v10.1 annex E.4.2/E.4.3/E.5, byte for byte. */
class FlvTagsTest {

    @Test
    void avcBodies() {
        byte[] avcC = {1, 0x42, (byte) 0xC0, 0x0C, (byte) 0xFF, (byte) 0xE1, 0, 1, 0x67, 1, 0, 1, 0x68};
        byte[] header = FlvTagBodies.avcSequenceHeader(avcC);
        assertArrayEquals(new byte[] {0x17, 0, 0, 0, 0}, java.util.Arrays.copyOf(header, 5));
        assertArrayEquals(avcC, java.util.Arrays.copyOfRange(header, 5, header.length));

        byte[] data = {0, 0, 0, 1, 0x65};
        assertArrayEquals(new byte[] {0x17, 1, 0, 0, 0, 0, 0, 0, 1, 0x65},
                FlvTags.video(new EncodedPacket(40_000, 40_000, true, data)));
        // pts 120.9 ms, dts 40.2 ms: each rounded down to ms as the tag timestamp is, CT = 120 - 40 = 80.
        assertArrayEquals(new byte[] {0x27, 1, 0, 0, 80, 0, 0, 0, 1, 0x65},
                FlvTags.video(new EncodedPacket(120_900, 40_200, false, data)));
        assertArrayEquals(new byte[] {0x27, 1, (byte) 0xFF, (byte) 0xFF, (byte) 0xD8},
                FlvTagBodies.avcNaluPrefix(false, -40));
        assertThrows(IllegalArgumentException.class, () -> FlvTagBodies.avcNaluPrefix(false, 1 << 23));
        assertThrows(IllegalArgumentException.class, () -> FlvTagBodies.avcSequenceHeader(new byte[] {1, 2}));
    }

    @Test
    void aacBodies() {
        assertArrayEquals(new byte[] {(byte) 0xAF, 0, 0x12, 0x10}, FlvTagBodies.aacSequenceHeader(new byte[] {0x12, 0x10}));
        assertArrayEquals(new byte[] {(byte) 0xAF, 1, 0x21, 0x1B},
                FlvTags.audio(new EncodedPacket(0, 0, true, new byte[] {0x21, 0x1B})));
        assertThrows(IllegalArgumentException.class, () -> FlvTagBodies.aacSequenceHeader(new byte[1]));
    }

    @Test
    void timestampsAreDecodeTimesInMsFromTheBase() {
        EncodedPacket p = new EncodedPacket(1_080_999, 1_040_999, false, new byte[0]);
        assertEquals(40, FlvTags.timestampMs(p, 1_000_000));
    }

    @Test
    void onMetaDataCarriesWhatPlayersRead() throws Exception {
        StreamMetaData meta = new StreamMetaData(320, 240, 25, 500, 44_100, 2, 128, "NetStreamFX 0.1 (libopenh264, aac)");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("width", 320.0);
        expected.put("height", 240.0);
        expected.put("framerate", 25.0);
        expected.put("videocodecid", 7.0);
        expected.put("videodatarate", 500.0);
        expected.put("audiocodecid", 10.0);
        expected.put("audiodatarate", 128.0);
        expected.put("audiosamplerate", 44_100.0);
        expected.put("audiosamplesize", 16.0);
        expected.put("stereo", true);
        expected.put("encoder", "NetStreamFX 0.1 (libopenh264, aac)");

        ScriptData onMetaData = new ScriptDataParser().parse(FlvTags.onMetaData(meta));
        assertEquals("onMetaData", onMetaData.name());
        assertEquals(List.of(expected), AmfValues.toJava(new AmfStrictArray(onMetaData.args())));

        ScriptData setDataFrame = new ScriptDataParser().parse(FlvTags.setDataFrame(meta));
        assertEquals("@setDataFrame", setDataFrame.name());
        assertEquals(List.of("onMetaData", expected), AmfValues.toJava(new AmfStrictArray(setDataFrame.args())));
        // AMF0: string "@setDataFrame", string "onMetaData", then the ECMA array marker 0x08 and its count.
        byte[] body = FlvTags.setDataFrame(meta);
        assertEquals(0x08, body[3 + 13 + 3 + 10]);
    }

    @Test
    void audioOnlyMetaDataLeavesOutTheVideoProperties() {
        StreamMetaData meta = new StreamMetaData(0, 0, 0, 0, 48_000, 1, 64, "x");
        assertEquals(List.of("audiocodecid", "audiodatarate", "audiosamplerate", "audiosamplesize", "stereo", "encoder"),
                List.copyOf(meta.toMap().keySet()));
        assertEquals(false, meta.toMap().get("stereo"));
    }
}
