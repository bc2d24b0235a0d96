package org.netstreamfx.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.netstreamfx.e2e.fixtures.Ffprobe;
import org.netstreamfx.e2e.fixtures.Fixtures;
import org.netstreamfx.e2e.fixtures.Fixtures.AudioCodec;
import org.netstreamfx.e2e.fixtures.Fixtures.Container;
import org.netstreamfx.e2e.fixtures.Fixtures.VideoCodec;
import org.netstreamfx.e2e.support.EngineRun;
import org.netstreamfx.e2e.support.LocalHttpServer;
import org.netstreamfx.player.net.NetStatusEvent;

/** Progressive download over HTTP from a real server on 127.0.0.1, the Flash way. */
class HttpPlaybackTest {

    @ParameterizedTest
    @EnumSource(value = Container.class, names = {"MP4", "FLV"})
    void playsAProgressiveDownloadFrameForFrame(Container container) throws Exception {
        Path file = Fixtures.make(container, VideoCodec.H264, AudioCodec.HE_AAC_V2, 3.0);
        try (LocalHttpServer http = new LocalHttpServer(file.getParent()); EngineRun run = new EngineRun(true)) {
            run.play(http.url(file.getFileName().toString()), Duration.ofSeconds(60));

            assertEquals(List.of("NetStream.Play.Start", "onMetaData", "NetStream.Buffer.Full",
                    "NetStream.Buffer.Flush", "NetStream.Play.Stop", "onPlayStatus:NetStream.Play.Complete"),
                    run.sequence.stream().filter(s -> !s.startsWith("NetStreamFX.")).toList());
            assertEquals(Ffprobe.countVideoFrames(file), run.info().decodedFrames());
            assertEquals(Ffprobe.countAudioSamples(file), run.info().decodedAudioSamples());
            assertEquals(Files.size(file), run.ns.bytesLoaded());
            assertEquals(Files.size(file), run.ns.bytesTotal());
        }
    }

    @Test
    void missingUrlIsStreamNotFound() throws Exception {
        Path file = Fixtures.make(Container.MP4, VideoCodec.H264, AudioCodec.AAC_LC, 3.0);
        try (LocalHttpServer http = new LocalHttpServer(file.getParent()); EngineRun run = new EngineRun(false)) {
            run.play(http.url("no-such-file.mp4"), Duration.ofSeconds(10));
            NetStatusEvent e = run.first("NetStream.Play.StreamNotFound");
            assertTrue(e.description().contains("HTTP 404"), e.description());
            assertEquals(List.of("NetStream.Play.StreamNotFound"), run.codes());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Container.class, names = {"MP4", "FLV"})
    void seekPastWhatHasDownloadedIsInvalidTimeWithTheLastValidTime(Container container) throws Exception {
        Path file = Fixtures.make(container, VideoCodec.H264, AudioCodec.HE_AAC_V2, 6.0);
        try (LocalHttpServer http = new LocalHttpServer(file.getParent()); EngineRun run = new EngineRun(false)) {
            http.throttle(Files.size(file) / 8); // the whole file takes 8 s to arrive
            run.ns.addNetStatusListener(e -> {
                if (e.code().equals("NetStream.Play.Start")) {
                    run.ns.seek(5.5);
                }
            });
            run.play(http.url(file.getFileName().toString()), Duration.ofSeconds(20));
            NetStatusEvent invalid = run.first("NetStream.Seek.InvalidTime");
            double lastValid = ((Number) invalid.details()).doubleValue();
            assertTrue(lastValid >= 0 && lastValid < 5.5, "details is the last valid time: " + lastValid);
            assertTrue(invalid.description().contains("downloaded"), invalid.description());
        }
    }
}
