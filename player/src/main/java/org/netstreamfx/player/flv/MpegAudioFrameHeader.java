package org.netstreamfx.player.flv;

import org.netstreamfx.player.wire.WireFormatException;

/**
 * The 4-byte header of an MPEG-1/2/2.5 audio frame (ISO 11172-3 section 2.4.2.3): Enhanced RTMP
 * v2 MP3 (".mp3") has no SequenceStart, so the player takes the sample rate and channels from
 * the first coded frame, as the legacy header's flags cannot say 48 kHz.
 *
 * @param sampleRateHz    the sample rate
 * @param channels        1 for single channel, else 2
 * @param samplesPerFrame 384 (layer I), 1152 (layer II, MPEG-1 layer III) or 576 (MPEG-2/2.5 layer III)
 */
public record MpegAudioFrameHeader(int sampleRateHz, int channels, int samplesPerFrame) {
    private static final int SYNC = 0x7FF;
    /** MPEG-1 rates per sampling frequency index; MPEG-2 halves them, MPEG-2.5 quarters them. */
    private static final int[] MPEG1_RATES = {44_100, 48_000, 32_000};
    private static final int RESERVED_RATE = 3;
    /** Version field values (0 is MPEG-2.5). */
    private static final int VERSION_1 = 3;
    private static final int VERSION_2 = 2;
    private static final int VERSION_RESERVED = 1;
    /** Layer field values (0 is reserved), and samples per frame. */
    private static final int LAYER_1 = 3;
    private static final int LAYER_3 = 1;
    private static final int LAYER_1_SAMPLES = 384;
    private static final int HALF_RATE_LAYER_3_SAMPLES = 576;
    private static final int SAMPLES = 1152;
    /** Channel mode 3 is single channel; the others are two channels. */
    private static final int MONO = 3;

    /**
     * Parses the frame header at the start of {@code frame}; a wrong sync, a reserved version,
     * layer or sampling frequency throws.
     */
    public static MpegAudioFrameHeader parse(byte[] frame) throws WireFormatException {
        BitReader in = BitReader.synced(frame, "MPEG audio sync", 11, SYNC);
        int version = in.bits("MPEG audio version", 2);
        int layer = in.bits("MPEG audio layer", 2);
        if (version == VERSION_RESERVED || layer == 0) {
            throw WireFormatException.outOfRange("MPEG audio version/layer", version << 2 | layer, "reserved");
        }
        in.bits("MPEG audio protection", 1);
        in.bits("MPEG audio bitrate index", 4);
        int rateIndex = in.bits("MPEG audio sampling frequency", 2);
        if (rateIndex == RESERVED_RATE) {
            throw WireFormatException.outOfRange("MPEG audio sampling frequency", rateIndex, "3 is reserved");
        }
        in.bits("MPEG audio padding and private bits", 2);
        int mode = in.bits("MPEG audio channel mode", 2);
        int divisor = version == VERSION_1 ? 1 : version == VERSION_2 ? 2 : 4;
        int samples = layer == LAYER_1 ? LAYER_1_SAMPLES
                : layer == LAYER_3 && version != VERSION_1 ? HALF_RATE_LAYER_3_SAMPLES : SAMPLES;
        return new MpegAudioFrameHeader(MPEG1_RATES[rateIndex] / divisor, mode == MONO ? 1 : 2, samples);
    }
}
