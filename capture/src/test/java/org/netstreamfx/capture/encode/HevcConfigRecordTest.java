package org.netstreamfx.capture.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The hvcC built from an encoder's Annex B parameter sets. The VPS, SPS and PPS are those libx265
 * wrote for one 320x180 Main picture (the default natives have no HEVC encoder to ask here).
 */
class HevcConfigRecordTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String VPS = "40010c01ffff01600000030090000003000003003c959809";
    private static final String SPS = "42010101600000030090000003000003003ca00a080b9f796566924caf016808000003000800000300c840";
    private static final String PPS = "4401c172b46240";

    private static byte[] annexB(String... nals) {
        StringBuilder sb = new StringBuilder();
        for (String n : nals) {
            sb.append("00000001").append(n);
        }
        return HEX.parseHex(sb.toString());
    }

    @Test
    void headerFieldsComeFromTheSpsProfileTierLevelAndFormat() {
        byte[] c = HevcConfigRecord.fromExtradata(annexB(VPS, SPS, PPS));
        assertEquals("01" + "01" + "60000000" + "900000000000" + "3c" + "f000" + "fc" + "fd" + "f8" + "f8" + "0000" + "0f"
                + "03", HEX.formatHex(c, 0, 23), "version, Main, level 2 (60), 4:2:0 8-bit, 1 layer nested, 4-byte lengths");
        assertEquals("a0" + "0001" + String.format("%04x", VPS.length() / 2) + VPS, HEX.formatHex(c, 23, 23 + 5 + VPS.length() / 2));
    }

    @Test
    void anHvccExtradataIsKeptAndMissingSetsAreRefused() {
        byte[] record = HevcConfigRecord.fromExtradata(annexB(VPS, SPS, PPS));
        assertArrayEquals(record, HevcConfigRecord.fromExtradata(record));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HevcConfigRecord.fromExtradata(annexB(SPS, PPS)));
        assertEquals("the extradata has 0 VPS, 1 SPS and 1 PPS; an hvcC needs one of each", e.getMessage());
    }

    @Test
    void accessUnitsLoseTheirParameterSetsAndGetLengths() {
        byte[] au = HevcConfigRecord.toLengthPrefixed(annexB(VPS, SPS, PPS, "2601af"));
        assertEquals("00000003" + "2601af", HEX.formatHex(au));
    }
}
