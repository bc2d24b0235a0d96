package org.netstreamfx.player.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chart series the report carries per track: bit rate per second, keyframes, declared rates, bounded. */
class TrackSeriesTest {
    @Test
    void eachSecondHasItsBitRateEachKeyframeItsIntervalAndTheDeclaredRateIsOnMetaDatas() {
        HealthFeed f = new HealthFeed(Profiles.GENERIC);
        f.data(StreamMetadata.ON_METADATA, Map.of("videodatarate", 1000.0, "audiodatarate", 48.0));
        f.play(0, 10.05, 2, 4_000);
        HealthReport r = f.analyzer.report();
        TrackSeries video = r.series().get(0);
        TrackSeries audio = r.series().get(1);
        assertTrue(video.video());
        assertEquals(1000.0, video.declaredKbps());
        assertEquals(48.0, audio.declaredKbps());
        // Seconds 0..9 are closed (the 11th is still open); 30 frames of 4000 bytes = 960 kbit/s.
        assertEquals(10, video.kbps().size(), video.kbps().toString());
        assertEquals(3.0, video.kbps().get(3).timeS());
        assertEquals(960.0, video.kbps().get(3).value(), 35.0);
        // A keyframe at 2, 4, 6, 8 and 10 s, each 2 s after the one before.
        assertEquals(List.of(2.0, 4.0, 6.0, 8.0, 10.0), video.keyframes().stream()
                .map(p -> (double) Math.round(p.timeS())).toList());
        video.keyframes().forEach(p -> assertEquals(2.0, p.value(), 0.05));
        // 43 AAC packets of 200 bytes a second: about 69 kbit/s.
        assertEquals(69.0, audio.kbps().get(5).value(), 3.0);
        assertTrue(audio.keyframes().isEmpty());
    }

    @Test
    void theSeriesKeepTheLastMaxPointsOnly() {
        HealthFeed f = new HealthFeed(Profiles.GENERIC);
        f.play(0, TrackSeries.MAX_POINTS + 30, 1, 100); // the last second (629) is still open
        TrackSeries video = f.analyzer.report().series().get(0);
        assertEquals(TrackSeries.MAX_POINTS, video.kbps().size());
        assertEquals(TrackSeries.MAX_POINTS, video.keyframes().size());
        assertEquals(TrackSeries.MAX_POINTS + 28.0, video.kbps().get(TrackSeries.MAX_POINTS - 1).timeS());
    }
}
