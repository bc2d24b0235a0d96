package org.netstreamfx.player.flv;

import java.util.ArrayList;
import java.util.List;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * An HEVCDecoderConfigurationRecord (ISO/IEC 14496-15, 8.3.3.1), the body of an HEVC sequence
 * start (Enhanced RTMP {@code hvc1}): the general profile, tier and level, chroma format and bit
 * depths, the NAL unit length size, and the parameter set arrays (VPS, SPS, PPS, SEI…), each NAL
 * unit kept whole for the decoder. Every count and length is checked against the bytes that
 * remain before it is used; a record with no arrays is accepted (parameter sets may come in-band).
 *
 * @param profileSpace general_profile_space (0 for every profile of ITU-T H.265 Annex A)
 * @param highTier     general_tier_flag
 * @param profileIdc   general_profile_idc (1 Main, 2 Main 10, 3 Main Still Picture, 4 range extensions…)
 * @param levelIdc     general_level_idc: 30 times the level (93 is 3.1)
 * @param lengthSize   bytes of each NAL unit length prefix in coded frames: 1, 2 or 4
 * @param arrays       the NAL unit arrays in record order
 */
public record HevcDecoderConfigurationRecord(int version, int profileSpace, boolean highTier, int profileIdc,
        long compatibilityFlags, int levelIdc, int chromaFormat, int bitDepthLuma, int bitDepthChroma,
        int lengthSize, List<NalArray> arrays) {

    /** Record header bytes before numOfArrays (ISO/IEC 14496-15 8.3.3.1.2). */
    public static final int HEADER_BYTES = 22;
    /** NAL unit types are 6 bits: a record holds at most one array per type. */
    public static final int MAX_ARRAYS = 64;

    /** One array: the NAL unit type (32 VPS, 33 SPS, 34 PPS, 39/40 SEI) and its units. */
    public record NalArray(boolean complete, int nalUnitType, List<byte[]> units) {
        public NalArray {
            List<byte[]> copy = new ArrayList<>(units.size());
            for (byte[] u : units) {
                copy.add(u.clone());
            }
            units = List.copyOf(copy);
        }

        @Override
        public List<byte[]> units() {
            List<byte[]> copy = new ArrayList<>(units.size());
            for (byte[] u : units) {
                copy.add(u.clone());
            }
            return List.copyOf(copy);
        }

        @Override
        public String toString() {
            return "NalArray[type " + nalUnitType + ", " + units.size() + " unit(s)" + (complete ? ", complete" : "")
                    + "]";
        }
    }

    public HevcDecoderConfigurationRecord {
        arrays = List.copyOf(arrays);
    }

    /**
     * Whether {@code data} is an Annex B byte stream (it starts with a start code) rather than a
     * record: some encoders send their parameter sets that way, and FFmpeg takes both.
     */
    public static boolean isAnnexB(byte[] data) {
        return data.length >= 3 && data[0] == 0 && data[1] == 0
                && (data[2] == 1 || (data[2] == 0 && data.length >= 4 && data[3] == 1));
    }

    /** Parses a record; every count and length is checked against the bytes that remain. */
    public static HevcDecoderConfigurationRecord parse(byte[] data) throws WireFormatException {
        ByteCursor in = new ByteCursor(data);
        in.need("hvcC header", HEADER_BYTES + 1);
        int version = in.u8("hvcC configurationVersion");
        if (version > 1) {
            throw WireFormatException.outOfRange("hvcC configurationVersion", version,
                    "must be 1 (0 in some early files)");
        }
        int general = in.u8("hvcC general_profile_space/tier/profile_idc");
        long compatibility = in.u32("hvcC general_profile_compatibility_flags") & 0xFFFF_FFFFL;
        in.skip("hvcC general_constraint_indicator_flags", 6);
        int level = in.u8("hvcC general_level_idc");
        in.skip("hvcC min_spatial_segmentation_idc", 2);
        in.u8("hvcC parallelismType");
        int chroma = in.u8("hvcC chromaFormat") & 0x03;
        int lumaMinus8 = in.u8("hvcC bitDepthLumaMinus8") & 0x07;
        int chromaMinus8 = in.u8("hvcC bitDepthChromaMinus8") & 0x07;
        in.skip("hvcC avgFrameRate", 2);
        int lengthSizeMinusOne = in.u8("hvcC lengthSizeMinusOne") & 0x03;
        if (lengthSizeMinusOne == 2) {
            throw WireFormatException.outOfRange("hvcC lengthSizeMinusOne", 2,
                    "must be 0, 1 or 3 (NAL unit lengths of 1, 2 or 4 bytes)");
        }
        int arrayCount = in.u8("hvcC numOfArrays");
        if (arrayCount > MAX_ARRAYS) {
            throw WireFormatException.outOfRange("hvcC numOfArrays", arrayCount,
                    "at most " + MAX_ARRAYS + " (one per NAL unit type)");
        }
        // Each array takes at least its type byte and its two-byte count.
        in.need("hvcC arrays", 3L * arrayCount);
        List<NalArray> arrays = new ArrayList<>(arrayCount);
        for (int a = 0; a < arrayCount; a++) {
            int head = in.u8("hvcC NAL_unit_type");
            int units = in.u16("hvcC numNalus");
            // Each unit takes at least its two-byte length.
            in.need("hvcC nalUnitLengths", 2L * units);
            List<byte[]> list = new ArrayList<>(units);
            for (int u = 0; u < units; u++) {
                int length = in.u16("hvcC nalUnitLength");
                if (length == 0) {
                    throw WireFormatException.outOfRange("hvcC nalUnitLength", 0, "a NAL unit is never empty");
                }
                if (length > in.remaining()) {
                    throw WireFormatException.truncated("hvcC nalUnitLength", length, in.remaining());
                }
                list.add(in.bytes("hvcC nalUnit", length));
            }
            arrays.add(new NalArray((head & 0x80) != 0, head & 0x3F, list));
        }
        return new HevcDecoderConfigurationRecord(version, general >> 6, (general & 0x20) != 0, general & 0x1F,
                compatibility, level, chroma, lumaMinus8 + 8, chromaMinus8 + 8, lengthSizeMinusOne + 1, arrays);
    }

    /** The profile name of ITU-T H.265 Annex A, e.g. "Main 10", or "Profile n". */
    public String profileName() {
        int idc = profileIdc;
        if (idc == 0) {
            // Some encoders leave the idc 0 and set only the compatibility flag (bit j for profile j).
            for (int j = 1; j < 32 && idc == 0; j++) {
                if ((compatibilityFlags & (1L << (31 - j))) != 0) {
                    idc = j;
                }
            }
        }
        return switch (idc) {
            case 1 -> "Main";
            case 2 -> "Main 10";
            case 3 -> "Main Still Picture";
            case 4 -> "Rext";
            case 5 -> "High Throughput 4:4:4";
            case 9 -> "Screen Content";
            default -> "Profile " + idc;
        };
    }

    /** The level as written in ITU-T H.265 Table A.8, e.g. "3.1" or "5", with "High tier" when set. */
    public String level() {
        int major = levelIdc / 30;
        int minor = (levelIdc % 30) / 3;
        return (minor == 0 ? Integer.toString(major) : major + "." + minor) + (highTier ? " High tier" : "");
    }

    /** The units of the first array of {@code nalUnitType}, or none. */
    public List<byte[]> units(int nalUnitType) {
        for (NalArray a : arrays) {
            if (a.nalUnitType() == nalUnitType) {
                return a.units();
            }
        }
        return List.of();
    }
}
