package org.netstreamfx.player.flv;

import java.util.ArrayList;
import java.util.List;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * An AVCDecoderConfigurationRecord (ISO/IEC 14496-15, 5.3.3.1), the body of an AVC sequence
 * header: version 1, profile, compatibility and level, NAL unit length size and the SPS and PPS
 * NAL units. Bytes after the PPS (the High-profile chroma/bit-depth extension) are not read.
 *
 * @param lengthSize bytes of each NAL unit length prefix in coded frames: 1, 2 or 4
 */
public record AvcDecoderConfigurationRecord(int version, int profileIndication, int profileCompatibility,
        int levelIndication, int lengthSize, List<byte[]> sequenceParameterSets,
        List<byte[]> pictureParameterSets) {

    public AvcDecoderConfigurationRecord {
        sequenceParameterSets = copy(sequenceParameterSets);
        pictureParameterSets = copy(pictureParameterSets);
    }

    @Override
    public List<byte[]> sequenceParameterSets() {
        return copy(sequenceParameterSets);
    }

    @Override
    public List<byte[]> pictureParameterSets() {
        return copy(pictureParameterSets);
    }

    private static List<byte[]> copy(List<byte[]> sets) {
        List<byte[]> out = new ArrayList<>(sets.size());
        for (byte[] s : sets) {
            out.add(s.clone());
        }
        return List.copyOf(out);
    }

    /** Parses a record; every count and length is checked against the bytes that remain. */
    public static AvcDecoderConfigurationRecord parse(byte[] data) throws WireFormatException {
        ByteCursor in = new ByteCursor(data);
        int version = in.u8("avcC configurationVersion");
        if (version != 1) {
            throw WireFormatException.outOfRange("avcC configurationVersion", version, "must be 1");
        }
        int profile = in.u8("avcC AVCProfileIndication");
        int compatibility = in.u8("avcC profile_compatibility");
        int level = in.u8("avcC AVCLevelIndication");
        int lengthSizeMinusOne = in.u8("avcC lengthSizeMinusOne") & 0x03;
        if (lengthSizeMinusOne == 2) {
            throw WireFormatException.outOfRange("avcC lengthSizeMinusOne", 2,
                    "must be 0, 1 or 3 (NAL unit lengths of 1, 2 or 4 bytes)");
        }
        int spsCount = in.u8("avcC numOfSequenceParameterSets") & 0x1F;
        if (spsCount == 0) {
            throw WireFormatException.outOfRange("avcC numOfSequenceParameterSets", 0,
                    "a decoder needs at least one sequence parameter set");
        }
        List<byte[]> sps = readSets(in, spsCount, "avcC sequenceParameterSetLength");
        int ppsCount = in.u8("avcC numOfPictureParameterSets");
        if (ppsCount == 0) {
            throw WireFormatException.outOfRange("avcC numOfPictureParameterSets", 0,
                    "a decoder needs at least one picture parameter set");
        }
        List<byte[]> pps = readSets(in, ppsCount, "avcC pictureParameterSetLength");
        return new AvcDecoderConfigurationRecord(version, profile, compatibility, level, lengthSizeMinusOne + 1,
                sps, pps);
    }

    private static List<byte[]> readSets(ByteCursor in, int count, String lengthField) throws WireFormatException {
        // Each set takes at least its two-byte length.
        in.need(lengthField + "s", 2L * count);
        List<byte[]> sets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int length = in.u16(lengthField);
            if (length == 0) {
                throw WireFormatException.outOfRange(lengthField, 0, "a parameter set NAL unit is never empty");
            }
            if (length > in.remaining()) {
                throw WireFormatException.truncated(lengthField, length, in.remaining());
            }
            sets.add(in.bytes(lengthField, length));
        }
        return sets;
    }

    /** The profile name of ISO/IEC 14496-10 Annex A, e.g. "High", or "Profile n". */
    public String profileName() {
        return switch (profileIndication) {
            case 66 -> (profileCompatibility & 0x40) != 0 ? "Constrained Baseline" : "Baseline";
            case 77 -> "Main";
            case 88 -> "Extended";
            case 100 -> "High";
            case 110 -> "High 10";
            case 122 -> "High 4:2:2";
            case 244 -> "High 4:4:4 Predictive";
            case 44 -> "CAVLC 4:4:4 Intra";
            case 83 -> "Scalable Baseline";
            case 86 -> "Scalable High";
            case 118 -> "Multiview High";
            case 128 -> "Stereo High";
            default -> "Profile " + profileIndication;
        };
    }

    /** The level as written in ISO/IEC 14496-10 Table A-1, e.g. "3.1", "4.0" or "1b". */
    public String level() {
        if (levelIndication == 9 || (levelIndication == 11 && (profileCompatibility & 0x10) != 0
                && (profileIndication == 66 || profileIndication == 77 || profileIndication == 88))) {
            return "1b";
        }
        return (levelIndication / 10) + "." + (levelIndication % 10);
    }
}
