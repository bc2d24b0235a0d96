package org.netstreamfx.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.netstreamfx.e2e.fixtures.Fixtures;
import org.netstreamfx.e2e.fixtures.Fixtures.AudioCodec;
import org.netstreamfx.e2e.fixtures.Fixtures.Container;
import org.netstreamfx.e2e.fixtures.Fixtures.VideoCodec;
import org.netstreamfx.e2e.support.EngineRun;
import org.netstreamfx.testkit.RunsAlone;

/** Seeking to an exact time, and audio/video staying together over ten seconds of real-time play. */
@RunsAlone
class SeekAndSyncTest {

    @ParameterizedTest
    @EnumSource(value = Container.class, names = {"MP4", "FLV"})
    void seekLandsOnTheExactTimeAndPlaysOn(Container container) throws Exception {
        Path file = Fixtures.make(container, VideoCodec.H264, AudioCodec.HE_AAC_V2, 6.0);
        try (EngineRun run = new EngineRun(true)) {
            run.play(file.toString(), Duration.ofSeconds(60), ns -> ns.seek(3.0));

            assertEquals(List.of("NetStream.Play.Start", "onMetaData", "NetStream.Seek.Notify", "NetStream.Buffer.Full",
                    "NetStream.Buffer.Flush", "NetStream.Play.Stop", "onPlayStatus:NetStream.Play.Complete"),
                    run.sequence.stream().filter(s -> !s.startsWith("NetStreamFX.")).toList());
            assertEquals(3.0, (Double) run.first("NetStream.Seek.Notify").details(), 1e-9);
            // The first picture shown is the one at 3.00 s (frames are 40 ms apart); the keyframe at
            // or before 3 s was decoded but not shown, and nothing before 3 s was shown. (In the MP4
            // the edit list starts video at 0; in the FLV, pts = dts + 80 ms of B-frame delay, and
            // the frame at 3.00 s belongs to the group before the keyframe at 3.08 s.)
            List<Long> pts = run.renderedPtsUs;
            assertEquals(3_000_000L, pts.get(0), "first frame after the seek; rendered " + pts.subList(0, 5));
            for (int i = 1; i < pts.size(); i++) {
                assertEquals(40_000L, pts.get(i) - pts.get(i - 1), "no frame skipped or repeated at " + i);
            }
            assertTrue(pts.get(pts.size() - 1) >= 5_960_000L, "played on to the end: " + pts.get(pts.size() - 1));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Container.class, names = {"MP4", "FLV"})
    void audioAndVideoStayWithin40MsOverTenSecondsOfRealTimePlay(Container container) throws Exception {
        Path file = Fixtures.make(container, VideoCodec.H264, AudioCodec.HE_AAC_V2, 10.5);
        try (EngineRun run = new EngineRun(false)) {
            run.play(file.toString(), Duration.ofSeconds(40));
            assertEquals("onPlayStatus:NetStream.Play.Complete", run.sequence.get(run.sequence.size() - 1));
            double drift = run.info().avDriftMs();
            assertTrue(Math.abs(drift) < 40, "A/V drift after 10 s: " + drift + " ms");
            assertTrue(run.ns.time() >= 10.4, "played to the end: " + run.ns.time());
            assertTrue(run.escaped.isEmpty(), "exceptions escaped: " + run.escaped);
        }
    }
}
