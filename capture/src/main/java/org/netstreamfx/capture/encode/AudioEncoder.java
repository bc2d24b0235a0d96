package org.netstreamfx.capture.encode;

import java.util.List;
import org.netstreamfx.player.publish.FeedCodec;

/**
 * An audio encoder a microphone feed drives: interleaved 16-bit PCM in, one packet per codec frame
 * out, stamped on the capture clock, plus the header a subscriber needs first (AAC's
 * AudioSpecificConfig, Opus's ID header). {@link AacEncoder} and {@link OpusEncoder}.
 *
 * <p>Thread ownership: one thread at a time.
 */
public interface AudioEncoder extends AutoCloseable {
    /** AAC or OPUS. */
    FeedCodec codec();

    /** The sequence header's payload: AudioSpecificConfig or OpusHead. */
    byte[] decoderConfig();

    /**
     * Encodes {@code length} interleaved samples from {@code pcm[offset]}; {@code captureTimeUs}
     * is the first sample's capture time (only the first call's anchors the stream).
     */
    List<EncodedPacket> encode(short[] pcm, int offset, int length, long captureTimeUs) throws EncoderException;

    /** End of stream: what the encoder still holds. */
    List<EncodedPacket> flush() throws EncoderException;

    @Override
    void close();
}
