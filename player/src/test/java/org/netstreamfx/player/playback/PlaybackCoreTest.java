package org.netstreamfx.player.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.source.DataMessage;

/**
 * Flash's buffer state machine on a fake clock. Every test drives {@link PlaybackCore} by hand:
 * scripted tracks receive frames, the fake time moves, {@code step()} runs, and the exact sequence
 * of NetStatus codes and rendered frames ("ptsMs@fakeMs") is asserted.
 */
class PlaybackCoreTest {
    private static final String FULL = "NetStream.Buffer.Full";
    private static final String EMPTY = "NetStream.Buffer.Empty";
    private static final String FLUSH = "NetStream.Buffer.Flush";
    private static final String STOP = "NetStream.Play.Stop";
    private static final String COMPLETE = "playStatus:NetStream.Play.Complete";
    private static final String SEEK_NOTIFY = "NetStream.Seek.Notify";
    private static final String PAUSE_NOTIFY = "NetStream.Pause.Notify";
    private static final String UNPAUSE_NOTIFY = "NetStream.Unpause.Notify";

    private final FakeTime time = new FakeTime();
    private final RecordingEvents events = new RecordingEvents(time);
    private final RecordingAudioSink audioSink = new RecordingAudioSink(time);
    private final PlaybackCore core = new PlaybackCore(time, events, audioSink, false);

    private void stepAtMs(long ms) {
        stepAtMs(core, ms);
    }

    private void stepAtMs(PlaybackCore c, long ms) {
        time.setMs(ms);
        c.step();
    }

    // Start.

    @Test
    void startBuffersUntilBufferLengthReachesTheDefault100MsThenRendersFramesAtTheirPts() {
        ScriptedFeed feed = ScriptedFeed.videoOnly();
        core.start(feed, 0);
        assertEquals(100_000, core.bufferTimeUs());

        stepAtMs(0);
        assertEquals(List.of(), events.all(), "nothing received: nothing happens");

        feed.videoFrames(0, 2, 40); // received up to 80 ms
        stepAtMs(0);
        assertEquals(80_000, core.bufferLengthUs());
        assertEquals(List.of(), events.codes());
        assertEquals(List.of("0@0"), events.renders(), "the first frame is shown while buffering");

        stepAtMs(30);
        assertEquals(0, core.timeUs(), "the clock stands still while buffering");
        assertEquals(List.of(), events.codes());

        feed.videoFrames(80, 1, 40); // received up to 120 ms
        stepAtMs(30);
        assertEquals(List.of(FULL), events.codes());
        assertEquals(0, core.timeUs());

        stepAtMs(69);
        assertEquals(List.of("0@0"), events.renders(), "the 40 ms frame is not due at 39 ms");
        stepAtMs(70);
        stepAtMs(110);
        assertEquals(List.of("0@0", "40@70", "80@110"), events.renders());
        assertEquals(80_000, core.timeUs());
        assertEquals(List.of(FULL), events.codes());
        assertEquals(0, core.droppedFrames());
    }

    @Test
    void startWithBufferTime2sWaitsForTwoSecondsOfData() {
        ScriptedFeed feed = ScriptedFeed.videoOnly();
        core.setBufferTimeUs(2_000_000);
        core.start(feed, 0);

        feed.videoFrames(0, 49, 40); // received up to 1960 ms
        stepAtMs(0);
        stepAtMs(500);
        assertEquals(1_960_000, core.bufferLengthUs());
        assertEquals(0, core.timeUs());
        assertEquals(List.of(), events.codes());

        feed.videoFrames(1960, 1, 40); // received up to 2000 ms
        stepAtMs(500);
        assertEquals(List.of(FULL), events.codes());
        stepAtMs(540);
        assertEquals(List.of("0@0", "40@540"), events.renders());
    }

    @Test
    void startWithBufferTime0PlaysAsSoonAsAFrameArrivesAndDoesNotFlapWhileDry() {
        ScriptedFeed feed = ScriptedFeed.videoOnly();
        core.setBufferTimeUs(0);
        core.start(feed, 0);

        stepAtMs(0);
        stepAtMs(10);
        assertEquals(List.of(), events.all(), "no data yet: the buffer is not full, even with bufferTime 0");

        feed.videoFrames(0, 1, 40);
        stepAtMs(10);
        assertEquals(List.of(FULL), events.codes());
        assertEquals(List.of("0@10"), events.renders());

        stepAtMs(50); // played up to 40 ms, nothing more received
        stepAtMs(60);
        stepAtMs(70);
        assertEquals(List.of(FULL, EMPTY), events.codes());
        assertEquals(40_000, core.timeUs());

        feed.videoFrames(40, 1, 40);
        stepAtMs(70);
        assertEquals(List.of(FULL, EMPTY, FULL), events.codes());
        assertEquals(List.of("0@10", "40@70"), events.renders());
    }

