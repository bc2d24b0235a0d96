package org.netstreamfx.capture.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.flv.AvcDecoderConfigurationRecord;

/** Annex B to AVCC and the avcC record (ISO/IEC 14496-10 Annex B, 14496-15 5.3.3.1), byte for byte. */
class AvcNalUnitsTest {
    /** A Constrained Baseline SPS (profile 66, constraint flags 0xC0, level 1.2) and a PPS. */
    private static final byte[] SPS = {0x67, 0x42, (byte) 0xC0, 0x0C, (byte) 0xDA, 0x05, 0x07, (byte) 0xE8};
    private static final byte[] PPS = {0x68, (byte) 0xCE, 0x0F, (byte) 0xC8};
    private static final byte[] IDR = {0x65, (byte) 0x88, (byte) 0x84, 0x00, 0x33};

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    @Test
    void splitsFourAndThreeByteStartCodesAndDropsTrailingZeros() {
        byte[] stream = bytes(0, 0, 0, 1, 0x09, 0xF0, 0, 0, 1, 0x67, 0x42, 0, 0, 0, 0, 1, 0x65, 0x88, 0, 0);
        List<byte[]> units = AvcNalUnits.splitAnnexB(stream, stream.length);
        assertEquals(3, units.size());
        assertArrayEquals(bytes(0x09, 0xF0), units.get(0));
        assertArrayEquals(bytes(0x67, 0x42), units.get(1));
        assertArrayEquals(bytes(0x65, 0x88), units.get(2));
        assertEquals(List.of(), AvcNalUnits.splitAnnexB(new byte[] {0, 0, 1}, 3));
        assertEquals(List.of(), AvcNalUnits.splitAnnexB(new byte[0], 0));
        assertThrows(IllegalArgumentException.class, () -> AvcNalUnits.splitAnnexB(new byte[2], 3));
    }

    @Test
    void avccFormKeepsSlicesAndSeiAndDropsParameterSetsAndDelimiters() {
        byte[] sei = bytes(0x06, 0x05, 0x01, 0x80);
        byte[] avcc = AvcNalUnits.toAvcc(List.of(bytes(0x09, 0xF0), SPS, PPS, sei, IDR));
        assertArrayEquals(bytes(0, 0, 0, 4, 0x06, 0x05, 0x01, 0x80, 0, 0, 0, 5, 0x65, 0x88, 0x84, 0x00, 0x33), avcc);
    }

    @Test
    void buildsTheBaselineRecordByteForByte() throws Exception {
        byte[] avcC = AvcNalUnits.avcDecoderConfigurationRecord(List.of(SPS), List.of(PPS));
        byte[] expected = bytes(1, 0x42, 0xC0, 0x0C, 0xFF, 0xE1, 0, 8, 0x67, 0x42, 0xC0, 0x0C, 0xDA, 0x05, 0x07, 0xE8,
                1, 0, 4, 0x68, 0xCE, 0x0F, 0xC8);
        assertArrayEquals(expected, avcC);
        AvcDecoderConfigurationRecord r = AvcDecoderConfigurationRecord.parse(avcC);
        assertEquals("Constrained Baseline", r.profileName());
        assertEquals("1.2", r.level());
    }

    @Test
    void highProfileRecordsCarryChromaFormatAndBitDepths() {
        // profile 100, level 3.0; seq_parameter_set_id ue=0 ('1'), chroma_format_idc ue=1 ('010'),
        // bit_depth_luma_minus8 ue=0 ('1'), bit_depth_chroma_minus8 ue=0 ('1'): 1010 11.. = 0xAC
        byte[] sps = bytes(0x67, 100, 0, 30, 0xAC, 0x80);
        byte[] avcC = AvcNalUnits.avcDecoderConfigurationRecord(List.of(sps), List.of(PPS));
        assertArrayEquals(bytes(0xFD, 0xF8, 0xF8, 0), java.util.Arrays.copyOfRange(avcC, avcC.length - 4, avcC.length));
    }

    @Test
    void emulationPreventionBytesAreRemovedBeforeReadingTheSps() {
        assertArrayEquals(bytes(0x67, 0, 0, 1, 0, 0), AvcNalUnits.unescape(bytes(0x67, 0, 0, 3, 1, 0, 0, 3)));
    }

    @Test
    void refusesWhatAnAvcCannotHold() {
        assertEquals("an avcC needs at least one SPS and one PPS, got 1 SPS and 0 PPS",
                assertThrows(IllegalArgumentException.class,
                        () -> AvcNalUnits.avcDecoderConfigurationRecord(List.of(SPS), List.of())).getMessage());
        assertEquals("the SPS is 3 bytes, shorter than its 4-byte header",
                assertThrows(IllegalArgumentException.class,
                        () -> AvcNalUnits.avcDecoderConfigurationRecord(List.of(bytes(0x67, 1, 2)), List.of(PPS)))
                        .getMessage());
        assertEquals("PPS of 65536 bytes: avcC stores 1..65535", assertThrows(IllegalArgumentException.class,
                () -> AvcNalUnits.avcDecoderConfigurationRecord(List.of(SPS), List.of(new byte[65_536]))).getMessage());
        assertEquals("SPS ends inside a field (5 bytes)", assertThrows(IllegalArgumentException.class,
                () -> AvcNalUnits.avcDecoderConfigurationRecord(List.of(bytes(0x67, 100, 0, 30, 0)), List.of(PPS)))
                .getMessage());
    }
}
