package org.netstreamfx.player.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.sink.AudioChunk;
import org.netstreamfx.player.sink.VideoFrame;
import org.netstreamfx.player.source.DataMessage;
import org.netstreamfx.testkit.RunsAlone;

/**
 * Fast mode waits for the decoder instead of spinning: with frames queued by another thread at
 * a slow pace, the playback loop (stepped as PlaybackSession does: sleeping what step() returns)
 * runs a number of steps bounded by the frames delivered, not by the wall time.
 */
@RunsAlone
class PlaybackCoreFastWaitTest {

    /** A video track filled by a producer thread, signalling a {@link FrameSignal} like TrackPipeline. */
    private static final class SlowTrack implements TrackOutput<VideoFrame> {
        final ConcurrentLinkedDeque<VideoFrame> frames = new ConcurrentLinkedDeque<>();
        volatile long bufferedEndUs = NOTHING;
        volatile boolean ended;

        @Override
        public VideoFrame peek() {
            return frames.peekFirst();
        }

        @Override
        public VideoFrame poll() {
            return frames.pollFirst();
        }

        @Override
        public long bufferedEndUs() {
            return bufferedEndUs;
        }

        @Override
        public long bufferedBytes() {
            return 0;
        }

        @Override
        public boolean finished() {
            return ended && frames.isEmpty();
        }
    }

    private static final class SlowFeed implements PlaybackFeed {
        final SlowTrack video = new SlowTrack();
        final FrameSignal arrivals = new FrameSignal();
        volatile boolean sourceEnded;

        @Override
        public TrackOutput<VideoFrame> video() {
            return video;
        }

        @Override
        public TrackOutput<AudioChunk> audio() {
            return null;
        }

        @Override
        public DataMessage pollData(long upToUs) {
            return null;
        }

        @Override
        public boolean sourceEnded() {
            return sourceEnded;
        }

        @Override
        public FrameSignal arrivals() {
            return arrivals;
        }

        @Override
        public void playheadMoved(long positionUs) {
        }
    }

    @Test
    void fastModeStepsAreBoundedByFramesNotByWallTime() throws Exception {
        int frameCount = 30;
        long frameUs = 33_333;
        FakeTime time = new FakeTime();
        RecordingEvents events = new RecordingEvents(time);
        PlaybackCore core = new PlaybackCore(time, events, null, true);
        SlowFeed feed = new SlowFeed();
        core.start(feed, 0);
        // The packets are "received" at once (so the buffer is never starved); decoding is slow:
        // one frame every 5 ms, and a 300 ms stall in the middle.
        feed.video.bufferedEndUs = frameCount * frameUs;
        Thread decoder = new Thread(() -> {
            for (int i = 0; i < frameCount; i++) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(i == frameCount / 2 ? 300 : 5));
                feed.video.frames.addLast(new TestVideoFrame(i * frameUs, frameUs));
                feed.arrivals.signal();
            }
            feed.sourceEnded = true;
            feed.video.ended = true;
            feed.arrivals.signal();
        }, "test-decoder");
        decoder.start();
        long steps = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (core.phase() != PlaybackCore.Phase.ENDED && System.nanoTime() < deadline) {
            long sleepNs = core.step();
            steps++;
            if (sleepNs > 0 && core.phase() != PlaybackCore.Phase.ENDED) {
                LockSupport.parkNanos(sleepNs); // PlaybackSession waits this long for a command
            }
        }
        decoder.join(5_000);
        assertEquals(PlaybackCore.Phase.ENDED, core.phase());
        assertEquals(frameCount, core.renderedFrames());
        assertEquals(0, core.droppedFrames());
        // Spinning would take hundreds of thousands of steps in these ~450 ms. Waiting: one step
        // per frame, one more when the frame's successor is not there yet, plus a timed-out wait
        // every FAST_IDLE_WAIT_NS during the 300 ms stall, plus buffering at the start.
        long stallWakeups = 300_000_000L / PlaybackCore.FAST_IDLE_WAIT_NS + 2;
        assertTrue(steps <= 2L * frameCount + stallWakeups + 10,
                "the fast-mode loop spun: " + steps + " steps for " + frameCount + " frames");
    }

    @Test
    void theWaitEndsAtOnceWhenTheFrameWasQueuedBeforeIt() throws Exception {
        FrameSignal s = new FrameSignal();
        long seen = s.count();
        s.signal();
        long t0 = System.nanoTime();
        assertTrue(s.awaitAfter(seen, TimeUnit.SECONDS.toNanos(5)));
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(1));
        long t1 = System.nanoTime();
        assertEquals(false, s.awaitAfter(s.count(), TimeUnit.MILLISECONDS.toNanos(20)));
        assertTrue(System.nanoTime() - t1 >= TimeUnit.MILLISECONDS.toNanos(20));
    }
}