    // Rebuffer.

    @Test
    void dataStoppingSendsBufferEmptyOnceStopsTheClockAndResumesWhereItStoppedWhenRefilled() {
        ScriptedFeed feed = ScriptedFeed.videoOnly();
        core.start(feed, 0);
        feed.videoFrames(0, 3, 40); // received up to 120 ms
        stepAtMs(0);
        stepAtMs(40);
        stepAtMs(80);
        assertEquals(List.of(FULL), events.codes());

        stepAtMs(120);
        assertEquals(List.of(FULL, EMPTY), events.codes());
        assertEquals(PlaybackCore.Phase.BUFFERING, core.phase());

        stepAtMs(200);
        stepAtMs(300);
        assertEquals(List.of(FULL, EMPTY), events.codes(), "Buffer.Empty is sent once");
        assertEquals(120_000, core.timeUs(), "the clock stands still while rebuffering");

        feed.videoFrames(120, 2, 40); // received up to 200 ms: 80 ms past the playhead
        stepAtMs(310);
        assertEquals(80_000, core.bufferLengthUs());
        assertEquals(List.of(FULL, EMPTY), events.codes(), "80 ms is less than bufferTime");

        feed.videoFrames(200, 1, 40); // received up to 240 ms: 120 ms past the playhead
        stepAtMs(330);
        assertEquals(List.of(FULL, EMPTY, FULL), events.codes());
        stepAtMs(370);
        assertEquals(List.of("0@0", "40@40", "80@80", "120@330", "160@370"), events.renders());
        assertEquals(0, core.droppedFrames());
    }

    // Seek.

    @Test
    void seekNotifiesThenBuffersAndShowsNothingBeforeTheTarget() {
        ScriptedFeed feed = ScriptedFeed.audioAndVideo();
        core.start(feed, 0);
        feed.videoFrames(0, 5, 40).audioChunks(0, 2, 100);
        stepAtMs(0);
        stepAtMs(40);

        time.setMs(50);
        feed.resetForSeek();
        core.seeked(1_000_000);
        assertEquals(1_000_000, core.timeUs());
        stepAtMs(60);
        assertEquals(List.of(FULL, SEEK_NOTIFY), events.codes(), "no Buffer.Full before data arrives");
        assertEquals(1_000_000, core.timeUs());

        // The source lands on the keyframe at 960 ms and the audio packet at 950 ms.
        feed.videoFrames(960, 4, 40).audioChunks(950, 3, 100);
        TestVideoFrame endsAtTarget = (TestVideoFrame) feed.video.peek();
        stepAtMs(70);
        assertEquals(List.of(FULL, SEEK_NOTIFY, FULL), events.codes());
        assertTrue(endsAtTarget.released(), "the frame ending at the target is discarded");
        assertEquals(List.of("0@0", "40@40", "1000@70"), events.renders());
        // 950 ms chunk trimmed by 50 ms (2400 samples at 48 kHz): its sample 2400 plays first.
        assertEquals(List.of("0+4800@0", "2400+2400@70"), audioSink.writes());

        stepAtMs(120);
        assertEquals(List.of("0@0", "40@40", "1000@70", "1040@120"), events.renders());
        assertEquals(List.of("0+4800@0", "2400+2400@70", "0+4800@120"), audioSink.writes());
        assertEquals(List.of(FULL, SEEK_NOTIFY, FULL), events.codes());
    }

    @Test
    void seekWhilePausedShowsOneStillFrameAtTheTargetAndStaysPaused() {
        ScriptedFeed feed = ScriptedFeed.videoOnly();
        core.start(feed, 0);
        feed.videoFrames(0, 5, 40);
        stepAtMs(0);
        stepAtMs(40);
        time.setMs(50);
        core.pause();

        feed.resetForSeek();
        core.seeked(1_000_000);
        feed.videoFrames(960, 6, 40); // 960..1200 ms
        stepAtMs(60);
        stepAtMs(500);
        assertEquals(List.of(FULL, PAUSE_NOTIFY, SEEK_NOTIFY, FULL), events.codes());
        assertEquals(List.of("0@0", "40@40", "1000@60"), events.renders());
        assertTrue(core.paused());
        assertEquals(1_000_000, core.timeUs());

        core.resume();
        stepAtMs(540);
        assertEquals(List.of(FULL, PAUSE_NOTIFY, SEEK_NOTIFY, FULL, UNPAUSE_NOTIFY), events.codes());
        assertEquals(List.of("0@0", "40@40", "1000@60", "1040@540"), events.renders());
    }

