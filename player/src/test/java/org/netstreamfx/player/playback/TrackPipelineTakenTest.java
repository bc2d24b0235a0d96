package org.netstreamfx.player.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A track tells whoever reads ahead for it ({@link StreamPipeline}'s demux thread, which waits
 * without a time limit) each time it gives something up or is enabled again: without that call
 * the demuxer would sleep on with the read-ahead no longer full.
 */
class TrackPipelineTakenTest {
    private static final TrackPipeline.Problems NONE = new TrackPipeline.Problems() {
        @Override
        public void decodeError(String description) {
        }

        @Override
        public void fatal(String description) {
        }
    };

    @Test
    void takingAFrameAndTurningTheTrackOffOrOnEachTellTheDemuxer() {
        AtomicInteger taken = new AtomicInteger();
        TrackPipeline<TestVideoFrame> track = new TrackPipeline<>("nsfx-test-track", 2, NONE, new FrameSignal(),
                taken::incrementAndGet);
        try {
            track.poll();
            assertEquals(1, taken.get(), "the playback thread took a frame");
            track.setEnabled(false);
            assertEquals(2, taken.get(), "the track was turned off: its queued packets are gone");
            track.setEnabled(true);
            assertEquals(3, taken.get(), "the track was turned on again: it wants packets");
            track.setEnabled(true);
            assertEquals(3, taken.get(), "no change, no call");
        } finally {
            track.close();
        }
    }
}
