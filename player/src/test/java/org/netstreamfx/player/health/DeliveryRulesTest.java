package org.netstreamfx.player.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The delivery rules, told what a playing NetStream tells them (stalls, first picture, playhead,
 * reconnects) beside a hand-made stream: each provoked past its generic threshold and shown to
 * clear once the stream has played on for the clear time without it.
 */
class DeliveryRulesTest {
    private static final long MS = 1_000_000;
    private static final long S = 1_000_000_000;

    @Test
    void aSmoothPlayRaisesNothingAndReportsItsFigures() {
        HealthFeed f = new HealthFeed(Profiles.GENERIC, true, HealthFeed.VIDEO, HealthFeed.AUDIO);
        f.analyzer.playStarted(0, true);
        f.analyzer.firstFrame(300 * MS);
        long t = f.play(0, 12, 2, 4_000);
        f.analyzer.playhead(t - 200_000, t * 1000);
        assertEquals(List.of(), f.findings);
        Map<String, Object> d = f.analyzer.report().delivery();
        assertEquals(0, d.get("bufferEmptyCount"));
        assertEquals(0.0, d.get("stallS"));
        assertEquals(300.0, d.get("timeToFirstFrameMs"));
        assertEquals(0.2, (double) d.get("liveLatencyS"), 0.04);
        assertEquals(0, d.get("reconnects"));
        assertEquals(d, f.analyzer.report().toMap().get("delivery"));
    }

    @Test
    void withoutPlaybackTheDeliveryFiguresAreUnknown() {
        HealthFeed f = new HealthFeed(Profiles.GENERIC);
        f.play(0, 2, 2, 4_000);
        f.analyzer.report().delivery().forEach((k, v) -> assertNull(v, k));
        assertEquals(5, f.analyzer.report().delivery().size());
    }

    @Test
    void stallsPastTheCountAreRaisedAndClear() {
        HealthFeed f = new HealthFeed(Profiles.GENERIC);
        f.analyzer.playStarted(0, true);
        long t = f.play(0, 3, 2, 4_000);
        for (int i = 0; i < 3; i++) {
            long at = (4 + i) * S;
            f.analyzer.bufferEmpty(at);
            f.analyzer.bufferEmpty(at + 10 * MS); // the same stall told twice counts once
            f.analyzer.bufferFull(at + 100 * MS);
            assertEquals(i == 2, f.raised(Rule.BUFFER_EMPTY), "raised at the third stall, over 2");
        }
        Finding b = f.first(Rule.BUFFER_EMPTY);
        assertEquals("maxBufferEmpties", b.threshold());
        assertEquals(3.0, b.measured());
        assertEquals(2.0, b.limit());
        assertEquals(t - HealthFeed.FRAME_US, b.atUs(), HealthFeed.FRAME_US, "where the stream had come to");
        assertEquals(3, f.analyzer.report().delivery().get("bufferEmptyCount"));
        assertEquals(0.3, (double) f.analyzer.report().delivery().get("stallS"), 1e-9);
        assertFalse(f.raised(Rule.STALL_TIME), "0.3 s in all is under 2 s");
        f.play(t, 15, 2, 4_000);
        assertTrue(f.cleared(Rule.BUFFER_EMPTY), "no stall for the clear time");
    }

    @Test
    void aLongStallIsRaisedWhileItLastsAndClears() {
        HealthFeed f = new HealthFeed(Profiles.GENERIC);
        f.analyzer.playStarted(0, true);
        long t = f.play(0, 3, 2, 4_000);
        f.analyzer.bufferEmpty(3 * S);
        f.analyzer.playhead(t, 4 * S);
        assertFalse(f.raised(Rule.STALL_TIME), "1 s so far");
        f.analyzer.playhead(t, 5 * S + 500 * MS);
        Finding s = f.first(Rule.STALL_TIME);
        assertEquals(2.5, s.measured(), 1e-9, "raised while still stalled");
        assertEquals("maxStallS", s.threshold());
        assertEquals(2.5, (double) f.analyzer.report().delivery().get("stallS"), 1e-9);
        f.analyzer.bufferFull(6 * S);
        assertEquals(3.0, (double) f.analyzer.report().delivery().get("stallS"), 1e-9);
        f.play(t, 15, 2, 4_000);
        assertTrue(f.cleared(Rule.STALL_TIME));
    }

