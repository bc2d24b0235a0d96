package org.netstreamfx.app.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netstreamfx.capture.encode.Rendition;
import org.netstreamfx.capture.feed.MultitrackCameraFeed;
import org.netstreamfx.player.publish.TrackFigures;

/**
 * The per-track part of {@code nsfx publish --tracks}' stats lines: for each rendition its trackId,
 * what it was asked to be, and the video frames sent and dropped on the current connection (the
 * queue gives up the highest bit rate first, track 0 last).
 */
final class TrackStats {
    private TrackStats() {
    }

    /** {@code [{"id":0,"rendition":"720p30@2500","sent":…,"dropped":…}, …]}, empty before publishing starts. */
    static List<Map<String, Object>> of(MultitrackCameraFeed feed) {
        List<Rendition> renditions = feed.renditions().tracks();
        List<Map<String, Object>> out = new ArrayList<>();
        for (TrackFigures f : feed.trackFigures()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", f.trackId());
            if (f.trackId() < renditions.size()) {
                m.put("rendition", renditions.get(f.trackId()).toString());
            }
            m.put("sent", f.framesSent());
            m.put("dropped", f.framesDropped());
            out.add(m);
        }
        return out;
    }
}
