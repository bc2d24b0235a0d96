package org.netstreamfx.player.flv;

import java.util.Optional;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * The header at the start of an FLV video tag body or RTMP video message: the legacy VIDEODATA
 * header (FLV/F4V spec v10.1, annex E.4.3.1: FrameType, CodecID and, for AVC and HEVC,
 * AVCPacketType and an SI24 CompositionTime) or, when the top bit is set, the Enhanced RTMP
 * v1/v2 ExVideoTagHeader (FrameType, VideoPacketType, optional ModEx chain and multitrack
 * header, FourCC, and an SI24 CompositionTime only for CodedFrames of avc1 and hvc1).
 *
 * <p>When {@code frameType} is {@link VideoFrameType#COMMAND}, the payload is a one-byte video
 * command (0 = start of client-side seeking, 1 = end) and {@code codec} is the legacy CodecID,
 * or {@link VideoCodec#NONE} for Enhanced RTMP.
 *
 * @param compositionTimeMs presentation minus decoding time in ms, 0 where the format has none
 * @param exHeader true for an Enhanced RTMP header
 * @param multitrack present for an Enhanced RTMP Multitrack packet: {@code packetType} is then
 *     the tracks' packet type, {@code codec} the (first) track's, and the payload starts at the
 *     track loop (after the FourCC unless the tracks have many codecs)
 * @param timestampOffsetNanos the ModEx TimestampOffsetNano, 0 when absent
 * @param unknownModExTypes how many ModEx entries were of a type not known here (skipped)
 * @param payloadOffset offset in the body of the first byte after this header
 */
public record VideoTagHeader(VideoFrameType frameType, VideoCodec codec, VideoPacketType packetType,
        int compositionTimeMs, boolean exHeader, Optional<AvMultitrackType> multitrack,
        int timestampOffsetNanos, int unknownModExTypes, int payloadOffset) {

    /** A header whose ModEx chain, if any, held only known types. */
    public VideoTagHeader(VideoFrameType frameType, VideoCodec codec, VideoPacketType packetType,
            int compositionTimeMs, boolean exHeader, Optional<AvMultitrackType> multitrack,
            int timestampOffsetNanos, int payloadOffset) {
        this(frameType, codec, packetType, compositionTimeMs, exHeader, multitrack, timestampOffsetNanos, 0,
                payloadOffset);
    }

    /** True for a frame a decoder can start from. */
    public boolean isKeyFrame() {
        return frameType == VideoFrameType.KEY || frameType == VideoFrameType.GENERATED_KEY;
    }

    /** Parses the header at the start of {@code body}. */
    public static VideoTagHeader parse(byte[] body) throws WireFormatException {
        ByteCursor in = new ByteCursor(body);
        int first = in.u8("FLV video tag header");
        if ((first & 0x80) != 0) {
            return parseExtended(in, first);
        }
        VideoFrameType frameType = VideoFrameType.of(first >>> 4);
        VideoCodec codec = VideoCodec.ofLegacyId(first & 0x0F);
        if (frameType == VideoFrameType.COMMAND) {
            return legacy(frameType, codec, VideoPacketType.CODED_FRAMES, 0, in);
        }
        if (codec != VideoCodec.AVC && codec != VideoCodec.HEVC) {
            return legacy(frameType, codec, VideoPacketType.CODED_FRAMES, 0, in);
        }
        int avcPacketType = in.u8("FLV AVCPacketType");
        if (avcPacketType > 2) {
            throw WireFormatException.outOfRange("FLV AVCPacketType", avcPacketType, "must be 0, 1 or 2");
        }
        int compositionTime = in.s24("FLV CompositionTime");
        return legacy(frameType, codec, VideoPacketType.of(avcPacketType), compositionTime, in);
    }

    private static VideoTagHeader legacy(VideoFrameType frameType, VideoCodec codec, VideoPacketType packetType,
            int compositionTime, ByteCursor in) {
        return new VideoTagHeader(frameType, codec, packetType, compositionTime, false, Optional.empty(), 0, 0,
                in.position());
    }

    private static VideoTagHeader parseExtended(ByteCursor in, int first) throws WireFormatException {
        VideoFrameType frameType = VideoFrameType.of((first >>> 4) & 0x07);
        ModEx.Result modEx = ModEx.read(in, first & 0x0F, "E-RTMP video");
        VideoPacketType packetType = VideoPacketType.of(modEx.packetType());
        int nanos = modEx.timestampOffsetNanos();
        int unknown = modEx.unknownTypes();
        if (packetType != VideoPacketType.METADATA && frameType == VideoFrameType.COMMAND) {
            return new VideoTagHeader(frameType, VideoCodec.NONE, packetType, 0, true, Optional.empty(), nanos, unknown,
                    in.position());
        }
        if (packetType == VideoPacketType.MULTITRACK) {
            int b = in.u8("E-RTMP videoMultitrackType");
            AvMultitrackType mt = AvMultitrackType.of("E-RTMP videoMultitrackType", b >>> 4);
            VideoPacketType inner = VideoPacketType.of(b & 0x0F);
            if (inner == VideoPacketType.MULTITRACK) {
                throw WireFormatException.outOfRange("E-RTMP VideoPacketType", b & 0x0F,
                        "a multitrack packet cannot contain another multitrack packet");
            }
            int start = in.position();
            VideoCodec codec = VideoCodec.ofFourCc(in.u32("E-RTMP video FourCC"));
            int payload = mt == AvMultitrackType.MANY_TRACKS_MANY_CODECS ? start : in.position();
            return new VideoTagHeader(frameType, codec, inner, 0, true, Optional.of(mt), nanos, unknown, payload);
        }
        VideoCodec codec = VideoCodec.ofFourCc(in.u32("E-RTMP video FourCC"));
        int compositionTime = 0;
        if (packetType == VideoPacketType.CODED_FRAMES && (codec == VideoCodec.AVC || codec == VideoCodec.HEVC)) {
            compositionTime = in.s24("E-RTMP video CompositionTime");
        }
        return new VideoTagHeader(frameType, codec, packetType, compositionTime, true, Optional.empty(), nanos, unknown,
                in.position());
    }
}
