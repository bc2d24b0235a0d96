package org.netstreamfx.capture.encode;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * H.264 NAL unit framing: the byte-stream format of ISO/IEC 14496-10 Annex B (start codes, as
 * encoders emit them) to the length-prefixed form of ISO/IEC 14496-15 5.3.4.2 (as FLV, RTMP and
 * MP4 carry them), and the AVCDecoderConfigurationRecord of 14496-15 5.3.3.1 built from the
 * sequence and picture parameter sets.
 */
public final class AvcNalUnits {
    /** nal_unit_type values (14496-10 Table 7-1). */
    public static final int NAL_SLICE = 1;
    public static final int NAL_IDR = 5;
    public static final int NAL_SEI = 6;
    public static final int NAL_SPS = 7;
    public static final int NAL_PPS = 8;
    public static final int NAL_AUD = 9;
    /** Length prefix size used in every packet we write (lengthSizeMinusOne = 3). */
    public static final int LENGTH_BYTES = 4;
    /** avcC stores parameter set lengths as UI16 and counts as 5 bits (SPS) and 8 bits (PPS). */
    private static final int MAX_SET_BYTES = 0xFFFF;
    private static final int MAX_SPS = 31;
    private static final int MAX_PPS = 255;
    /** profile_idc values whose SPS carries chroma_format_idc and bit depths (7.3.2.1.1). */
    private static final List<Integer> HIGH_PROFILES = List.of(100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139,
            134, 135);
    /** The avcC extension of 5.3.3.1.2 is written for these (as FFmpeg and libavformat readers expect). */
    private static final List<Integer> AVCC_EXTENSION_PROFILES = List.of(100, 110, 122, 144);

    private AvcNalUnits() {
    }

    /** The NAL units of an Annex B byte stream, without start codes or trailing zero bytes. */
    public static List<byte[]> splitAnnexB(byte[] stream, int length) {
        if (length < 0 || length > stream.length) {
            throw new IllegalArgumentException("length " + length + " outside the " + stream.length + "-byte stream");
        }
        List<byte[]> units = new ArrayList<>();
        int start = nextStart(stream, 0, length);
        while (start >= 0) {
            int payload = start + 3;
            int next = nextStart(stream, payload, length);
            int end = next < 0 ? length : next;
            while (end > payload && stream[end - 1] == 0) {
                end--; // trailing_zero_8bits, or the leading zero of a 4-byte start code
            }
            if (end > payload) {
                byte[] nal = new byte[end - payload];
                System.arraycopy(stream, payload, nal, 0, nal.length);
                units.add(nal);
            }
            start = next;
        }
        return units;
    }

    /** Index of the next 0x000001 at or after {@code from}, or -1. */
    private static int nextStart(byte[] b, int from, int length) {
        for (int i = from; i + 2 < length; i++) {
            if (b[i] == 0 && b[i + 1] == 0 && b[i + 2] == 1) {
                return i;
            }
        }
        return -1;
    }

    /** nal_unit_type: the low 5 bits of the NAL header byte. */
    public static int type(byte[] nal) {
        return nal[0] & 0x1F;
    }

    /**
     * The NAL units in AVCC form, each behind a 4-byte length, leaving out parameter sets and
     * access unit delimiters (the avcC carries the former; the latter mean nothing in a container).
     */
    public static byte[] toAvcc(List<byte[]> units) {
        return lengthPrefixed(units.stream().filter(nal -> {
            int t = type(nal);
            return t != NAL_SPS && t != NAL_PPS && t != NAL_AUD;
        }).toList());
    }

