package org.netstreamfx.player.playback;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.source.SourceDescription;

/** Which streams get the live video decoder (pictures handed on as soon as they can be shown). */
class StreamPipelineLiveTest {
    @Test
    void liveStreamIsNotSeekableAndHasNoDuration() {
        assertTrue(StreamPipeline.live(new SourceDescription("rtmp", -1, List.of(), List.of(), Map.of(), false)));
    }

    @Test
    void recordedStreamsAreNotLive() {
        assertFalse(StreamPipeline.live(new SourceDescription("rtmp", 30_000_000, List.of(), List.of(), Map.of(), true)));
        assertFalse(StreamPipeline.live(new SourceDescription("mp4", 2_000_000, List.of(), List.of(), Map.of(), true)));
        assertFalse(StreamPipeline.live(new SourceDescription("flv", -1, List.of(), List.of(), Map.of(), true)));
    }
}