    @Test
    void seekAfterTheEndPlaysAgainAndEndsAgain() {
        ScriptedFeed feed = ScriptedFeed.videoOnly();
        core.start(feed, 0);
        feed.videoFrames(0, 3, 40);
        feed.endSource();
        stepAtMs(0);
        stepAtMs(40);
        stepAtMs(80);
        stepAtMs(120);
        stepAtMs(200);
        assertEquals(List.of(FULL, FLUSH, STOP, COMPLETE), events.codes());
        assertEquals(PlaybackCore.Phase.ENDED, core.phase());

        feed.resetForSeek();
        core.seeked(40_000);
        feed.videoFrames(0, 3, 40);
        feed.endSource();
        stepAtMs(210);
        stepAtMs(250);
        stepAtMs(290);
        stepAtMs(400);
        assertEquals(List.of(FULL, FLUSH, STOP, COMPLETE, SEEK_NOTIFY, FULL, FLUSH, STOP, COMPLETE), events.codes());
        assertEquals(List.of("0@0", "40@40", "80@80", "40@210", "80@250"), events.renders());
        assertEquals(PlaybackCore.Phase.ENDED, core.phase());
    }

    // Pause and resume.

    @Test
    void pauseStopsTheClockWhileTheBufferKeepsFillingAndResumeContinues() {
        ScriptedFeed feed = ScriptedFeed.videoOnly();
        core.start(feed, 0);
        feed.videoFrames(0, 5, 40); // up to 200 ms
        stepAtMs(0);
        stepAtMs(40);

        time.setMs(50);
        core.pause();
        core.pause();
        stepAtMs(60);
        stepAtMs(500);
        assertEquals(50_000, core.timeUs(), "the clock stands still while paused");
        assertEquals(List.of(FULL, PAUSE_NOTIFY), events.codes(), "pausing twice notifies once");

        feed.videoFrames(200, 5, 40); // up to 400 ms
        stepAtMs(500);
        assertEquals(350_000, core.bufferLengthUs());
        assertEquals(50_000, feed.playheadUs(), "read-ahead is measured from the paused playhead");

        core.resume();
        core.resume();
        stepAtMs(530);
        stepAtMs(570);
        assertEquals(List.of(FULL, PAUSE_NOTIFY, UNPAUSE_NOTIFY), events.codes());
        assertEquals(List.of("0@0", "40@40", "80@530", "120@570"), events.renders());
        assertEquals(120_000, core.timeUs());
    }

    // End.

    @Test
    void sourceEndFlushesOncePlaysOutTheBufferThenStopsAndCompletesOnce() {
        ScriptedFeed feed = ScriptedFeed.videoOnly();
        core.start(feed, 0);
        feed.videoFrames(0, 5, 40); // up to 200 ms
        stepAtMs(0);
        stepAtMs(40);
        stepAtMs(80);

        feed.endSource();
        stepAtMs(100);
        stepAtMs(110);
        assertEquals(List.of(FULL, FLUSH), events.codes());

        stepAtMs(120);
        stepAtMs(160);
        stepAtMs(180);
        assertEquals(List.of(FULL, FLUSH), events.codes(), "the last frame is still on screen until 200 ms");
        stepAtMs(200);
        stepAtMs(300);
        stepAtMs(400);
        assertEquals(List.of(FULL, FLUSH, STOP, COMPLETE), events.codes());
        assertEquals(List.of("0@0", "40@40", "80@80", "120@120", "160@160"), events.renders());
        assertEquals(PlaybackCore.Phase.ENDED, core.phase());
        assertEquals(200_000, core.timeUs());
    }

    @Test
    void streamShorterThanBufferTimeSendsFullThenFlushThenStopAndComplete() {
        ScriptedFeed feed = ScriptedFeed.videoOnly();
        core.start(feed, 0);
        feed.videoFrames(0, 2, 40); // 80 ms, less than the 100 ms bufferTime
        feed.endSource();
        stepAtMs(0);
        assertEquals(List.of(FULL, FLUSH), events.codes());
        stepAtMs(40);
        stepAtMs(80);
        assertEquals(List.of(FULL, FLUSH, STOP, COMPLETE), events.codes());
        assertEquals(List.of("0@0", "40@40"), events.renders());
    }

    // Late frames and fast mode.

