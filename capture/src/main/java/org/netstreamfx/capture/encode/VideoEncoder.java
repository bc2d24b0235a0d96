package org.netstreamfx.capture.encode;

import java.nio.ByteBuffer;
import java.util.List;
import org.netstreamfx.player.publish.FeedCodec;

/**
 * A video encoder a camera feed drives, whatever the codec: pictures stamped with their capture
 * time (µs) in, access units out in the form the codec travels in RTMP/FLV (H.264/HEVC:
 * length-prefixed NAL units; AV1: OBUs of one temporal unit; VP9: frames), plus the configuration
 * record a subscriber needs first (avcC, hvcC, av1C, vpcC). {@link H264Encoder} for software
 * H.264, {@link FfmpegVideoEncoder} for the rest; {@link VideoEncoders} picks one.
 *
 * <p>Thread ownership: one thread at a time, except {@link #requestKeyframe()}.
 */
public interface VideoEncoder extends AutoCloseable {
    FeedCodec codec();

    /** FFmpeg's name of the encoder in use: "libopenh264", "libsvtav1", "hevc_nvenc". */
    String encoderName();

    /** Whether it runs on a GPU or media engine. */
    boolean hardware();

    /** Size, rate, bit rate and keyframe interval it was opened with. */
    H264Settings settings();

    /** The configuration record for the sequence header / SequenceStart. */
    byte[] decoderConfig();

    /** Encodes one BGRA picture whose rows are {@code strideBytes} apart. */
    List<EncodedPacket> encodeBgra(ByteBuffer pixels, int strideBytes, long captureTimeUs) throws EncoderException;

    /** Encodes one packed YUV 4:2:0 picture. */
    List<EncodedPacket> encodeYuv420p(ByteBuffer planes, long captureTimeUs) throws EncoderException;

    /** End of stream: the access units the encoder still holds. */
    List<EncodedPacket> flush() throws EncoderException;

    /** Makes the next picture a keyframe; safe from any thread. */
    void requestKeyframe();

    @Override
    void close();
}
