package org.netstreamfx.capture.encode;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * A {@link VideoEncoder} whose pictures go through an {@link EncoderLoop}: the subclass opens and
 * sets up its libavcodec context, then hands it over with {@link #run}; encoding, keyframe
 * requests, flushing and closing are the loop's.
 */
abstract class LoopVideoEncoder implements VideoEncoder {
    private EncoderLoop loop;

    /** Called once, at the end of the subclass's constructor. */
    final void run(EncoderLoop opened) {
        loop = opened;
    }

    /** Makes the next picture a keyframe (an IDR picture for H.264). Safe from any thread. */
    @Override
    public final void requestKeyframe() {
        loop.requestKeyframe();
    }

    /**
     * Encodes one BGRA picture (rows {@code strideBytes} apart, from the buffer's position) taken at
     * {@code captureTimeUs}, which must be later than the previous picture's. Returns the access
     * units it completes: one per picture without B-frames.
     */
    @Override
    public final List<EncodedPacket> encodeBgra(ByteBuffer pixels, int strideBytes, long captureTimeUs)
            throws EncoderException {
        return loop.encodeBgra(pixels, strideBytes, captureTimeUs);
    }

    /**
     * Encodes one packed YUV 4:2:0 picture (Y plane, then U, then V, no padding; BT.601 limited
     * range) taken at {@code captureTimeUs}.
     */
    @Override
    public final List<EncodedPacket> encodeYuv420p(ByteBuffer planes, long captureTimeUs) throws EncoderException {
        return loop.encodeYuv420p(planes, captureTimeUs);
    }

    /** End of stream: the access units the encoder still holds. The encoder takes no more pictures. */
    @Override
    public final List<EncodedPacket> flush() throws EncoderException {
        return loop.flush();
    }

    @Override
    public final void close() {
        loop.close();
    }
}