    @Test
    void clockJumpingPastSeveralFramesDropsTheSkippedOnesAndRendersOnlyTheLastDue() {
        ScriptedFeed feed = ScriptedFeed.videoOnly();
        core.start(feed, 0);
        feed.videoFrames(0, 10, 40);
        stepAtMs(0);
        stepAtMs(170); // 40, 80, 120 and 160 are all due
        assertEquals(List.of("0@0", "160@170"), events.renders());
        assertEquals(3, core.droppedFrames());
        assertEquals(2, core.renderedFrames());

        stepAtMs(200);
        assertEquals(List.of("0@0", "160@170", "200@200"), events.renders());
        assertEquals(3, core.droppedFrames());
        assertEquals(List.of(FULL), events.codes());
    }

    @Test
    void fastModeRendersEveryFrameInOrderWithTheClockJumpingFrameToFrame() {
        PlaybackCore fast = new PlaybackCore(time, events, audioSink, true);
        ScriptedFeed feed = ScriptedFeed.videoOnly();
        fast.start(feed, 0);
        feed.videoFrames(0, 5, 40);
        feed.endSource();

        List<Long> timesUs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            fast.step(); // the fake time never moves
            timesUs.add(fast.timeUs());
        }
        assertEquals(List.of("0@0", "40@0", "80@0", "120@0", "160@0"), events.renders());
        assertEquals(List.of(0L, 40_000L, 80_000L, 120_000L, 160_000L, 160_000L), timesUs);
        assertEquals(0, fast.droppedFrames());
        assertEquals(List.of(FULL, FLUSH, STOP, COMPLETE), events.codes());
    }

    @Test
    void fastModeDropsNothingEvenWhenTheClockJumpsPastSeveralFrames() {
        PlaybackCore fast = new PlaybackCore(time, events, audioSink, true);
        ScriptedFeed feed = ScriptedFeed.videoOnly();
        fast.start(feed, 0);
        feed.videoFrames(0, 5, 40);
        feed.endSource();
        for (int i = 0; i < 6; i++) {
            stepAtMs(fast, i * 1000L);
        }
        assertEquals(List.of("0@0", "40@1000", "80@2000", "120@3000", "160@4000"), events.renders());
        assertEquals(0, fast.droppedFrames());
        assertEquals(List.of(FULL, FLUSH, STOP, COMPLETE), events.codes());
    }

    // Audio-only, video-only, receiveVideo.

    @Test
    void audioOnlyFeedBuffersPlaysRebuffersAndEnds() {
        ScriptedFeed feed = ScriptedFeed.audioOnly();
        core.start(feed, 0);
        stepAtMs(0);
        assertEquals(List.of(), events.all());

        feed.audioChunks(0, 2, 100); // up to 200 ms
        assertEquals(200_000, core.bufferLengthUs());
        assertEquals(200_000, core.trackBufferUs(false));
        assertEquals(0, core.trackBufferUs(true));
        stepAtMs(0);
        stepAtMs(100);
        stepAtMs(150);
        assertEquals(List.of(FULL), events.codes());

        stepAtMs(200);
        stepAtMs(300);
        assertEquals(List.of(FULL, EMPTY), events.codes());
        assertEquals(200_000, core.timeUs());

        feed.audioChunks(200, 2, 100); // up to 400 ms, and that is all
        feed.endSource();
        stepAtMs(300);
        stepAtMs(400);
        stepAtMs(450);
        assertEquals(List.of(FULL, EMPTY, FULL, FLUSH), events.codes());
        stepAtMs(500);
        assertEquals(List.of(FULL, EMPTY, FULL, FLUSH, STOP, COMPLETE), events.codes());
        assertEquals(List.of("0+4800@0", "0+4800@100", "0+4800@300", "0+4800@400"), audioSink.writes());
        assertEquals(List.of(), events.renders());
    }

    @Test
    void videoOnlyFeedMeasuresTheBufferOnVideoAlone() {
        ScriptedFeed feed = ScriptedFeed.videoOnly();
        core.start(feed, 0);
        feed.video.receivedUpToUs(150_000); // received, nothing decoded yet
        assertEquals(150_000, core.bufferLengthUs());
        assertEquals(150_000, core.trackBufferUs(true));
        assertEquals(0, core.trackBufferUs(false));
        stepAtMs(0);
        assertEquals(List.of(), events.codes(), "no Buffer.Full before the decoder has a picture to move on to");
        assertEquals(List.of(), events.renders());

        feed.videoFrames(0, 4, 40); // decoded, up to 160 ms
        stepAtMs(10);
        assertEquals(List.of(FULL), events.codes());
        stepAtMs(50);
        assertEquals(List.of("0@10", "40@50"), events.renders());
        assertEquals(List.of(), audioSink.writes());
    }

    @Test
    void receiveVideoFalseTakesVideoOutOfBufferLength() {
        ScriptedFeed feed = ScriptedFeed.audioAndVideo();
        core.start(feed, 0);
        feed.videoFrames(0, 2, 40).audioChunks(0, 3, 100); // video up to 80 ms, audio up to 300 ms
        assertEquals(80_000, core.bufferLengthUs());

        core.setReceiveVideo(false);
        assertEquals(300_000, core.bufferLengthUs());
        assertEquals(80_000, core.trackBufferUs(true));

        stepAtMs(0);
        stepAtMs(100);
        stepAtMs(200);
        assertEquals(List.of(FULL), events.codes(), "video running dry at 80 ms does not empty the buffer");
        assertEquals(List.of(), events.renders());
        assertEquals(0, feed.video.queued(), "video frames are discarded as their time passes");
        assertEquals(List.of("0+4800@0", "0+4800@100", "0+4800@200"), audioSink.writes());
    }

    // Audio device as the master clock.

    @Test
    void theClockFollowsTheDeviceSmoothlyNeverBackwardsAndSurvivesASampleRateChange() {
        FakeDeviceAudioSink device = new FakeDeviceAudioSink();
        PlaybackCore withDevice = new PlaybackCore(time, events, device, false);
        ScriptedFeed feed = ScriptedFeed.audioOnly();
        withDevice.start(feed, 0);
        // 200 ms at 48 kHz, then the decoder switches to 24 kHz (as AAC does on finding implicit SBR).
        feed.audio.add(TestAudio.chunk(0, 100, 48_000)).add(TestAudio.chunk(100, 100, 48_000))
                .add(TestAudio.chunk(200, 100, 24_000)).add(TestAudio.chunk(300, 100, 24_000));
        stepAtMs(withDevice, 0);
        assertEquals(List.of(FULL), events.codes());

        // The device plays 12 ms behind the wall clock and reports it in 20 ms periods. The clock
        // converges on it without running backwards.
        long last = 0;
        for (long ms = 2; ms <= 98; ms += 2) {
            device.played(ms < 12 ? 0 : (ms - 12) / 20 * 20 * 48);
            stepAtMs(withDevice, ms);
            assertTrue(withDevice.timeUs() >= last, "the clock ran backwards at " + ms + " ms");
            last = withDevice.timeUs();
        }
        assertEquals((98 - 12) * 1000, withDevice.timeUs(), 5000, "the clock is the device's playout position");

        // The 200 ms chunk is written: the device reopens at 24 kHz, and its new line plays the
        // chunk from wall time 110 ms on, reported in 20 ms periods.
        for (long ms = 100; ms <= 200; ms += 2) {
            device.played(ms < 110 ? 4_800 : (ms - 110) / 20 * 20 * 24);
            stepAtMs(withDevice, ms);
            assertTrue(withDevice.timeUs() >= last, "the clock ran backwards at " + ms + " ms");
            last = withDevice.timeUs();
        }
        assertEquals(List.of("48000Hz", "24000Hz"), device.opens());
        assertEquals(200_000 + (200 - 110) * 1000, withDevice.timeUs(), 3000,
                "the clock follows the new line from the chunk it opened on");
        assertEquals(List.of(FULL), events.codes());
    }

    // A/V sync and data.

    @Test
    void avDriftStaysSmallWhenFramesAreRenderedOnTime() {
        ScriptedFeed feed = ScriptedFeed.audioAndVideo();
        core.start(feed, 0);
        feed.videoFrames(0, 50, 40).audioChunks(0, 100, 20); // 2 s of each
        feed.endSource();
        for (long ms = 0; ms <= 2100; ms += 3) {
            stepAtMs(ms);
            assertTrue(Math.abs(core.avDriftMs()) < 3, "drift at " + ms + " ms: " + core.avDriftMs() + " ms");
        }
        assertEquals(50, core.renderedFrames());
        assertEquals(0, core.droppedFrames());
        assertEquals(List.of(FULL, FLUSH, STOP, COMPLETE), events.codes());
    }

    @Test
    void dataMessagesAreDeliveredWhenThePlayheadReachesThem() {
        ScriptedFeed feed = ScriptedFeed.videoOnly();
        core.start(feed, 0);
        feed.videoFrames(0, 5, 40);
        feed.addData(new DataMessage(100_000, "onCuePoint", List.of()));
        stepAtMs(0);
        stepAtMs(40);
        stepAtMs(80);
        stepAtMs(99);
        assertFalse(events.all().contains("data:onCuePoint@99"));
        stepAtMs(100);
        assertEquals(List.of(FULL, "render:0@0", "render:40@40", "render:80@80", "data:onCuePoint@100"),
                events.all());
    }
}
