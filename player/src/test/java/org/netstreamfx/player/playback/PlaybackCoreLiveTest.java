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

    private final FakeTime time = new FakeTime();
    private final RecordingEvents events = new RecordingEvents(time);
    private final PlaybackCore core = new PlaybackCore(time, events, new RecordingAudioSink(time), false);

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
}
