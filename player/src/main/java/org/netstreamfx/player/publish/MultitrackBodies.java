package org.netstreamfx.player.publish;

import java.nio.ByteBuffer;
import org.netstreamfx.player.flv.AvMultitrackType;
import org.netstreamfx.player.flv.EnhancedTagBodies;
import org.netstreamfx.player.flv.VideoPacketType;

/**
 * Enhanced RTMP v2 Multitrack video bodies ("Enhanced Video", VideoPacketType.Multitrack), in
 * the OneTrack form, as OBS's Enhanced Broadcasting sends its renditions: track 0 goes as a plain
 * single-track message (legacy for H.264, an {@link ExTagBodies} body otherwise) that every
 * player reads, and every further track as its own OneTrack message naming its trackId. The spec
 * recommends trackId 0 for the default track and 1, 2, … for the variants; one track per message
 * keeps each message a single frame, so the outgoing queue can drop one rendition's frames
 * without touching the others'.
 *
 * <pre>
 * 1 FFF 0110                 IsExHeader, FrameType, VideoPacketType.Multitrack (6)
 * 0000 PPPP                  AvMultitrackType.OneTrack (0), the track's VideoPacketType
 * fourCc(4)                  the track's codec
 * trackId(1)                 UI8; OneTrack has no sizeOfTrack: the payload runs to the end
 * [SI24 composition time]    as in the single-track body (AVC/HEVC CodedFrames only)
 * payload
 * </pre>
 *
 * The track's own body is built by {@link ExTagBodies} and re-framed here, so both forms carry the
 * same packet type, FourCC and composition time.
 */
final class MultitrackBodies {
    /** The first byte's low nibble: the VideoPacketType. */
    private static final int PACKET_TYPE_MASK = 0x0F;
    /** The first byte's FrameType bits (below IsExHeader). */
    private static final int FRAME_TYPE_BITS = 0x70;
    /** Where the FourCC starts, and its length. */
    private static final int FOURCC_OFFSET = 1;
    private static final int FOURCC_BYTES = 4;
    /** The single-track ExVideo header: the first byte and the FourCC. */
    private static final int EX_HEADER_BYTES = FOURCC_OFFSET + FOURCC_BYTES;
    /** The multitrack header adds the AvMultitrackType byte and the trackId. */
    private static final int ADDED_BYTES = 2;

    private MultitrackBodies() {
    }

    /** A OneTrack SequenceStart: the track's configuration record (avcC, hvcC, av1C, vpcC). */
    static byte[] sequenceStart(FeedCodec codec, byte[] configurationRecord, int trackId) {
        return oneTrack(ExTagBodies.videoSequenceStart(codec, configurationRecord), trackId);
    }

    /** A OneTrack coded frame, CodedFramesX or CodedFrames as {@link ExTagBodies#videoFrames} chooses. */
    static byte[] frames(FeedCodec codec, boolean keyframe, int compositionTimeMs, byte[] data, int trackId) {
        return oneTrack(ExTagBodies.videoFrames(codec, keyframe, compositionTimeMs, data), trackId);
    }

    /** A OneTrack SequenceEnd: no payload. */
    static byte[] sequenceEnd(FeedCodec codec, int trackId) {
        return oneTrack(ExTagBodies.videoSequenceEnd(codec), trackId);
    }

    /** The single-track ExVideo {@code body} as the OneTrack body of track {@code trackId}. */
    private static byte[] oneTrack(byte[] body, int trackId) {
        if (trackId < 1 || trackId > FeedPacket.MAX_TRACK_ID) {
            throw new IllegalArgumentException("a multitrack rendition's trackId is 1.." + FeedPacket.MAX_TRACK_ID
                    + " (track 0 goes single-track), not " + trackId);
        }
        int first = body[0] & 0xFF;
        return ByteBuffer.allocate(body.length + ADDED_BYTES)
                .put((byte) (EnhancedTagBodies.IS_EX_HEADER | (first & FRAME_TYPE_BITS) | VideoPacketType.MULTITRACK.id()))
                .put((byte) ((AvMultitrackType.ONE_TRACK.ordinal() << 4) | (first & PACKET_TYPE_MASK)))
                .put(body, FOURCC_OFFSET, FOURCC_BYTES)
                .put((byte) trackId)
                .put(body, EX_HEADER_BYTES, body.length - EX_HEADER_BYTES)
                .array();
    }
}
