package org.netstreamfx.player.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import org.netstreamfx.player.flv.FlvTagType;
import org.netstreamfx.player.media.StreamTrack;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.wire.WireFormatException;
import org.junit.jupiter.api.Test;

class TrackCatalogTest {
    private static final int SEQUENCE_START = 0;
    private static final int CODED_FRAMES = 1;
    /** AudioSpecificConfig: AAC-LC, 44.1 kHz, stereo. */
    private static final byte[] ASC_44100_STEREO = HexFormat.of().parseHex("1210");
    /** AudioSpecificConfig: AAC-LC, 22.05 kHz, mono. */
    private static final byte[] ASC_22050_MONO = HexFormat.of().parseHex("1388");

    @Test
    void manyVideoAndAudioTracksAreListedWithTheirAudioFormat() throws WireFormatException {
        TrackCatalog c = new TrackCatalog();
        assertTrue(c.note(FlvTagType.VIDEO, MultitrackTags.video(MultitrackTags.MANY_TRACKS, CODED_FRAMES, "avc1")
                .track("", 0, new byte[] {0, 0, 0, 1}).track("", 1, new byte[] {0, 0, 0, 2, 3}).bytes()));
        assertTrue(c.note(FlvTagType.AUDIO, MultitrackTags.audio(MultitrackTags.MANY_TRACKS, SEQUENCE_START, "mp4a")
                .track("", 0, ASC_44100_STEREO).track("", 1, ASC_22050_MONO).bytes()));
        assertEquals(List.of(StreamTrack.of(0, TrackKind.VIDEO, "avc1"), StreamTrack.of(1, TrackKind.VIDEO, "avc1"),
                StreamTrack.of(0, TrackKind.AUDIO, "mp4a").withAudio(44100, 2),
                StreamTrack.of(1, TrackKind.AUDIO, "mp4a").withAudio(22050, 1)), c.tracks());
        assertFalse(c.note(FlvTagType.AUDIO, MultitrackTags.audio(MultitrackTags.ONE_TRACK, CODED_FRAMES, "mp4a")
                .track("", 1, new byte[] {9}).bytes()), "a known track again changes nothing");
    }

    @Test
    void manyCodecsNameEachTracksCodec() throws WireFormatException {
        TrackCatalog c = new TrackCatalog();
        c.note(FlvTagType.VIDEO, MultitrackTags.video(MultitrackTags.MANY_TRACKS_MANY_CODECS, CODED_FRAMES, "")
                .track("avc1", 0, new byte[] {0, 0, 0, 1}).track("hvc1", 2, new byte[] {0, 0, 0}).bytes());
        assertEquals(List.of(StreamTrack.of(0, TrackKind.VIDEO, "avc1"), StreamTrack.of(2, TrackKind.VIDEO, "hvc1")),
                c.tracks());
    }

    @Test
    void aPlainTagIsTrackZeroOfItsKind() throws WireFormatException {
        TrackCatalog c = new TrackCatalog();
        assertTrue(c.note(FlvTagType.AUDIO, HexFormat.of().parseHex("af001210")));
        assertTrue(c.note(FlvTagType.VIDEO, HexFormat.of().parseHex("1700000000")));
        assertFalse(c.note(FlvTagType.VIDEO, HexFormat.of().parseHex("2701000000")));
        assertEquals(List.of(StreamTrack.of(0, TrackKind.VIDEO, "avc1"),
                StreamTrack.of(0, TrackKind.AUDIO, "mp4a").withAudio(44100, 2)), c.tracks());
    }

    @Test
    void aTrackSizePastTheBodyIsRefused() {
        byte[] body = MultitrackTags.video(MultitrackTags.MANY_TRACKS, CODED_FRAMES, "avc1")
                .track("", 0, new byte[] {0, 0, 0, 1}).bytes();
        body[body.length - 5] = 9; // sizeOfVideoTrack's low byte: 9 bytes, 4 present
        assertThrows(WireFormatException.class, () -> new TrackCatalog().note(FlvTagType.VIDEO, body));
    }
}
