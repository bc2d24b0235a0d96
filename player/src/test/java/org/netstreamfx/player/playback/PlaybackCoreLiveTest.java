package org.netstreamfx.player.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Live streams on a fake clock: bufferTime 0 starts at the first frame, and bufferTimeMax makes
 * playback catch up (6 % faster) until bufferLength is back at bufferTime.
 */
class PlaybackCoreLiveTest {
    private static final String FULL = "NetStream.Buffer.Full";
    private static final String CATCH_UP = "NetStreamFX.Live.CatchUp";
    private static final String JOIN = "NetStreamFX.Live.Join";

    private final FakeTime time = new FakeTime();
    private final RecordingEvents events = new RecordingEvents(time);
    private final RecordingAudioSink sink = new RecordingAudioSink(time);
    private final PlaybackCore core = new PlaybackCore(time, events, sink, false);

    private void stepAtMs(long ms) {
        time.setMs(ms);
        core.step();
    }

    @Test
    void bufferTimeZeroStartsAtTheFirstFrame() {
        ScriptedFeed feed = ScriptedFeed.videoOnly();
        core.setLive(true);
        core.setBufferTimeUs(0);
        core.start(feed, 0);
        stepAtMs(0);
        assertEquals(List.of(), events.codes(), "nothing received yet: no Buffer.Full");
        feed.videoFrames(0, 1, 40);
        stepAtMs(5);
        assertEquals(List.of(FULL), events.codes());
        assertEquals(List.of("0@5"), events.renders());
    }

    @Test
    void aLiveStreamThatFellBehindCatchesUpSixPercentFasterThenReturnsToNormal() {
        ScriptedFeed feed = ScriptedFeed.videoOnly();
        core.setLive(true);
        core.setBufferTimeUs(500_000);
        core.setBufferTimeMaxUs(2_000_000);
        core.start(feed, 0);
        feed.videoFrames(0, 75, 40); // 3 s arrived at once: 1 s over bufferTimeMax
        stepAtMs(0);
        assertEquals(List.of(FULL, CATCH_UP), events.codes(), "3 s buffered is over bufferTimeMax at once");
        assertTrue(core.catchingUp());

        // 1000 ms of wall time is 1060 ms of media time while catching up.
        stepAtMs(1000);
        assertEquals(1_060_000, core.timeUs(), 1_000);

        // No more data arrives: bufferLength falls from 3 s; at 0.5 s normal speed returns.
        long ms = 1000;
        while (core.catchingUp() && ms < 5_000) {
            ms += 10;
            stepAtMs(ms);
        }
        assertFalse(core.catchingUp());
        assertEquals(List.of(FULL, CATCH_UP, CATCH_UP), events.codes());
        assertTrue(core.bufferLengthUs() <= 500_000 && core.bufferLengthUs() > 400_000,
                "back at bufferTime: " + core.bufferLengthUs());
        long mediaAtNormal = core.timeUs();
        stepAtMs(ms + 100);
        assertEquals(mediaAtNormal + 100_000, core.timeUs(), 1_000, "normal speed again");
    }

    @Test
    void withoutBufferTimeMaxTheDefaultPolicyCatchesUpFromBufferTimePlusOneSecond() {
        ScriptedFeed feed = ScriptedFeed.videoOnly();
        core.setLive(true);
        core.setBufferTimeUs(500_000);
        core.start(feed, 0);
        assertEquals(500_000 + PlaybackCore.DEFAULT_LIVE_SLACK_US, core.catchUpThresholdUs());
        feed.videoFrames(0, 50, 40); // 2 s at once: over 1.5 s
        stepAtMs(0);
        assertEquals(List.of(FULL, CATCH_UP), events.codes());
        assertTrue(events.descriptions().get(1).contains("default catch-up threshold 1.5 s"),
                events.descriptions().toString());
        long ms = 0;
        while (core.catchingUp() && ms < 5_000) {
            ms += 10;
            stepAtMs(ms);
        }
        assertFalse(core.catchingUp());
        assertTrue(core.bufferLengthUs() <= 500_000 && core.bufferLengthUs() > 400_000,
                "back at bufferTime: " + core.bufferLengthUs());
        assertEquals(0, core.droppedFrames());
    }

