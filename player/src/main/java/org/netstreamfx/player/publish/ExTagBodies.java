package org.netstreamfx.player.publish;

import org.netstreamfx.player.flv.EnhancedTagBodies;

/**
 * Enhanced RTMP v2 video and audio message bodies for the feed codecs that have no legacy FLV form
 * (HEVC, AV1, VP9, Opus): {@link EnhancedTagBodies}, which builds them by FourCC for the
 * publisher and the FLV recorder alike, with the feed codec's FourCC and whether its coded frames
 * carry a composition time (H.264 and HEVC do; AV1 and VP9 do not).
 */
final class ExTagBodies {
    private ExTagBodies() {
    }

    /** ExVideo SequenceStart: the codec's configuration record (hvcC, av1C, vpcC, avcC). */
    static byte[] videoSequenceStart(FeedCodec codec, byte[] configurationRecord) {
        return EnhancedTagBodies.videoSequenceStart(codec.fourCcValue(), configurationRecord);
    }

    /**
     * ExVideo coded frames: CodedFramesX when the composition time is 0 and the codec has one
     * (HEVC, H.264), CodedFrames with it otherwise; plain CodedFrames for AV1 and VP9.
     */
    static byte[] videoFrames(FeedCodec codec, boolean keyframe, int compositionTimeMs, byte[] data) {
        return EnhancedTagBodies.videoFrames(codec.fourCcValue(), hasCompositionTime(codec), keyframe,
                compositionTimeMs, data);
    }

    /** ExVideo SequenceEnd: no payload. */
    static byte[] videoSequenceEnd(FeedCodec codec) {
        return EnhancedTagBodies.videoSequenceEnd(codec.fourCcValue());
    }

    /** ExAudio SequenceStart: the codec's header (for Opus the ID header "OpusHead", RFC 7845 5.1). */
    static byte[] audioSequenceStart(FeedCodec codec, byte[] header) {
        return EnhancedTagBodies.audioSequenceStart(codec.fourCcValue(), header);
    }

    /** ExAudio CodedFrames: one packet (for Opus one undelimited packet, mono or stereo). */
    static byte[] audioFrames(FeedCodec codec, byte[] data) {
        return EnhancedTagBodies.audioFrames(codec.fourCcValue(), data);
    }

    /** ExAudio SequenceEnd: no payload. */
    static byte[] audioSequenceEnd(FeedCodec codec) {
        return EnhancedTagBodies.audioSequenceEnd(codec.fourCcValue());
    }

    private static boolean hasCompositionTime(FeedCodec codec) {
        return codec == FeedCodec.H264 || codec == FeedCodec.HEVC;
    }
}
