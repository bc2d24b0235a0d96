package org.netstreamfx.capture.encode;

import java.nio.ByteBuffer;

/**
 * VP9 in RTMP/FLV: the VP codec configuration an Enhanced RTMP SequenceStart carries ("VP Codec
 * ISO Media File Format Binding", vpcC version 1), with its FullBox version and flags before the
 * record, as FFmpeg's FLV muxer writes it:
 *
 * <pre>
 * 01 000000 (version 1, flags 0) | profile | level | bitDepth(4) chromaSubsampling(3) fullRange(1)
 * colourPrimaries | transferCharacteristics | matrixCoefficients | codecInitializationDataSize 0000
 * </pre>
 *
 * libvpx has no extradata, so the record is built from what the encoder was opened with: profile
 * 0 (8-bit 4:2:0), 4:2:0 with chroma co-sited with luma horizontally, limited range, BT.601
 * (SMPTE 170M) colours as {@link PictureInput} converts, and the level the size and rate need
 * (VP9 levels table).
 */
public final class VpConfigRecord {
    private static final int VERSION = 1;
    private static final int BIT_DEPTH = 8;
    private static final int CHROMA_420_COLOCATED = 1;
    private static final int SMPTE_170M = 6;
    private static final int RECORD_BYTES = 12;
    /** {level, max luma picture size, max luma sample rate}, VP9 levels 1 to 6.2. */
    private static final long[][] LEVELS = {
        {10, 36_864, 829_440}, {11, 73_728, 2_764_800}, {20, 122_880, 4_608_000}, {21, 245_760, 9_216_000},
        {30, 552_960, 20_736_000}, {31, 983_040, 36_864_000}, {40, 2_228_224, 83_558_400},
        {41, 2_228_224, 160_432_128}, {50, 8_912_896, 311_951_360}, {51, 8_912_896, 588_251_136},
        {52, 8_912_896, 1_176_502_272}, {60, 35_651_584, 1_176_502_272}, {61, 35_651_584, 2_353_004_544L},
        {62, 35_651_584, 4_706_009_088L},
    };

    private VpConfigRecord() {
    }

    /** The record for profile 0 VP9 pictures of this size and rate. */
    public static byte[] vp9(int width, int height, int frameRate) {
        return ByteBuffer.allocate(RECORD_BYTES).put((byte) VERSION).put((byte) 0).put((byte) 0).put((byte) 0)
                .put((byte) 0).put((byte) level(width, height, frameRate))
                .put((byte) ((BIT_DEPTH << 4) | (CHROMA_420_COLOCATED << 1)))
                .put((byte) SMPTE_170M).put((byte) SMPTE_170M).put((byte) SMPTE_170M).putShort((short) 0).array();
    }

    /** The lowest VP9 level whose picture size and sample rate fit. */
    static int level(int width, int height, int frameRate) {
        long size = (long) width * height;
        long rate = size * frameRate;
        for (long[] l : LEVELS) {
            if (size <= l[1] && rate <= l[2]) {
                return (int) l[0];
            }
        }
        return (int) LEVELS[LEVELS.length - 1][0];
    }
}