    /** NAL units each behind a 4-byte big-endian length (the AVCC / HVCC sample form). */
    static byte[] lengthPrefixed(List<byte[]> units) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] nal : units) {
            out.write(nal.length >>> 24);
            out.write(nal.length >>> 16);
            out.write(nal.length >>> 8);
            out.write(nal.length);
            out.write(nal, 0, nal.length);
        }
        return out.toByteArray();
    }

    /**
     * The avcC for an encoder's extradata: the extradata itself when it is one already (it starts
     * with configurationVersion 1), else the record built from the Annex B SPS and PPS in it.
     *
     * @throws IllegalArgumentException when it holds no usable SPS and PPS
     */
    public static byte[] avcCFromExtradata(byte[] extradata) {
        if (extradata.length > 0 && extradata[0] == 1) {
            return extradata.clone();
        }
        List<byte[]> sps = new java.util.ArrayList<>();
        List<byte[]> pps = new java.util.ArrayList<>();
        for (byte[] nal : splitAnnexB(extradata, extradata.length)) {
            if (type(nal) == NAL_SPS) {
                sps.add(nal);
            } else if (type(nal) == NAL_PPS) {
                pps.add(nal);
            }
        }
        return avcDecoderConfigurationRecord(sps, pps);
    }

    /**
     * The AVCDecoderConfigurationRecord (14496-15 5.3.3.1) for these parameter sets:
     *
     * <pre>
     * 01 | profile_idc | constraint flags | level_idc | 0xFF (lengthSizeMinusOne = 3)
     * 0xE0|numSPS | (UI16 length, SPS)... | numPPS | (UI16 length, PPS)...
     * [High profiles: 0xFC|chroma_format | 0xF8|bit_depth_luma-8 | 0xF8|bit_depth_chroma-8 | 00]
     * </pre>
     */
    public static byte[] avcDecoderConfigurationRecord(List<byte[]> sps, List<byte[]> pps) {
        if (sps.isEmpty() || pps.isEmpty()) {
            throw new IllegalArgumentException("an avcC needs at least one SPS and one PPS, got " + sps.size()
                    + " SPS and " + pps.size() + " PPS");
        }
        if (sps.size() > MAX_SPS || pps.size() > MAX_PPS) {
            throw new IllegalArgumentException("an avcC holds at most " + MAX_SPS + " SPS and " + MAX_PPS
                    + " PPS, got " + sps.size() + " and " + pps.size());
        }
        byte[] first = sps.get(0);
        if (first.length < 4) {
            throw new IllegalArgumentException("the SPS is " + first.length + " bytes, shorter than its 4-byte header");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(1);
        out.write(first[1]);
        out.write(first[2]);
        out.write(first[3]);
        out.write(0xFC | (LENGTH_BYTES - 1));
        out.write(0xE0 | sps.size());
        writeSets(out, sps, "SPS");
        out.write(pps.size());
        writeSets(out, pps, "PPS");
        int profileIdc = first[1] & 0xFF;
        if (AVCC_EXTENSION_PROFILES.contains(profileIdc)) {
            int[] chroma = chromaFormatAndBitDepths(first);
            out.write(0xFC | chroma[0]);
            out.write(0xF8 | chroma[1]);
            out.write(0xF8 | chroma[2]);
            out.write(0);
        }
        return out.toByteArray();
    }

    private static void writeSets(ByteArrayOutputStream out, List<byte[]> sets, String name) {
        for (byte[] s : sets) {
            if (s.length == 0 || s.length > MAX_SET_BYTES) {
                throw new IllegalArgumentException(name + " of " + s.length + " bytes: avcC stores 1.."
                        + MAX_SET_BYTES);
            }
            out.write(s.length >>> 8);
            out.write(s.length);
            out.write(s, 0, s.length);
        }
    }

    /**
     * chroma_format_idc, bit_depth_luma_minus8 and bit_depth_chroma_minus8 of an SPS (14496-10
     * 7.3.2.1.1); 4:2:0 at 8 bits for profiles that do not code them.
     */
    static int[] chromaFormatAndBitDepths(byte[] sps) {
        int profileIdc = sps[1] & 0xFF;
        if (!HIGH_PROFILES.contains(profileIdc)) {
            return new int[] {1, 0, 0};
        }
        ExpGolomb in = new ExpGolomb(unescape(sps), 4);
        in.ue(); // seq_parameter_set_id
        int chromaFormat = in.ue();
        if (chromaFormat == 3) {
            in.bit(); // separate_colour_plane_flag
        }
        int lumaMinus8 = in.ue();
        int chromaMinus8 = in.ue();
        if (chromaFormat > 3 || lumaMinus8 > 6 || chromaMinus8 > 6) {
            throw new IllegalArgumentException("SPS chroma_format_idc " + chromaFormat + ", bit depths "
                    + (lumaMinus8 + 8) + "/" + (chromaMinus8 + 8) + ": outside 14496-10's ranges");
        }
        return new int[] {chromaFormat, lumaMinus8, chromaMinus8};
    }

    /** Removes emulation_prevention_three_byte (0x000003 → 0x0000), 14496-10 7.4.1. */
    static byte[] unescape(byte[] nal) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(nal.length);
        int zeros = 0;
        for (byte b : nal) {
            if (zeros >= 2 && b == 3) {
                zeros = 0;
                continue;
            }
            zeros = b == 0 ? zeros + 1 : 0;
            out.write(b);
        }
        return out.toByteArray();
    }

    /** Reads ue(v) and u(1) from an RBSP (14496-10 9.1); running off the end throws. */
    private static final class ExpGolomb {
        private final byte[] data;
        private long bitPos;

        ExpGolomb(byte[] data, int startByte) {
            this.data = data;
            this.bitPos = startByte * 8L;
        }

        int bit() {
            if (bitPos >= data.length * 8L) {
                throw new IllegalArgumentException("SPS ends inside a field (" + data.length + " bytes)");
            }
            int b = (data[(int) (bitPos >>> 3)] >> (7 - (int) (bitPos & 7))) & 1;
            bitPos++;
            return b;
        }

        int ue() {
            int leadingZeros = 0;
            while (bit() == 0) {
                if (++leadingZeros > 31) {
                    throw new IllegalArgumentException("SPS has an Exp-Golomb code over 32 bits");
                }
            }
            long value = 0;
            for (int i = 0; i < leadingZeros; i++) {
                value = (value << 1) | bit();
            }
            return (int) Math.min(Integer.MAX_VALUE, (1L << leadingZeros) - 1 + value);
        }
    }
}
