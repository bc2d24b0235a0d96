package org.netstreamfx.player.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.flv.AvMultitrackType;
import org.netstreamfx.player.flv.MultitrackTracks;
import org.netstreamfx.player.flv.VideoCodec;
import org.netstreamfx.player.flv.VideoFrameType;
import org.netstreamfx.player.flv.VideoPacketType;
import org.netstreamfx.player.flv.VideoTagHeader;
import org.netstreamfx.player.media.TrackKind;

/** Multitrack OneTrack bodies, read back by the player's own parsers. */
class MultitrackBodiesTest {
    private static final byte[] DATA = {9, 8, 7};
    /** An avcC with no parameter sets: version 1, Baseline, level 3.0, 4-byte lengths. */
    private static final byte[] AVCC = {1, 66, 0, 30, (byte) 0xFF, (byte) 0xE0, 0};

    @Test
    void aFurtherH264TrackIsAnEnhancedOneTrackSequenceStartNamingItsTrackId() throws Exception {
        byte[] body = MultitrackBodies.sequenceStart(FeedCodec.H264, DATA, 2);
        assertArrayEquals(new byte[] {(byte) 0x96, 0x00, 'a', 'v', 'c', '1', 2, 9, 8, 7}, body);
        VideoTagHeader h = VideoTagHeader.parse(body);
        assertTrue(h.exHeader());
        assertEquals(Optional.of(AvMultitrackType.ONE_TRACK), h.multitrack());
        assertEquals(VideoPacketType.SEQUENCE_START, h.packetType());
        assertEquals(VideoCodec.AVC, h.codec());
        assertEquals(VideoFrameType.KEY, h.frameType());
        assertEquals(List.of(new MultitrackTracks.Track(2, "avc1", 7, 3)), MultitrackTracks.of(h, body));
    }

    @Test
    void codedFramesKeepTheCompositionTimeInsideTheTrackAndTheFrameType() throws Exception {
        byte[] inter = MultitrackBodies.frames(FeedCodec.H264, false, 40, DATA, 1);
        assertArrayEquals(new byte[] {(byte) 0xA6, 0x01, 'a', 'v', 'c', '1', 1, 0, 0, 40, 9, 8, 7}, inter);
        VideoTagHeader h = VideoTagHeader.parse(inter);
        assertEquals(VideoFrameType.INTER, h.frameType());
        assertEquals(VideoPacketType.CODED_FRAMES, h.packetType());
        MultitrackTracks.Track t = MultitrackTracks.of(h, inter).get(0);
        assertEquals(1, t.trackId());
        assertArrayEquals(new byte[] {0, 0, 40, 9, 8, 7}, Arrays.copyOfRange(inter, t.offset(), t.offset() + t.length()));

        byte[] key = MultitrackBodies.frames(FeedCodec.AV1, true, 0, DATA, 3);
        VideoTagHeader k = VideoTagHeader.parse(key);
        assertTrue(k.isKeyFrame());
        assertEquals(VideoPacketType.CODED_FRAMES, k.packetType());
        assertEquals(List.of(new MultitrackTracks.Track(3, "av01", 7, 3)), MultitrackTracks.of(k, key));
        assertEquals(VideoPacketType.CODED_FRAMES_X,
                VideoTagHeader.parse(MultitrackBodies.frames(FeedCodec.HEVC, true, 0, DATA, 1)).packetType());
    }

    @Test
    void sequenceEndHasOnlyTheTrackId() throws Exception {
        byte[] end = MultitrackBodies.sequenceEnd(FeedCodec.VP9, 1);
        VideoTagHeader h = VideoTagHeader.parse(end);
        assertEquals(VideoPacketType.SEQUENCE_END, h.packetType());
        assertEquals(List.of(new MultitrackTracks.Track(1, "vp09", 7, 0)), MultitrackTracks.of(h, end));
    }

    @Test
    void trackZeroStaysSingleTrackAndFurtherTracksGoMultitrack() throws Exception {
        FeedConfig zero = new FeedConfig(TrackKind.VIDEO, AVCC, Map.of(), FeedCodec.H264, 0);
        FeedConfig one = new FeedConfig(TrackKind.VIDEO, AVCC, Map.of(), FeedCodec.H264, 1);
        assertTrue(VideoTagHeader.parse(MessageBodies.header(zero)).multitrack().isEmpty());
        assertEquals(null, MessageBodies.end(zero), "legacy H.264 track 0 has no SequenceEnd sent");
        assertEquals(Optional.of(AvMultitrackType.ONE_TRACK), VideoTagHeader.parse(MessageBodies.header(one)).multitrack());
        assertEquals(VideoPacketType.SEQUENCE_END, VideoTagHeader.parse(MessageBodies.end(one)).packetType());
        byte[] frame = MessageBodies.packet(FeedCodec.H264, new FeedPacket(TrackKind.VIDEO, 0, 0, true, DATA, 1), 0);
        assertEquals(1, MultitrackTracks.of(VideoTagHeader.parse(frame), frame).get(0).trackId());
    }

    @Test
    void trackIdsOutsideAUi8AndAudioTracksAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FeedPacket(TrackKind.VIDEO, 0, 0, true, DATA, 256));
        assertThrows(IllegalArgumentException.class, () -> new FeedPacket(TrackKind.AUDIO, 0, 0, true, DATA, 1));
        assertThrows(IllegalArgumentException.class, () -> MultitrackBodies.frames(FeedCodec.VP9, true, 0, DATA, 0));
    }
}
