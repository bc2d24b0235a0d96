package org.netstreamfx.capture.encode;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * HEVC in RTMP/FLV: the HEVCDecoderConfigurationRecord "hvcC" (ISO/IEC 14496-15 8.3.3.1) an
 * Enhanced RTMP SequenceStart carries, built from the VPS, SPS and PPS an encoder puts in its
 * extradata (Annex B), and access units as 4-byte length-prefixed NAL units without the
 * parameter sets and delimiters.
 *
 * <pre>
 * 01 | profile_space(2) tier(1) profile_idc(5) | compatibility flags(32) | constraint flags(48)
 * level_idc | F000 (min_spatial_segmentation 0) | FC (parallelism 0) | FC|chroma_format
 * F8|bit_depth_luma-8 | F8|bit_depth_chroma-8 | avgFrameRate 0000
 * constantFrameRate(2)=0 numTemporalLayers(3) temporalIdNested(1) lengthSizeMinusOne(2)=3
 * numOfArrays | per array: completeness(1)=1 0 type(6) | numNalus(16) | (length(16) NAL unit)...
 * </pre>
 *
 * The profile, tier and level are the SPS's general_profile_tier_level; chroma format and bit
 * depths come from the SPS when it has a single sub-layer, else the 4:2:0 8-bit the encoders
 * here are fed.
 */
public final class HevcConfigRecord {
    public static final int NAL_VPS = 32;
    public static final int NAL_SPS = 33;
    public static final int NAL_PPS = 34;
    public static final int NAL_AUD = 35;
    private static final int NAL_HEADER_BYTES = 2;
    private static final int PTL_GENERAL_BYTES = 12;
    private static final int CHROMA_420 = 1;
    private static final int LENGTH_SIZE_MINUS_ONE = 3;
    private static final int ARRAY_COMPLETE = 0x80;

    private HevcConfigRecord() {
    }

    /** nal_unit_type: bits 1..6 of the first NAL header byte. */
    public static int type(byte[] nal) {
        return (nal[0] >> 1) & 0x3F;
    }

    /**
     * The hvcC for an encoder's extradata: itself when it is one already (configurationVersion
     * 1), else built from its Annex B parameter sets.
     *
     * @throws IllegalArgumentException when a VPS, SPS or PPS is missing or the SPS is cut short
     */
    public static byte[] fromExtradata(byte[] extradata) {
        if (extradata.length > 0 && extradata[0] == 1) {
            return extradata.clone();
        }
        List<byte[]> vps = new ArrayList<>();
        List<byte[]> sps = new ArrayList<>();
        List<byte[]> pps = new ArrayList<>();
        for (byte[] nal : AvcNalUnits.splitAnnexB(extradata, extradata.length)) {
            switch (type(nal)) {
                case NAL_VPS -> vps.add(nal);
                case NAL_SPS -> sps.add(nal);
                case NAL_PPS -> pps.add(nal);
                default -> { }
            }
        }
        if (vps.isEmpty() || sps.isEmpty() || pps.isEmpty()) {
            throw new IllegalArgumentException("the extradata has " + vps.size() + " VPS, " + sps.size() + " SPS and "
                    + pps.size() + " PPS; an hvcC needs one of each");
        }
        return record(sps.get(0), List.of(vps, sps, pps));
    }

    private static byte[] record(byte[] sps, List<List<byte[]>> arrays) {
        byte[] rbsp = AvcNalUnits.unescape(sps);
        if (rbsp.length < NAL_HEADER_BYTES + 1 + PTL_GENERAL_BYTES) {
            throw new IllegalArgumentException("the SPS is " + sps.length + " bytes, too short for its profile");
        }
        int subLayersMinus1 = (rbsp[NAL_HEADER_BYTES] >> 1) & 0x7;
        int temporalIdNested = rbsp[NAL_HEADER_BYTES] & 1;
        int[] format = chromaAndDepths(rbsp, subLayersMinus1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(1);
        out.write(rbsp, NAL_HEADER_BYTES + 1, PTL_GENERAL_BYTES);
        out.write(0xF0);
        out.write(0x00);
        out.write(0xFC);
        out.write(0xFC | format[0]);
        out.write(0xF8 | format[1]);
        out.write(0xF8 | format[2]);
        out.write(0);
        out.write(0);
        out.write(((subLayersMinus1 + 1) << 3) | (temporalIdNested << 2) | LENGTH_SIZE_MINUS_ONE);
        out.write(arrays.size());
        for (List<byte[]> array : arrays) {
            out.write(ARRAY_COMPLETE | type(array.get(0)));
            out.write(array.size() >> 8);
            out.write(array.size());
            for (byte[] nal : array) {
                out.write(nal.length >> 8);
                out.write(nal.length);
                out.write(nal, 0, nal.length);
            }
        }
        return out.toByteArray();
    }

    /** chroma_format_idc, bit_depth_luma_minus8, bit_depth_chroma_minus8 (H.265 7.3.2.2.1). */
    private static int[] chromaAndDepths(byte[] rbsp, int subLayersMinus1) {
        if (subLayersMinus1 != 0) {
            return new int[] {CHROMA_420, 0, 0};
        }
        Bits b = new Bits(rbsp);
        b.skip("SPS header and profile_tier_level", (NAL_HEADER_BYTES + 1 + PTL_GENERAL_BYTES) * 8);
        b.expGolomb("sps_seq_parameter_set_id");
        int chroma = (int) b.expGolomb("chroma_format_idc");
        if (chroma == 3) {
            b.bit("separate_colour_plane_flag");
        }
        b.expGolomb("pic_width_in_luma_samples");
        b.expGolomb("pic_height_in_luma_samples");
        if (b.bit("conformance_window_flag") == 1) {
            for (int i = 0; i < 4; i++) {
                b.expGolomb("conf_win_offset");
            }
        }
        int luma = (int) b.expGolomb("bit_depth_luma_minus8");
        int chromaDepth = (int) b.expGolomb("bit_depth_chroma_minus8");
        return new int[] {chroma, luma, chromaDepth};
    }

    /** An access unit in Annex B as length-prefixed NAL units, without VPS/SPS/PPS/AUD. */
    public static byte[] toLengthPrefixed(byte[] annexB) {
        return AvcNalUnits.lengthPrefixed(AvcNalUnits.splitAnnexB(annexB, annexB.length).stream()
                .filter(nal -> type(nal) < NAL_VPS || type(nal) > NAL_AUD).toList());
    }
}
