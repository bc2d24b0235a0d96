package org.netstreamfx.player.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.media.TrackKind;

/** onMetaData's videoTrackIdInfoMap for the further renditions, and the order they are given up in. */
class RenditionTracksTest {
    private static FeedConfig track(int id, int width, int height, double kbps) {
        return new FeedConfig(TrackKind.VIDEO, new byte[] {1}, Map.of("width", (double) width, "height",
                (double) height, "framerate", 30.0, "videodatarate", kbps, "videocodecid", 7.0, "encoder", "x"),
                FeedCodec.H264, id);
    }

    @Test
    void furtherTracksAreDescribedByTrackIdFromOneAndDroppedByFallingBitRate() {
        RenditionTracks r = new RenditionTracks();
        Map<String, Object> meta = new LinkedHashMap<>();
        r.addMetaData(meta);
        assertFalse(meta.containsKey(RenditionTracks.VIDEO_TRACK_MAP), "a single-track publish says nothing new");
        assertEquals(List.of(0), r.dropOrder());
        r.configured(track(1, 160, 90, 200));
        r.configured(track(2, 640, 360, 1200));
        r.addMetaData(meta);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("1", Map.of("width", 160.0, "height", 90.0, "framerate", 30.0, "videodatarate", 200.0,
                "videocodecid", 7.0));
        expected.put("2", Map.of("width", 640.0, "height", 360.0, "framerate", 30.0, "videodatarate", 1200.0,
                "videocodecid", 7.0));
        assertEquals(expected, meta.get(RenditionTracks.VIDEO_TRACK_MAP));
        assertEquals(List.of(2, 1, 0), r.dropOrder());
        r.clear();
        assertEquals(List.of(0), r.dropOrder());
    }
}
