package org.netstreamfx.player.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The playback rate on a fake clock: the clock runs at the rate, frames the rate makes due too
 * fast are skipped (not dropped), a live stream stays at 1 with a warning and still catches up.
 */
class PlaybackRateCoreTest {
    private static final String FULL = "NetStream.Buffer.Full";
    private static final String RATE = "NetStreamFX.Playback.Rate";
    private static final String IGNORED = "NetStreamFX.Playback.RateIgnored";
    private static final String CATCH_UP = "NetStreamFX.Live.CatchUp";

    private final FakeTime time = new FakeTime();
    private final RecordingEvents events = new RecordingEvents(time);
    private final RecordingAudioSink sink = new RecordingAudioSink(time);
    private final PlaybackCore core = new PlaybackCore(time, events, sink, false);

    private void stepAtMs(long ms) {
        time.setMs(ms);
        core.step();
    }

    @Test
    void atRateTwoTheClockRunsTwiceAsFastAndKeepsItsRateAcrossPauseAndSeek() {
        ScriptedFeed feed = ScriptedFeed.videoOnly();
        core.start(feed, 0);
        feed.videoFrames(0, 250, 40);
        stepAtMs(0);
        core.setPlaybackRate(2.0);
        assertEquals(List.of(FULL, RATE), events.codes());
        for (long ms = 10; ms <= 1000; ms += 10) {
            stepAtMs(ms);
        }
        assertEquals(2_000_000, core.timeUs(), 1_000, "1 s of wall time is 2 s of media");
        assertEquals(0, core.droppedFrames() + core.skippedFrames(), "every frame shown: one each 20 ms, steps 10 ms apart");
        core.pause();
        stepAtMs(1500);
        core.resume();
        stepAtMs(1600);
        assertEquals(2_200_000, core.timeUs(), 1_000, "the rate holds after a resume");
        feed.resetForSeek();
        core.seeked(5_000_000);
        feed.videoFrames(5_000, 50, 40);
        stepAtMs(1700);
        stepAtMs(2200);
        assertEquals(6_000_000, core.timeUs(), 1_000, "and after a seek");
        assertEquals(2.0, core.playbackRate());
        assertEquals(2.0, core.effectiveRate());
    }

    @Test
    void framesTheRateMakesDueTooFastAreSkippedNotDropped() {
        ScriptedFeed feed = ScriptedFeed.videoOnly();
        core.setPlaybackRate(4.0); // before start: kept, said at start
        core.start(feed, 0);
        assertEquals(List.of(RATE), events.codes());
        feed.videoFrames(0, 250, 40);
        // A step each 30 ms of wall time is 120 ms of media: three frames due at each, one shown.
        for (long ms = 0; ms <= 1500; ms += 30) {
            stepAtMs(ms);
        }
        assertEquals(6_000_000, core.timeUs(), 1_000);
        assertEquals(0, core.droppedFrames(), "not a fault of the stream");
        assertTrue(core.skippedFrames() >= 90, "skipped: " + core.skippedFrames());

        // At 1 the same lateness is dropped frames, as before.
        core.setPlaybackRate(1.0);
        long skipped = core.skippedFrames();
        for (long ms = 1530; ms <= 2700; ms += 90) {
            stepAtMs(ms);
        }
        assertEquals(skipped, core.skippedFrames());
        assertTrue(core.droppedFrames() > 0, "late frames at normal speed are dropped");
    }

    @Test
    void aLiveStreamStaysAtNormalSpeedWithAWarningAndStillCatchesUp() {
        ScriptedFeed feed = ScriptedFeed.videoOnly();
        core.setLive(true);
        core.setBufferTimeUs(500_000);
        core.setBufferTimeMaxUs(2_000_000);
        core.setPlaybackRate(2.0);
        core.start(feed, 0);
        assertEquals(List.of(IGNORED), events.codes(), "said at start");
        feed.videoFrames(0, 75, 40); // 3 s at once: over bufferTimeMax
        stepAtMs(0);
        core.setPlaybackRate(3.0);
        assertEquals(List.of(IGNORED, FULL, CATCH_UP, IGNORED), events.codes());
        assertEquals(PlaybackCore.CATCH_UP_RATE, core.effectiveRate(), 1e-9, "catch-up only, not the user's rate");
        stepAtMs(1000);
        assertEquals(1_060_000, core.timeUs(), 1_000, "6 % faster, not 3 x");
    }

    @Test
    void stepsAreRefusedOnALiveStreamWhilePlayingAndWithoutVideo() {
        ScriptedFeed live = ScriptedFeed.videoOnly();
        core.setLive(true);
        core.start(live, 0);
        live.videoFrames(0, 50, 40);
        stepAtMs(0);
        core.pause();
        core.requestStep(1);
        assertEquals(PlaybackCore.NO_STEP, core.nextStepTarget());

        PlaybackCore recorded = new PlaybackCore(time, events, sink, false);
        ScriptedFeed audioOnly = ScriptedFeed.audioOnly();
        recorded.start(audioOnly, 0);
        audioOnly.audioChunks(0, 50, 20);
        recorded.step();
        recorded.requestStep(1); // playing
        recorded.pause();
        recorded.requestStep(-1); // no video
        assertEquals(PlaybackCore.NO_STEP, recorded.nextStepTarget());
        List<String> codes = events.codes();
        List<String> refusals = new java.util.ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            if (codes.get(i).equals("NetStreamFX.Step.Invalid")) {
                refusals.add(events.descriptions().get(i));
            }
        }
        assertEquals(3, refusals.size(), codes.toString());
        assertTrue(refusals.get(0).contains("live") && refusals.get(1).contains("paused")
                && refusals.get(2).contains("no video"), refusals.toString());
    }

    @Test
    void ratesOutsideAQuarterToFourAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> core.setPlaybackRate(4.5));
        assertTrue(e.getMessage().contains("0.25 to 4.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> core.setPlaybackRate(0.2));
        assertThrows(IllegalArgumentException.class, () -> core.setPlaybackRate(Double.NaN));
        assertEquals(1.0, core.playbackRate());
    }
}