    @Test
    void aLateFirstPictureIsRaisedAndClears() {
        HealthFeed f = new HealthFeed(Profiles.GENERIC);
        f.analyzer.playStarted(2 * S, true);
        f.analyzer.firstFrame(8 * S + 500 * MS);
        f.analyzer.firstFrame(9 * S); // only the first counts
        Finding ttff = f.first(Rule.TIME_TO_FIRST_FRAME);
        assertEquals(6.5, ttff.measured(), 1e-9);
        assertEquals(5.0, ttff.limit());
        assertEquals(6500.0, f.analyzer.report().delivery().get("timeToFirstFrameMs"));
        f.play(0, 12, 2, 4_000);
        assertTrue(f.cleared(Rule.TIME_TO_FIRST_FRAME));
        HealthFeed fast = new HealthFeed(Profiles.GENERIC);
        fast.analyzer.playStarted(0, false);
        fast.analyzer.firstFrame(8 * S);
        assertFalse(fast.raised(Rule.TIME_TO_FIRST_FRAME), "played as fast as decoding allows: not the stream's");
        assertEquals(8000.0, fast.analyzer.report().delivery().get("timeToFirstFrameMs"));
    }

    @Test
    void playingFarBehindTheLiveEdgeIsRaisedAndClears() {
        HealthFeed f = new HealthFeed(Profiles.GENERIC, true, HealthFeed.VIDEO, HealthFeed.AUDIO);
        f.analyzer.playStarted(0, true);
        long t = f.play(0, 10, 2, 4_000);
        f.analyzer.playhead(t - 7_000_000, t * 1000);
        Finding l = f.first(Rule.LIVE_LATENCY);
        assertEquals(7.0, l.measured(), 0.05);
        assertEquals("maxLiveLatencyS", l.threshold());
        f.analyzer.playhead(t - 500_000, t * 1000);
        assertEquals(0.5, (double) f.analyzer.report().delivery().get("liveLatencyS"), 0.05);
        long end = f.play(t, 12, 2, 4_000);
        f.analyzer.playhead(end - 300_000, end * 1000);
        assertTrue(f.cleared(Rule.LIVE_LATENCY));
        HealthFeed recorded = new HealthFeed(Profiles.GENERIC);
        recorded.analyzer.playStarted(0, true);
        long r = recorded.play(0, 10, 2, 4_000);
        recorded.analyzer.playhead(0, r * 1000);
        assertFalse(recorded.raised(Rule.LIVE_LATENCY), "a recorded stream has no live edge");
        assertNull(recorded.analyzer.report().delivery().get("liveLatencyS"));
    }

    @Test
    void aReconnectIsRaisedAndClears() {
        HealthFeed f = new HealthFeed(Profiles.GENERIC);
        f.analyzer.playStarted(0, true);
        f.analyzer.reconnects(1);
        Finding r = f.first(Rule.RECONNECTS);
        assertEquals(1.0, r.measured());
        assertEquals(0.0, r.limit());
        assertEquals(1, f.analyzer.report().delivery().get("reconnects"));
        f.play(0, 12, 2, 4_000);
        assertTrue(f.cleared(Rule.RECONNECTS));
        assertEquals(Rule.Group.DELIVERY, Rule.RECONNECTS.group());
    }

    @Test
    void aUserProfileSetsTheDeliveryThresholds() {
        Profile p = Profiles.fromMap(Map.of("maxBufferEmpties", 0, "maxReconnects", 3, "maxStallS", 0.5,
                "maxTimeToFirstFrameS", 2, "maxLiveLatencyS", 10));
        HealthFeed f = new HealthFeed(p);
        f.analyzer.playStarted(0, true);
        f.analyzer.bufferEmpty(S);
        f.analyzer.bufferFull(S + 600 * MS);
        f.analyzer.reconnects(3);
        assertEquals(List.of(Rule.BUFFER_EMPTY, Rule.STALL_TIME), f.raisedRules());
    }
}
