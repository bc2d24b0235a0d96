package org.netstreamfx.capture.encode;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PROFILE_AAC_LOW;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;

import org.netstreamfx.player.publish.FeedCodec;

/**
 * AAC-LC encoding with FFmpeg's native {@code aac} encoder: interleaved 16-bit PCM in, raw AAC
 * access units of 1024 samples out, plus the AudioSpecificConfig (ISO/IEC 14496-3 1.6.2.1) for the
 * FLV/RTMP sequence header and the MP4 'esds'.
 *
 * <p>Timestamps come from the sample count (see {@link FfmpegAudioEncoder}); the first frame
 * holds the encoder's priming ({@link #primingSamples()}, 1024 samples of silence, which FLV
 * cannot signal), so decoded audio runs about 23 ms behind the capture clock, the same for the
 * whole stream.
 *
 * <p>Thread ownership: one thread at a time (the capture pipeline's audio encoder thread).
 */
public final class AacEncoder extends FfmpegAudioEncoder {
    /** AAC-LC frame length in samples per channel. */
    public static final int FRAME_SAMPLES = 1024;
    private static final int MIN_CONFIG_BYTES = 2;

    public AacEncoder(AacSettings settings) throws EncoderException {
        super("aac", "the AAC encoder", settings, AV_SAMPLE_FMT_FLTP, AV_PROFILE_AAC_LOW,
                (frameSize, headerBytes) -> frameSize == FRAME_SAMPLES && headerBytes >= MIN_CONFIG_BYTES ? null
                        : "the AAC encoder opened with frame size " + frameSize + " and " + headerBytes
                        + " bytes of AudioSpecificConfig; AAC-LC needs 1024 and at least 2");
    }

    @Override
    public FeedCodec codec() {
        return FeedCodec.AAC;
    }

    /** The AudioSpecificConfig (2 bytes for AAC-LC: object type 2, rate index, channels). */
    public byte[] audioSpecificConfig() {
        return decoderConfig();
    }
}
