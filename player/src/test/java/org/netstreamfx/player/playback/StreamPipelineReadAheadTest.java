package org.netstreamfx.player.playback;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** When the demuxer may stop reading ahead of the playhead. */
class StreamPipelineReadAheadTest {
    private static final long READ_AHEAD_US = 5_000_000;

    private static StreamPipeline.Track track(long bufferedEndUs) {
        return new StreamPipeline.Track(bufferedEndUs, false);
    }

    @Test
    void stopsWhenEveryTrackIsFarEnoughAhead() {
        assertTrue(StreamPipeline.aheadEnough(List.of(track(7_000_000), track(6_000_000)), 1000, 1_000_000,
                READ_AHEAD_US));
    }

    @Test
    void readsOnWhileOneTrackIsBehind() {
        assertFalse(StreamPipeline.aheadEnough(List.of(track(7_000_000), track(5_999_999)), 1000, 1_000_000,
                READ_AHEAD_US));
        assertFalse(StreamPipeline.aheadEnough(List.of(track(7_000_000), track(TrackOutput.NOTHING)), 1000, 0,
                READ_AHEAD_US));
    }

    /**
     * The hang FileMutantFuzzTest found: an AAC track whose packets last 1024 s each (mdhd
     * timescale 0, replaced by 1) is "2048 s ahead" after two packets, while its decoder, which
     * holds the first packet back, has given out nothing yet.
     */
    @Test
    void readsOnWhileATrackDecoderWaitsForDataWhateverItsTimestampsSay() {
        assertFalse(StreamPipeline.aheadEnough(List.of(new StreamPipeline.Track(2_048_000_000L, true)), 600, 0,
                READ_AHEAD_US));
        assertFalse(StreamPipeline.aheadEnough(List.of(track(7_000_000), new StreamPipeline.Track(9_000_000, true)),
                600, 0, READ_AHEAD_US));
    }

    @Test
    void theByteLimitStopsReadingEvenForAStarvedTrack() {
        assertTrue(StreamPipeline.aheadEnough(List.of(new StreamPipeline.Track(0, true)),
                StreamPipeline.MAX_QUEUED_BYTES, 0, READ_AHEAD_US));
    }
}
