package org.netstreamfx.player.flv;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Enhanced RTMP v2 video and audio tag bodies (veovera enhanced-rtmp-v2, "Enhanced Video" and
 * "Enhanced Audio"), single track, no ModEx: the same bodies in an RTMP message and in an
 * enhanced FLV file's tag. Codec-neutral: the codec is its FourCC, so the publisher (its feed
 * codecs) and the FLV recorder (the engine's codecs) build the same bytes.
 *
 * <pre>
 * video  1 FFF PPPP  fourCc(4)  [SI24 composition time]  payload
 *        IsExHeader, FrameType (1 key, 2 inter), VideoPacketType:
 *        0 SequenceStart (configuration record), 1 CodedFrames, 2 SequenceEnd,
 *        3 CodedFramesX (composition time 0, not sent). The SI24 is there only in an
 *        AVC/HEVC/VVC CodedFrames; AV1 and VP9 frames carry none.
 * audio  1001 PPPP  fourCc(4)  payload
 *        SoundFormat 9 (ExHeader), AudioPacketType: 0 SequenceStart, 1 CodedFrames, 2 SequenceEnd.
 * </pre>
 *
 * The {@code *Prefix} methods give the bytes before the payload, for writers that write prefix
 * and payload without joining them ({@link FlvFileWriter#writeTag}).
 */
public final class EnhancedTagBodies {
    /** The video tag's first bit: an ExVideoTagHeader follows. */
    /** The top bit of an Enhanced RTMP header's first byte. */
    public static final int IS_EX_HEADER = 0x80;
    private static final int FOURCC_CHARS = 4;
    /** The first byte (flags and packet type) and the FourCC. */
    private static final int HEADER_BYTES = 1 + FOURCC_CHARS;
    private static final int COMPOSITION_TIME_BYTES = 3;

    private EnhancedTagBodies() {
    }

    /** A FourCC's text ("av01") as the big-endian UI32 the Ex headers carry. */
    public static int fourCcValue(String fourCc) {
        byte[] b = fourCc.getBytes(StandardCharsets.US_ASCII);
        if (b.length != FOURCC_CHARS) {
            throw new IllegalArgumentException("a FourCC has 4 characters: " + fourCc);
        }
        return ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
    }

    /** ExVideo SequenceStart: the codec's configuration record (hvcC, av1C, vpcC, avcC). */
    public static byte[] videoSequenceStart(int fourCc, byte[] configurationRecord) {
        return join(videoPrefix(fourCc, VideoFrameType.KEY, VideoPacketType.SEQUENCE_START), configurationRecord);
    }

    /**
     * What goes before one coded frame: CodedFramesX when the composition time is 0 and the codec
     * has one ({@code compositionTime}: HEVC, H.264), CodedFrames with it otherwise; plain
     * CodedFrames for codecs without (AV1, VP9).
     */
    public static byte[] videoFramesPrefix(int fourCc, boolean compositionTime, boolean keyframe,
                                           int compositionTimeMs) {
        VideoFrameType frameType = keyframe ? VideoFrameType.KEY : VideoFrameType.INTER;
        if (!compositionTime) {
            return videoPrefix(fourCc, frameType, VideoPacketType.CODED_FRAMES);
        }
        if (compositionTimeMs > FlvTagBodies.MAX_COMPOSITION_TIME_MS
                || compositionTimeMs < -FlvTagBodies.MAX_COMPOSITION_TIME_MS - 1) {
            throw new IllegalArgumentException("FLV composition time is " + compositionTimeMs
                    + " ms, outside the signed 24-bit range");
        }
        return compositionTimeMs == 0 ? videoPrefix(fourCc, frameType, VideoPacketType.CODED_FRAMES_X)
                : videoPrefix(fourCc, frameType, VideoPacketType.CODED_FRAMES, true, compositionTimeMs);
    }

    /** One whole coded-frame body: {@link #videoFramesPrefix} followed by the frame. */
    public static byte[] videoFrames(int fourCc, boolean compositionTime, boolean keyframe, int compositionTimeMs,
                                     byte[] data) {
        return join(videoFramesPrefix(fourCc, compositionTime, keyframe, compositionTimeMs), data);
    }

    /** ExVideo SequenceEnd: no payload. */
    public static byte[] videoSequenceEnd(int fourCc) {
        return videoPrefix(fourCc, VideoFrameType.KEY, VideoPacketType.SEQUENCE_END);
    }

    /** ExAudio SequenceStart: the codec's header (Opus: "OpusHead", RFC 7845 5.1; FLAC: STREAMINFO). */
    public static byte[] audioSequenceStart(int fourCc, byte[] header) {
        return join(audioPrefix(fourCc, AudioPacketType.SEQUENCE_START), header);
    }

    /** What goes before one ExAudio CodedFrames payload. */
    public static byte[] audioFramesPrefix(int fourCc) {
        return audioPrefix(fourCc, AudioPacketType.CODED_FRAMES);
    }

    /** ExAudio CodedFrames: one packet (for Opus one undelimited packet, mono or stereo). */
    public static byte[] audioFrames(int fourCc, byte[] data) {
        return join(audioFramesPrefix(fourCc), data);
    }

    /** ExAudio SequenceEnd: no payload. */
    public static byte[] audioSequenceEnd(int fourCc) {
        return audioPrefix(fourCc, AudioPacketType.SEQUENCE_END);
    }

    private static byte[] videoPrefix(int fourCc, VideoFrameType frameType, VideoPacketType packetType) {
        return videoPrefix(fourCc, frameType, packetType, false, 0);
    }

    private static byte[] videoPrefix(int fourCc, VideoFrameType frameType, VideoPacketType packetType, boolean ct,
                                      int compositionTimeMs) {
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + (ct ? COMPOSITION_TIME_BYTES : 0));
        b.put((byte) (IS_EX_HEADER | (frameType.id() << 4) | packetType.id())).putInt(fourCc);
        if (ct) {
            b.put((byte) (compositionTimeMs >> 16)).put((byte) (compositionTimeMs >> 8)).put((byte) compositionTimeMs);
        }
        return b.array();
    }

    private static byte[] audioPrefix(int fourCc, AudioPacketType packetType) {
        return ByteBuffer.allocate(HEADER_BYTES).put((byte) ((SoundFormat.EX_HEADER.id() << 4) | packetType.id()))
                .putInt(fourCc).array();
    }

    private static byte[] join(byte[] prefix, byte[] payload) {
        if (payload.length == 0) {
            return prefix;
        }
        return ByteBuffer.allocate(prefix.length + payload.length).put(prefix).put(payload).array();
    }
}
