package org.netstreamfx.player.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.flv.FlvTagType;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * Both video tracks in one ManyTracks tag (E-RTMP v2): each track's part carries its own
 * composition time; the converter hands on the part of the track that plays, and after a switch
 * the other part, with its configuration as the packet's new format.
 */
class ManyTracksConverterTest {
    private static final int SEQUENCE_START = 0;
    private static final int CODED_FRAMES = 1;
    /** avcC: version 1, Baseline 3.0, 4-byte lengths, one SPS and one PPS (the SPS's level differs per track). */
    private static final byte[] AVCC_0 = HexFormat.of().parseHex("0142c01effe100046742c01e01000468ce3c80");
    private static final byte[] AVCC_1 = HexFormat.of().parseHex("0142c015ffe100046742c01501000468ce3c80");

    private static byte[] coded(int ct0, String data0, int ct1, String data1) {
        return MultitrackTags.video(MultitrackTags.MANY_TRACKS, CODED_FRAMES, "avc1")
                .track("", 0, HexFormat.of().parseHex(si24(ct0) + data0))
                .track("", 1, HexFormat.of().parseHex(si24(ct1) + data1)).bytes();
    }

    private static String si24(int v) {
        return String.format("%06x", v & 0xFFFFFF);
    }

    @Test
    void thePlayingTracksPartWithItsOwnCompositionTimeThenTheOtherAfterASwitch() throws WireFormatException {
        FlvTagConverter c = new FlvTagConverter();
        byte[] config = MultitrackTags.video(MultitrackTags.MANY_TRACKS, SEQUENCE_START, "avc1")
                .track("", 0, AVCC_0).track("", 1, AVCC_1).bytes();
        assertEquals(FlvTagConverter.Kind.VIDEO_CONFIG, c.inspect(FlvTagType.VIDEO, 0, config));
        c.startAt(0);
        assertArrayEquals(AVCC_0, c.video().extradata(), "track 0, the first configured, plays");

        byte[] first = coded(40, "aa", 80, "bb");
        assertEquals(FlvTagConverter.Kind.PACKET, c.inspect(FlvTagType.VIDEO, 100, first));
        SourcePacket p = c.packet(FlvTagType.VIDEO, 100, first);
        assertArrayEquals(new byte[] {(byte) 0xaa}, p.packet().data());
        assertEquals(140_000, p.packet().ptsUs(), "track 0's composition time");
        assertNull(p.newFormat());

        c.selectTrack(TrackKind.VIDEO, 1);
        byte[] second = coded(0, "cc", 80, "dd");
        assertEquals(FlvTagConverter.Kind.PACKET, c.inspect(FlvTagType.VIDEO, 133, second));
        SourcePacket q = c.packet(FlvTagType.VIDEO, 133, second);
        assertArrayEquals(new byte[] {(byte) 0xdd}, q.packet().data(), "track 1's part, from this keyframe");
        assertEquals(213_000, q.packet().ptsUs(), "track 1's composition time");
        assertArrayEquals(AVCC_1, q.newFormat().extradata(), "the decoder is re-opened with track 1's avcC");
        assertEquals(1, c.playingTrack(TrackKind.VIDEO));

        byte[] third = coded(0, "ee", 0, "ff");
        c.inspect(FlvTagType.VIDEO, 166, third);
        assertNull(c.packet(FlvTagType.VIDEO, 166, third).newFormat(), "the format comes once");
    }
}
