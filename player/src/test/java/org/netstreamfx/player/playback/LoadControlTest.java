package org.netstreamfx.player.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The buffer and live latency decisions, from numbers alone (the core's tests cover them in play). */
class LoadControlTest {
    private static final long S = 1_000_000;

    @Test
    void bufferTimeIsReachedWithinTheTolerance() {
        LoadControl load = new LoadControl();
        load.setBufferTimeUs(100_000);
        assertTrue(load.reachedBufferTime(100_000 - LoadControl.FULL_TOLERANCE_US));
        assertFalse(load.reachedBufferTime(100_000 - LoadControl.FULL_TOLERANCE_US - 1));
        load.setBufferTimeUs(-5);
        assertEquals(0, load.bufferTimeUs(), "a negative bufferTime is 0");
    }

    @Test
    void theCatchUpThresholdIsBufferTimeMaxOrTheDefaultPolicys() {
        LoadControl load = new LoadControl();
        load.setBufferTimeUs(100_000);
        assertEquals(100_000 + LoadControl.DEFAULT_LIVE_SLACK_US, load.catchUpThresholdUs(), "0.1 s: from 1.1 s");
        load.setBufferTimeUs(3 * S);
        assertEquals(6 * S, load.catchUpThresholdUs(), "3 s: from 6 s");
        load.setBufferTimeMaxUs(4 * S);
        assertEquals(4 * S, load.catchUpThresholdUs(), "bufferTimeMax wins");
        load.setBufferTimeMaxUs(0);
        load.setDefaultLiveCatchUp(false);
        assertEquals(0, load.catchUpThresholdUs(), "Flash's behaviour: never");
    }

    @Test
    void catchUpStartsOverTheThresholdAndStopsBackAtBufferTime() {
        LoadControl load = new LoadControl();
        load.setLive(true);
        load.setBufferTimeUs(S); // threshold 2 s
        assertFalse(load.wantsCatchUp(2 * S, false));
        assertTrue(load.wantsCatchUp(2 * S + 1, false));
        load.setCatchingUp(true);
        assertTrue(load.wantsCatchUp(S + 1, false), "keeps catching up until back at bufferTime");
        assertFalse(load.wantsCatchUp(S, false));
        assertFalse(load.wantsCatchUp(10 * S, true), "never in fast mode");
        load.setLive(false);
        assertFalse(load.wantsCatchUp(10 * S, false), "never for recorded media");
    }

    @Test
    void aStreamTooFarBehindSkipsInsteadOfCatchingUp() {
        LoadControl load = new LoadControl();
        load.setLive(true);
        load.setBufferTimeUs(S); // threshold 2 s: skip over 4 s
        assertFalse(load.wantsSkip(4 * S, false));
        assertTrue(load.wantsSkip(4 * S + 1, false));
        load.setBufferTimeMaxUs(200_000); // skip over 0.4 s, but only when more than 1 s over bufferTime
        assertFalse(load.wantsSkip(2 * S, false));
        assertTrue(load.wantsSkip(2 * S + 1, false));
    }

    @Test
    void aLiveJoinKeepsTheFirstPictureAndIsWorthAtLeastTheMinimum() {
        LoadControl load = new LoadControl();
        load.setBufferTimeUs(S);
        assertEquals(4 * S, load.liveJoinTarget(5 * S, LoadControl.NO_JUMP, 0));
        assertEquals(3 * S, load.liveJoinTarget(5 * S, 3 * S, 0), "the first picture waiting is not skipped");
        assertEquals(LoadControl.NO_JUMP, load.liveJoinTarget(5 * S, LoadControl.NO_JUMP,
                4 * S - LoadControl.LIVE_JOIN_MIN_US), "not worth a jump");
        assertEquals(LoadControl.NO_JUMP, load.liveJoinTarget(TrackOutput.NOTHING, LoadControl.NO_JUMP, 0),
                "nothing received");
        assertEquals(LoadControl.NO_JUMP, load.liveJoinTarget(Long.MAX_VALUE, LoadControl.NO_JUMP, 0), "no track");
    }
}