    @Test
    void aLongBufferTimeCatchesUpOnlyFromTwiceItsLength() {
        core.setBufferTimeUs(3_000_000);
        assertEquals(6_000_000, core.catchUpThresholdUs());
        core.setBufferTimeMaxUs(4_000_000);
        assertEquals(4_000_000, core.catchUpThresholdUs(), "bufferTimeMax, when set, is the threshold");
    }

    @Test
    void theDefaultPolicyCanBeTurnedOffAsFlashHadIt() {
        ScriptedFeed feed = ScriptedFeed.videoOnly();
        core.setLive(true);
        core.setBufferTimeUs(500_000);
        core.setDefaultLiveCatchUp(false);
        core.start(feed, 0);
        feed.videoFrames(0, 200, 40); // 8 s at once
        stepAtMs(0);
        stepAtMs(1000);
        assertEquals(List.of(FULL), events.codes());
        assertEquals(1_000_000, core.timeUs(), 1_000, "plays on at normal speed, 7 s behind");
    }

    @Test
    void aLiveStreamFarBehindSkipsToItsNewestDataWithoutCountingTheSkippedFramesAsDropped() {
        ScriptedFeed feed = ScriptedFeed.videoOnly();
        core.setLive(true);
        core.setBufferTimeUs(500_000);
        core.start(feed, 0);
        feed.videoFrames(0, 25, 40);
        stepAtMs(0);
        stepAtMs(200);
        assertEquals(List.of(FULL), events.codes());
        long droppedBefore = core.droppedFrames(); // 40-160 ms, late for a step at 200
        feed.videoFrames(1000, 200, 40); // a stall, then 8 s in a burst: edge at 9 s, 8.8 s behind
        stepAtMs(210);
        assertEquals(List.of(FULL, JOIN), events.codes(), "skipped, not 2 minutes of catching up");
        assertTrue(events.descriptions().get(1).contains("skipped 8.29"), events.descriptions().get(1));
        assertEquals(8_500_000, core.timeUs(), 1_000, "bufferTime behind the newest data");
        assertEquals("8480@210", events.renders().get(events.renders().size() - 1),
                "the picture at the new position (8480-8520 ms), at once: " + events.renders());
        stepAtMs(230);
        stepAtMs(270);
        assertEquals(List.of("0@0", "200@200", "8480@210", "8520@230", "8560@270"), events.renders());
        assertEquals(droppedBefore, core.droppedFrames(), "what was skipped is not dropped");
        assertFalse(core.catchingUp(), "at bufferTime: no catching up after the skip");
    }

    @Test
    void goToLiveEdgeSkipsToBufferTimeBehindTheNewestDataOnlyForALiveStreamThatPlays() {
        ScriptedFeed feed = ScriptedFeed.videoOnly();
        core.setLive(true);
        core.setBufferTimeUs(500_000);
        core.setBufferTimeMaxUs(30_000_000); // no catch-up of its own: 3 s behind stays 3 s behind
        core.start(feed, 0);
        assertFalse(core.goToLiveEdge(), "buffering: nothing to do");
        feed.videoFrames(0, 100, 40); // 4 s at once
        stepAtMs(0);
        stepAtMs(1000);
        assertEquals(List.of(FULL), events.codes());
        assertEquals(3_000_000, core.bufferLengthUs(), 40_000);

        assertTrue(core.goToLiveEdge());
        assertEquals(List.of(FULL, JOIN), events.codes());
        assertTrue(events.descriptions().get(1).contains("on request") && events.descriptions().get(1).contains("skipped 2.5"),
                events.descriptions().get(1));
        assertEquals(3_500_000, core.timeUs(), 1_000, "bufferTime behind the newest data (4 s)");
        assertFalse(core.goToLiveEdge(), "already there: no second Live.Join");
        core.pause();
        feed.videoFrames(4000, 50, 40);
        assertFalse(core.goToLiveEdge(), "paused: nothing to do");
        assertEquals(List.of(FULL, JOIN, "NetStream.Pause.Notify"), events.codes(), "no Live.Join while paused");
    }

