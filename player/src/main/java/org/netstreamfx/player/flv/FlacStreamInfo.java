package org.netstreamfx.player.flv;

import org.netstreamfx.player.wire.WireFormatException;

/**
 * FLAC's STREAMINFO metadata block (FLAC format, RFC 9639 section 8.2), the payload of a FLAC
 * SequenceStart in Enhanced RTMP v2: either the bare 34-byte block (what FFmpeg writes) or the
 * "fLaC" marker, a metadata block header and the block. FFmpeg's FLAC decoder accepts both forms
 * as extradata; the player reads the rate, channels and block size from it.
 *
 * @param maxBlockSize  the largest block in samples (the packet duration the player assumes)
 * @param sampleRateHz  the sample rate
 * @param channels      the channel count (1 to 8)
 * @param bitsPerSample the sample depth (4 to 32)
 */
public record FlacStreamInfo(int maxBlockSize, int sampleRateHz, int channels, int bitsPerSample) {
    /** The size of the STREAMINFO block without header. */
    public static final int BLOCK_SIZE = 34;
    /** "fLaC" plus the 4-byte metadata block header. */
    private static final int FULL_HEADER_SKIP = 8;
    private static final int MARKER = 0x664C6143; // "fLaC"

    /** Parses either form of the header. */
    public static FlacStreamInfo parse(byte[] data) throws WireFormatException {
        BitReader in = new BitReader(block(data));
        in.bits("FLAC minimum block size", 16);
        int maxBlock = in.bits("FLAC maximum block size", 16);
        in.bits("FLAC minimum frame size", 24);
        in.bits("FLAC maximum frame size", 24);
        int rate = in.bits("FLAC sample rate", 20);
        int channels = in.bits("FLAC channels", 3) + 1;
        int bits = in.bits("FLAC bits per sample", 5) + 1;
        if (rate == 0) {
            throw WireFormatException.outOfRange("FLAC sample rate", 0, "must not be 0 in STREAMINFO");
        }
        return new FlacStreamInfo(maxBlock, rate, channels, bits);
    }

    /**
     * The bare 34-byte block of either form: what an enhanced FLV's SequenceStart holds as FFmpeg
     * writes it, and the only form MP4's 'dfLa' is written from (FFmpeg's Matroska demuxer hands
     * over the marked form).
     */
    public static byte[] block(byte[] data) throws WireFormatException {
        int start = 0;
        if (data.length >= 4 && ((data[0] & 0xFF) << 24 | (data[1] & 0xFF) << 16 | (data[2] & 0xFF) << 8
                | (data[3] & 0xFF)) == MARKER) {
            start = FULL_HEADER_SKIP;
        }
        if (data.length - start < BLOCK_SIZE) {
            throw WireFormatException.truncated("FLAC STREAMINFO", start + BLOCK_SIZE, data.length);
        }
        return java.util.Arrays.copyOfRange(data, start, start + BLOCK_SIZE);
    }
}
