package org.netstreamfx.player.publish;

import java.nio.ByteBuffer;

/**
 * Enhanced RTMP v2 video and audio message bodies (veovera enhanced-rtmp-v2, "Enhanced Video" and
 * "Enhanced Audio"), single track, no ModEx:
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
 */
final class ExTagBodies {
    static final int IS_EX_HEADER = 0x80;
    static final int FRAME_TYPE_KEY = 1;
    static final int FRAME_TYPE_INTER = 2;
    static final int SEQUENCE_START = 0;
    static final int CODED_FRAMES = 1;
    static final int SEQUENCE_END = 2;
    static final int CODED_FRAMES_X = 3;
    static final int SOUND_FORMAT_EX_HEADER = 9;
    private static final int HEADER_BYTES = 5;
    private static final int COMPOSITION_TIME_BYTES = 3;

    private ExTagBodies() {
    }

    /** ExVideo SequenceStart: the codec's configuration record (hvcC, av1C, vpcC, avcC). */
    static byte[] videoSequenceStart(FeedCodec codec, byte[] configurationRecord) {
        return video(codec, FRAME_TYPE_KEY, SEQUENCE_START, -1, configurationRecord);
    }

    /**
     * ExVideo coded frames: CodedFramesX when the composition time is 0 and the codec has one
     * (HEVC, H.264), CodedFrames with it otherwise; plain CodedFrames for AV1 and VP9.
     */
    static byte[] videoFrames(FeedCodec codec, boolean keyframe, int compositionTimeMs, byte[] data) {
        int frameType = keyframe ? FRAME_TYPE_KEY : FRAME_TYPE_INTER;
        if (!hasCompositionTime(codec)) {
            return video(codec, frameType, CODED_FRAMES, -1, data);
        }
        return compositionTimeMs == 0 ? video(codec, frameType, CODED_FRAMES_X, -1, data)
                : video(codec, frameType, CODED_FRAMES, compositionTimeMs, data);
    }

    /** ExVideo SequenceEnd: no payload. */
    static byte[] videoSequenceEnd(FeedCodec codec) {
        return video(codec, FRAME_TYPE_KEY, SEQUENCE_END, -1, new byte[0]);
    }

    /** ExAudio SequenceStart: the codec's header (for Opus the ID header "OpusHead", RFC 7845 5.1). */
    static byte[] audioSequenceStart(FeedCodec codec, byte[] header) {
        return audio(codec, SEQUENCE_START, header);
    }

    /** ExAudio CodedFrames: one packet (for Opus one undelimited packet, mono or stereo). */
    static byte[] audioFrames(FeedCodec codec, byte[] data) {
        return audio(codec, CODED_FRAMES, data);
    }

    /** ExAudio SequenceEnd: no payload. */
    static byte[] audioSequenceEnd(FeedCodec codec) {
        return audio(codec, SEQUENCE_END, new byte[0]);
    }

    private static boolean hasCompositionTime(FeedCodec codec) {
        return codec == FeedCodec.H264 || codec == FeedCodec.HEVC;
    }

    private static byte[] video(FeedCodec codec, int frameType, int packetType, int compositionTimeMs, byte[] payload) {
        boolean ct = compositionTimeMs >= 0;
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + (ct ? COMPOSITION_TIME_BYTES : 0) + payload.length);
        b.put((byte) (IS_EX_HEADER | (frameType << 4) | packetType)).putInt(codec.fourCcValue());
        if (ct) {
            b.put((byte) (compositionTimeMs >> 16)).put((byte) (compositionTimeMs >> 8)).put((byte) compositionTimeMs);
        }
        return b.put(payload).array();
    }

    private static byte[] audio(FeedCodec codec, int packetType, byte[] payload) {
        return ByteBuffer.allocate(HEADER_BYTES + payload.length)
                .put((byte) ((SOUND_FORMAT_EX_HEADER << 4) | packetType)).putInt(codec.fourCcValue())
                .put(payload).array();
    }
}
