package org.netstreamfx.player.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.netstreamfx.player.media.Codec;
import org.netstreamfx.player.media.TrackFormat;

/** Where a track switch happens, whichever order the tracks' tags come in and whether their keyframes line up. */
class TrackChoiceTest {
    private static final boolean KEY = true;
    private static final boolean INTER = false;

    private static TrackChoice videoWithTracks0And1() {
        TrackChoice c = new TrackChoice(true);
        c.configure(0, new ExAudioFormats.Configured(new TrackFormat(0, Codec.H264, new byte[0], 0, 0, 0, 0, 0, 0, "", ""), 0));
        c.configure(1, new ExAudioFormats.Configured(new TrackFormat(0, Codec.VP9, new byte[0], 0, 0, 0, 0, 0, 0, "", ""), 0));
        return c;
    }

    @Test
    void theOldTrackFirstAtAnAlignedKeyframeIsNotShownAtThatTime() {
        TrackChoice c = videoWithTracks0And1();
        assertTrue(c.plays(0, KEY, 0));
        assertFalse(c.plays(1, KEY, 0));
        c.select(1);
        assertTrue(c.plays(0, INTER, 33));
        assertFalse(c.plays(1, INTER, 33));
        assertFalse(c.plays(0, KEY, 500), "the old track stops at its keyframe");
        assertTrue(c.plays(1, KEY, 500), "the new one starts at its keyframe of the same time");
        assertTrue(c.takeSwitch());
        assertFalse(c.takeSwitch(), "once");
        assertEquals(1, c.playing());
        assertFalse(c.plays(0, INTER, 533));
        assertTrue(c.plays(1, INTER, 533));
    }

    @Test
    void theNewTrackFirstAtAnAlignedKeyframeStartsThereAndTheOldOneStops() {
        TrackChoice c = videoWithTracks0And1();
        assertTrue(c.plays(0, INTER, 467));
        c.select(1);
        assertTrue(c.plays(1, KEY, 500));
        assertFalse(c.plays(0, KEY, 500));
        assertEquals(1, c.playing());
    }

    @Test
    void unalignedKeyframesLeaveAGapOfLessThanAGroupAndTheOldTrackResumesIfTheNewOneHasNone() {
        TrackChoice c = videoWithTracks0And1();
        assertTrue(c.plays(0, KEY, 0));
        c.select(1);
        assertFalse(c.plays(0, KEY, 500), "stopped at its keyframe");
        assertFalse(c.plays(0, INTER, 533));
        assertFalse(c.plays(1, INTER, 533), "not from a non-keyframe");
        assertTrue(c.plays(1, KEY, 600), "from the new track's next keyframe");
        assertEquals(1, c.playing());

        TrackChoice d = videoWithTracks0And1();
        assertTrue(d.plays(0, KEY, 0));
        d.select(1);
        assertFalse(d.plays(0, KEY, 500));
        assertFalse(d.plays(1, INTER, 533));
        assertTrue(d.plays(0, KEY, 1000), "no keyframe of track 1 in a whole group: track 0 plays on");
        assertTrue(d.plays(0, KEY, 1500), "and is not stopped again");
        assertTrue(d.plays(1, KEY, 1600), "the switch comes at track 1's next keyframe");
        assertEquals(1, d.playing());
    }

    @Test
    void audioSwitchesAtTheNewTracksFirstLaterPacketWithoutStoppingTheOld() {
        TrackChoice c = new TrackChoice(false);
        c.configure(0, new ExAudioFormats.Configured(new TrackFormat(1, Codec.AAC, new byte[0], 0, 0, 0, 44100, 1, 0, "", ""), 23_220));
        c.configure(1, new ExAudioFormats.Configured(new TrackFormat(1, Codec.OPUS, new byte[0], 0, 0, 0, 48000, 2, 0, "", ""), 20_000));
        assertTrue(c.plays(0, true, 46));
        c.select(1);
        assertFalse(c.plays(1, true, 40), "not earlier than what played");
        assertTrue(c.plays(0, true, 69));
        assertTrue(c.plays(1, true, 80));
        assertEquals(20_000, c.frameUs());
    }

    @Test
    void aTrackWithoutConfigurationIsNotSwitchedTo() {
        TrackChoice c = videoWithTracks0And1();
        c.select(5);
        assertTrue(c.plays(0, KEY, 0));
        assertTrue(c.plays(0, KEY, 500), "no track 5: nothing is due");
        assertEquals(0, c.playing());
    }
}