    @Test
    void goToLiveEdgeLeavesARecordedStreamAlone() {
        ScriptedFeed feed = ScriptedFeed.videoOnly();
        core.setBufferTimeUs(500_000);
        core.start(feed, 0);
        feed.videoFrames(0, 100, 40);
        stepAtMs(0);
        assertFalse(core.goToLiveEdge());
        stepAtMs(100);
        assertEquals(List.of(FULL), events.codes());
        assertEquals(100_000, core.timeUs(), 1_000);
    }

    @Test
    void recordedStreamsNeverCatchUp() {
        ScriptedFeed feed = ScriptedFeed.videoOnly();
        core.setLive(false);
        core.setBufferTimeUs(500_000);
        core.setBufferTimeMaxUs(2_000_000);
        core.start(feed, 0);
        feed.videoFrames(0, 100, 40);
        stepAtMs(0);
        stepAtMs(500);
        assertFalse(core.catchingUp());
        assertEquals(List.of(FULL), events.codes());
        assertEquals(500_000, core.timeUs(), 1_000);
    }

    /** Audio from 0 ms, the first picture (a keyframe) only at 1000 ms: a join between keyframes. */
    private ScriptedFeed joinedMidGop(boolean isLive) {
        ScriptedFeed feed = ScriptedFeed.audioAndVideo();
        core.setLive(isLive);
        core.setBufferTimeUs(0);
        core.start(feed, 0);
        for (int ms = 0; ms < 1000; ms += 30) {
            feed.audioChunks(ms, 1, 30);
            stepAtMs(ms);
        }
        assertEquals(List.of(), events.codes(), "no picture yet: the buffer is not full");
        feed.audioChunks(1020, 2, 30);
        feed.videoFrames(1000, 3, 40);
        stepAtMs(1000);
        return feed;
    }

    @Test
    void aLivePlayerThatJoinsBetweenKeyframesStartsAtTheFirstPictureNotAtTheFirstAudio() {
        joinedMidGop(true);
        assertEquals(List.of(JOIN, FULL), events.codes());
        assertEquals(1_000_000, core.timeUs(), "the clock is at the first picture");
        assertEquals(List.of("1000@1000"), events.renders(), "shown at once, not a second later");
        List<String> writes = sink.writes();
        assertEquals("480+960@1000", writes.get(0),
                "the audio chunk 990-1020 ms is cut at 1000 ms (480 samples in); nothing earlier is played");
        stepAtMs(1040);
        assertEquals(List.of("1000@1000", "1040@1040"), events.renders());
    }

    @Test
    void aRecordedStreamNeverSkipsWhatArrivedBeforeThePicture() {
        joinedMidGop(false);
        assertEquals(List.of(FULL), events.codes());
        assertEquals(0, core.timeUs(), "a file plays from its first packet");
        stepAtMs(2000);
        assertEquals("1000@2000", events.renders().get(0));
    }

    @Test
    void aSmallHeadStartOfAudioIsKeptAndReportsNoJoin() {
        ScriptedFeed feed = ScriptedFeed.audioAndVideo();
        core.setLive(true);
        core.setBufferTimeUs(0);
        core.start(feed, 0);
        feed.audioChunks(0, 4, 20);
        stepAtMs(0);
        feed.videoFrames(60, 2, 40);
        stepAtMs(60);
        assertEquals(List.of(FULL), events.codes(), "60 ms is under the jump threshold");
        assertEquals(0, core.timeUs(), 1_000);
    }
}
