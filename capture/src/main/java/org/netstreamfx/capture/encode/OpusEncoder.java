package org.netstreamfx.capture.encode;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;

import org.netstreamfx.player.publish.FeedCodec;

/**
 * Opus encoding with libopus (in the default LGPL natives) at 48 kHz, the rate Opus always runs
 * at: interleaved 16-bit PCM in, one Opus packet per 20 ms (960 samples) out, plus the ID header
 * "OpusHead" (RFC 7845 5.1: version, channels, pre-skip, input rate, gain, mapping family 0) that
 * Enhanced RTMP sends as the Opus SequenceStart. Timestamps as in {@link FfmpegAudioEncoder}; the
 * pre-skip (312 samples, 6.5 ms) is the priming.
 *
 * <p>Thread ownership: one thread at a time.
 */
public final class OpusEncoder extends FfmpegAudioEncoder {
    /** The one sample rate this encoder takes (Opus's own). */
    public static final int SAMPLE_RATE_HZ = 48_000;
    /** libopus's name in FFmpeg. */
    public static final String LIBOPUS = "libopus";
    /** An OpusHead with mapping family 0 is 19 bytes (RFC 7845 5.1). */
    public static final int OPUS_HEAD_BYTES = 19;
    private static final int MAX_FRAME_SAMPLES = 5760;

    public OpusEncoder(AacSettings settings) throws EncoderException {
        super(LIBOPUS, "the Opus encoder", requireRate(settings), AV_SAMPLE_FMT_FLT, -1,
                (frameSize, headerBytes) -> frameSize > 0 && frameSize <= MAX_FRAME_SAMPLES
                        && headerBytes >= OPUS_HEAD_BYTES ? null
                        : "libopus opened with frame size " + frameSize + " and a " + headerBytes
                        + "-byte header; Opus needs 1..5760 samples and a 19-byte OpusHead");
    }

    private static AacSettings requireRate(AacSettings s) throws EncoderException {
        if (s.sampleRateHz() != SAMPLE_RATE_HZ) {
            throw new EncoderException("Opus is published at 48000 Hz, not " + s.sampleRateHz() + " Hz");
        }
        return s;
    }

    @Override
    public FeedCodec codec() {
        return FeedCodec.OPUS;
    }
}
