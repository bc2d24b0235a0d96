package org.netstreamfx.e2e.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.e2e.fixtures.Ffprobe;
import org.netstreamfx.e2e.rtmp.support.FfmpegReader;
import org.netstreamfx.e2e.rtmp.support.NginxRtmp;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.rtmp.client.ReconnectPolicy;
import org.netstreamfx.player.rtmp.client.RtmpOptions;

/** nginx stops mid-publish and comes back on the same port: the engine reconnects and republishes. */
class PublishReconnectTest {
    private static NginxRtmp nginx;

    @BeforeAll
    static void startNginx(@TempDir Path work) {
        nginx = NginxRtmp.start(work);
    }

    @AfterAll
    static void stopNginx() {
        if (nginx != null) {
            nginx.close();
        }
    }

    @Test
    void afterTheServerRestartsPublishingResumesWithEachTryAnEvent() throws Exception {
        RtmpOptions options = RtmpOptions.DEFAULTS.withReconnect(ReconnectPolicy.tries(10));
        try (EnginePublisher p = new EnginePublisher(nginx.appUrl("live"), 320, 240, 25, options, 600, 1)) {
            p.ns.publish("again1", "live");
            p.await("NetStream.Publish.Start", Duration.ofSeconds(10));
            Thread.sleep(1000);
            nginx.stop();
            p.awaitTrue("a reconnect try is reported", Duration.ofSeconds(10), () -> p.connectionEvents.stream()
                    .anyMatch(e -> e.code().equals("NetStreamFX.Connect.Reconnecting")));
            Thread.sleep(1500);
            nginx.restart();
            p.awaitTrue("the stream is published again", Duration.ofSeconds(30),
                    () -> p.count("NetStream.Publish.Start") == 2);
            assertTrue(p.connectionEvents.stream().anyMatch(e -> e.code().equals("NetStreamFX.Connect.Reconnected")),
                    p.connectionEvents.toString());
            NetStatusEvent trying = p.connectionEvents.stream()
                    .filter(e -> e.code().equals("NetStreamFX.Connect.Reconnecting")).findFirst().orElseThrow();
            assertTrue(trying.description().contains(" in ") && trying.description().contains("try 1 of 10"),
                    "each try says when and which: " + trying.description());
            Thread.sleep(1000);
            Ffprobe.Probe probe = FfmpegReader.probe(nginx.url("live", "again1"));
            assertEquals("h264", probe.video().orElseThrow().codecName());
            assertEquals("aac", probe.audio().orElseThrow().codecName());
        }
    }
}
