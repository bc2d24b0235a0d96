package org.netstreamfx.player.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The audio device as the player meets it: one that starts late, one that must be primed to
 * start, one that goes away, one that cannot be opened, one that runs dry. Fake clock, fake
 * device, every status code written out.
 */
class PlaybackCoreDeviceTest {
    private static final String FULL = "NetStream.Buffer.Full";
    private static final String FLUSH = "NetStream.Buffer.Flush";
    private static final String STOP = "NetStream.Play.Stop";
    private static final String COMPLETE = "playStatus:NetStream.Play.Complete";
    private static final String LOST = "NetStreamFX.Audio.DeviceLost";
    private static final String NODEVICE = "NetStreamFX.Audio.NoDevice";
    private static final String UNDERRUN = "NetStreamFX.Audio.Underrun";
    /** Frames per millisecond at the test audio's 48 kHz. */
    private static final int F_PER_MS = 48;

    private final FakeTime time = new FakeTime();
    private final RecordingEvents events = new RecordingEvents(time);
    private final FakeDeviceAudioSink device = new FakeDeviceAudioSink();
    private final PlaybackCore core = new PlaybackCore(time, events, device, false);

    private void stepAtMs(long ms) {
        time.setMs(ms);
        core.step();
    }

    @Test
    void thePictureDoesNotWaitForADeviceThatStartsLateAndTheSoundJoinsInSync() {
        device.bufferFrames(80 * F_PER_MS);
        ScriptedFeed feed = ScriptedFeed.audioAndVideo();
        core.start(feed, 0);
        feed.videoFrames(0, 50, 40).audioChunks(0, 100, 20);
        // The device takes nothing for 500 ms (a sound server setting up), then plays what it
        // holds from the start, in 20 ms periods.
        for (long ms = 0; ms <= 500; ms += 2) {
            stepAtMs(ms);
        }
        assertEquals(500_000, core.timeUs(), 1000, "the clock ran on wall time meanwhile");
        List<String> shown = events.renders();
        assertEquals("480@480", shown.get(shown.size() - 1), "the picture moved on time: " + shown);
        long last = core.timeUs();
        long startedAt = 502;
        for (long ms = startedAt; ms <= 800; ms += 2) {
            device.played(Math.min(device.writtenFrames(), ((ms - startedAt) / 20 + 1) * 20 * F_PER_MS));
            stepAtMs(ms);
            assertTrue(core.timeUs() >= last, "the clock ran backwards at " + ms);
            last = core.timeUs();
        }
        // The 80 ms it held played late; the sound after it was cut to the clock.
        assertEquals(800_000, core.timeUs(), 5000, "sound and clock together");
        assertEquals(0, core.droppedFrames());
        assertEquals(List.of(FULL), events.codes());
    }

    @Test
    void aDeviceIsPrimedWithSilenceWhileTheStreamBuffersAndTheSoundCountsFromAfterIt() {
        device.bufferFrames(80 * F_PER_MS); // starts only when its 80 ms buffer is full
        ScriptedFeed feed = ScriptedFeed.audioOnly();
        core.setBufferTimeUs(1_000_000);
        core.start(feed, 0);
        feed.audioChunks(0, 10, 20); // 200 ms: under bufferTime, so the stream buffers
        stepAtMs(0);
        assertEquals(List.of(), events.codes());
        assertEquals(80 * F_PER_MS, device.writtenFrames(), "a full buffer of silence to start the device");
        // The device starts and plays 40 ms of the silence; it is topped up to 30 ms, no more.
        device.played(40 * F_PER_MS);
        stepAtMs(40);
        assertEquals(80 * F_PER_MS, device.writtenFrames(), "40 ms still queued: nothing more");
        device.played(70 * F_PER_MS);
        stepAtMs(70);
        assertEquals(100 * F_PER_MS, device.writtenFrames(), "topped up to 30 ms queued");
        feed.audioChunks(200, 50, 20);
        feed.endSource();
        stepAtMs(72);
        assertEquals(List.of(FULL, FLUSH), events.codes());
        // The sound follows the 30 ms of silence still queued: the device position counts from there.
        long clockAtFull = core.timeUs();
        device.played(100 * F_PER_MS + 20 * F_PER_MS); // the silence and 20 ms of sound played
        stepAtMs(104);
        assertTrue(core.timeUs() >= clockAtFull, "never backwards");
        assertEquals(20_000, core.timeUs(), 12_000, "the clock counts the sound, not the silence");
    }

    @Test
    void aDeviceThatGoesAwayIsAWarningAndPlaybackGoesOnOnTheWallClock() {
        ScriptedFeed feed = ScriptedFeed.audioAndVideo();
        core.start(feed, 0);
        feed.videoFrames(0, 25, 40).audioChunks(0, 50, 20);
        feed.endSource();
        for (long ms = 0; ms <= 300; ms += 2) {
            device.played(ms / 20 * 20 * F_PER_MS);
            stepAtMs(ms);
        }
        device.fail("The audio output \"default\" stopped playing for 600 ms");
        for (long ms = 302; ms <= 1200; ms += 2) {
            stepAtMs(ms);
        }
        assertEquals(List.of(FULL, FLUSH, LOST, STOP, COMPLETE), events.codes());
        assertEquals(0, core.droppedFrames());
        assertEquals(25, core.renderedFrames(), "every picture shown, on the wall clock after the loss");
    }

    @Test
    void aDeviceThatCannotBeOpenedIsNoDeviceAndTheClockRunsOnWallTime() {
        device.failOpen("No audio output \"default\" for 48000 Hz 2 ch 16-bit: the server refused");
        ScriptedFeed feed = ScriptedFeed.audioOnly();
        core.start(feed, 0);
        feed.audioChunks(0, 10, 20);
        feed.endSource();
        for (long ms = 0; ms <= 300; ms += 2) {
            stepAtMs(ms);
        }
        assertEquals(List.of(FULL, FLUSH, NODEVICE, STOP, COMPLETE), events.codes());
    }

    @Test
    void aDeviceThatRunsDryIsCountedOncePerGap() {
        device.bufferFrames(80 * F_PER_MS);
        ScriptedFeed feed = ScriptedFeed.audioOnly();
        core.start(feed, 0);
        feed.audioChunks(0, 50, 20); // 1 s
        long playedMs = 0;
        for (long ms = 0; ms <= 900; ms += 2) {
            if (ms == 300) {
                // The playback thread was held up for 150 ms: the device played all it had.
                ms = 450;
                playedMs = device.writtenFrames() / F_PER_MS;
            } else if (ms > 0) {
                playedMs = Math.min(device.writtenFrames() / F_PER_MS, playedMs + 2);
            }
            device.played(playedMs * F_PER_MS);
            stepAtMs(ms);
        }
        assertEquals(List.of(FULL, UNDERRUN), events.codes());
        assertEquals(1, core.audioUnderruns());
    }
}
