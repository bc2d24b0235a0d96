package org.netstreamfx.player.flv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.wire.WireFormatException;

/** HEVCDecoderConfigurationRecord (ISO/IEC 14496-15 8.3.3.1) as libx265 writes it, and every malformed case. */
class HevcDecoderConfigurationRecordTest {
    /** The hvcC of a 320x240 Main-profile stream made by ffmpeg/libx265: VPS, SPS and PPS arrays. */
    static final byte[] X265 = HexFormat.of().parseHex("0101600000009000000000003cf000fcfdf8f800000f03a000010018"
            + "40010c01ffff01600000030090000003000003003c959809a10001002a42010101600000030090000003000003003ca00a080f"
            + "165959a4932bc05a020000030002000003003210a2000100074401c172b46240");

    @Test
    void aRecordFromLibx265() throws Exception {
        HevcDecoderConfigurationRecord r = HevcDecoderConfigurationRecord.parse(X265);
        assertEquals(1, r.version());
        assertEquals("Main", r.profileName());
        assertEquals("2", r.level(), "general_level_idc 60");
        assertFalse(r.highTier());
        assertEquals(1, r.chromaFormat(), "4:2:0");
        assertEquals(8, r.bitDepthLuma());
        assertEquals(8, r.bitDepthChroma());
        assertEquals(4, r.lengthSize());
        assertEquals(3, r.arrays().size());
        assertEquals(32, r.arrays().get(0).nalUnitType());
        assertTrue(r.arrays().get(0).complete());
        assertEquals(24, r.units(32).get(0).length, "the VPS");
        assertEquals(42, r.units(33).get(0).length, "the SPS");
        assertEquals(0x42, r.units(33).get(0)[0] & 0xFF, "a whole NAL unit: its header first");
        assertEquals(7, r.units(34).get(0).length, "the PPS");
        assertEquals(0, r.units(39).size());
    }

    @Test
    void profilesLevelsAndTiers() throws Exception {
        byte[] b = X265.clone();
        b[1] = 0x22; // tier High, profile 2
        b[12] = (byte) 153;
        HevcDecoderConfigurationRecord r = HevcDecoderConfigurationRecord.parse(b);
        assertEquals("Main 10", r.profileName());
        assertEquals("5.1 High tier", r.level());
        b[1] = 0;
        b[2] = 0x20; // profile_idc 0, compatibility flag 2 only
        assertEquals("Main 10", HevcDecoderConfigurationRecord.parse(b).profileName());
    }

    @Test
    void annexBIsToldApart() {
        assertTrue(HevcDecoderConfigurationRecord.isAnnexB(new byte[] {0, 0, 0, 1, 0x40, 1}));
        assertTrue(HevcDecoderConfigurationRecord.isAnnexB(new byte[] {0, 0, 1, 0x40}));
        assertFalse(HevcDecoderConfigurationRecord.isAnnexB(X265));
    }

    @Test
    void everyCutIsAClearErrorNamingTheField() {
        for (int n = 0; n < X265.length; n++) {
            byte[] cut = Arrays.copyOf(X265, n);
            WireFormatException e = assertThrows(WireFormatException.class,
                    () -> HevcDecoderConfigurationRecord.parse(cut), "cut at " + n);
            assertTrue(e.getMessage().contains("hvcC"), e.getMessage());
        }
    }

    @Test
    void countsAndLengthsAreCheckedAgainstTheBytesThere() {
        byte[] many = X265.clone();
        many[22] = (byte) 200;
        assertTrue(assertThrows(WireFormatException.class, () -> HevcDecoderConfigurationRecord.parse(many))
                .getMessage().contains("numOfArrays"));
        byte[] units = Arrays.copyOf(X265, 23 + 3);
        units[22] = 1;
        units[23] = (byte) 0xA0;
        units[24] = (byte) 0xFF;
        units[25] = (byte) 0xFF; // 65535 units in 0 bytes
        assertTrue(assertThrows(WireFormatException.class, () -> HevcDecoderConfigurationRecord.parse(units))
                .getMessage().contains("nalUnitLengths"));
        byte[] empty = X265.clone();
        empty[26] = 0;
        empty[27] = 0;
        assertTrue(assertThrows(WireFormatException.class, () -> HevcDecoderConfigurationRecord.parse(empty))
                .getMessage().contains("nalUnitLength"));
        byte[] three = X265.clone();
        three[21] = (byte) 0xFE;
        assertTrue(assertThrows(WireFormatException.class, () -> HevcDecoderConfigurationRecord.parse(three))
                .getMessage().contains("lengthSizeMinusOne"));
        byte[] v2 = X265.clone();
        v2[0] = 2;
        assertThrows(WireFormatException.class, () -> HevcDecoderConfigurationRecord.parse(v2));
    }

    @Test
    void aRecordWithoutArraysIsAccepted() throws Exception {
        byte[] none = Arrays.copyOf(X265, 23);
        none[22] = 0;
        HevcDecoderConfigurationRecord r = HevcDecoderConfigurationRecord.parse(none);
        assertEquals(0, r.arrays().size());
        assertArrayEquals(new byte[0], r.units(33).isEmpty() ? new byte[0] : r.units(33).get(0));
    }
}
