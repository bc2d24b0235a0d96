package org.netstreamfx.capture.encode;

import java.io.ByteArrayOutputStream;

/**
 * AV1 in RTMP/FLV: the AV1CodecConfigurationRecord "av1C" (AV1 Codec ISO Media File Format
 * Binding 2.3.3) an Enhanced RTMP SequenceStart carries:
 *
 * <pre>
 * 81 (marker 1, version 1) | seq_profile(3) seq_level_idx_0(5)
 * seq_tier_0(1) high_bitdepth(1) twelve_bit(1) monochrome(1) subsampling_x(1) subsampling_y(1)
 *   chroma_sample_position(2) | 00 (no initial presentation delay) | configOBUs: the sequence header OBU
 * </pre>
 *
 * libaom writes the av1C itself as its extradata; libsvtav1 writes the bare sequence header OBU,
 * from which the profile, level and tier of operating point 0 are read (AV1 5.5.1). The colour
 * fields are those of the 8-bit 4:2:0 pictures the encoders here are fed (a decoder takes the
 * real ones from the sequence header that follows).
 */
public final class Av1ConfigRecord {
    /** marker 1, version 1: how an av1C begins. */
    public static final int MARKER_VERSION = 0x81;
    public static final int OBU_SEQUENCE_HEADER = 1;
    private static final int LEB128_MAX_BYTES = 8;
    private static final int LEVEL_WITH_TIER = 7;
    private static final int SUBSAMPLED_420 = 0x0C;

    private Av1ConfigRecord() {
    }

    /**
     * The av1C for an encoder's extradata: itself when it is one, else built around the sequence
     * header OBU found in it.
     *
     * @throws IllegalArgumentException when there is no sequence header OBU or it is cut short
     */
    public static byte[] fromExtradata(byte[] extradata) {
        if (extradata.length >= 4 && (extradata[0] & 0xFF) == MARKER_VERSION) {
            return extradata.clone();
        }
        int at = 0;
        while (at < extradata.length) {
            int header = extradata[at] & 0xFF;
            int type = (header >> 3) & 0xF;
            boolean extension = (header & 0x4) != 0;
            if ((header & 0x2) == 0) {
                throw new IllegalArgumentException("an OBU in the extradata has no size field");
            }
            int sizeAt = at + 1 + (extension ? 1 : 0);
            long[] size = leb128(extradata, sizeAt);
            int payloadAt = sizeAt + (int) size[1];
            int end = payloadAt + (int) size[0];
            if (end > extradata.length) {
                throw new IllegalArgumentException("an OBU of " + size[0] + " bytes runs past the extradata's end");
            }
            if (type == OBU_SEQUENCE_HEADER) {
                byte[] payload = java.util.Arrays.copyOfRange(extradata, payloadAt, end);
                byte[] obu = java.util.Arrays.copyOfRange(extradata, at, end);
                return record(payload, obu);
            }
            at = end;
        }
        throw new IllegalArgumentException("the extradata (" + extradata.length + " bytes) has no sequence header OBU");
    }

    /** {value, bytes read} of the leb128 at {@code at}. */
    private static long[] leb128(byte[] b, int at) {
        long value = 0;
        for (int i = 0; i < LEB128_MAX_BYTES; i++) {
            if (at + i >= b.length) {
                throw new IllegalArgumentException("an OBU size runs past the extradata's end");
            }
            value |= (long) (b[at + i] & 0x7F) << (7 * i);
            if ((b[at + i] & 0x80) == 0) {
                return new long[] {value, i + 1};
            }
        }
        throw new IllegalArgumentException("an OBU size is longer than 8 bytes");
    }

    private static byte[] record(byte[] sequenceHeader, byte[] obu) {
        Bits b = new Bits(sequenceHeader);
        int profile = (int) b.read("seq_profile", 3);
        b.bit("still_picture");
        int level;
        int tier = 0;
        if (b.bit("reduced_still_picture_header") == 1) {
            level = (int) b.read("seq_level_idx[0]", 5);
        } else {
            boolean decoderModel = false;
            if (b.bit("timing_info_present_flag") == 1) {
                b.skip("num_units_in_display_tick, time_scale", 64);
                if (b.bit("equal_picture_interval") == 1) {
                    b.expGolomb("num_ticks_per_picture_minus_1");
                }
                decoderModel = b.bit("decoder_model_info_present_flag") == 1;
                if (decoderModel) {
                    b.skip("decoder_model_info", 5 + 32 + 5 + 5);
                }
            }
            b.bit("initial_display_delay_present_flag");
            b.read("operating_points_cnt_minus_1", 5);
            b.read("operating_point_idc[0]", 12);
            level = (int) b.read("seq_level_idx[0]", 5);
            if (level > LEVEL_WITH_TIER) {
                tier = b.bit("seq_tier[0]");
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(4 + obu.length);
        out.write(MARKER_VERSION);
        out.write((profile << 5) | level);
        out.write((tier << 7) | SUBSAMPLED_420);
        out.write(0);
        out.write(obu, 0, obu.length);
        return out.toByteArray();
    }
}
