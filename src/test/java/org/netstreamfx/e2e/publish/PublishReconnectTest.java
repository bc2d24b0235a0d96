package org.netstreamfx.e2e.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.netstreamfx.capture.device.CaptureClock;
import org.netstreamfx.capture.device.VideoFormat;
import org.netstreamfx.e2e.fixtures.Ffprobe;
import org.netstreamfx.e2e.rtmp.support.FfmpegReader;
import org.netstreamfx.e2e.rtmp.support.NginxServer;
import org.netstreamfx.e2e.support.EngineRun;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.rtmp.client.ReconnectPolicy;
import org.netstreamfx.player.rtmp.client.RtmpOptions;

/**
 * nginx stops mid-publish and comes back on the same port: the engine reconnects and republishes,
 * and ffprobe and our own player see the stream again, our player with frames captured after the
 * restart.
 */
class PublishReconnectTest {
    private static final VideoFormat CAMERA = new VideoFormat(320, 240, 25);
    @RegisterExtension
    static final NginxServer nginx = new NginxServer();

    @Test
    void afterTheServerRestartsPublishingResumesWithEachTryAnEvent() throws Exception {
        RtmpOptions options = RtmpOptions.DEFAULTS.withReconnect(ReconnectPolicy.tries(10));
        CaptureClock clock = CaptureClock.system();
        try (EnginePublisher p = new EnginePublisher(nginx.appUrl("live"), CAMERA.width(), CAMERA.height(),
                (int) CAMERA.fps(), options, 600, 1, clock)) {
            p.ns.publish("again1", "live");
            p.await("NetStream.Publish.Start", Duration.ofSeconds(10));
            p.awaitMoreFrames(25, Duration.ofSeconds(20)); // a second on air before the server goes
            nginx.stop();
            p.awaitTrue("a reconnect try is reported", Duration.ofSeconds(10), () -> p.connectionEvents.stream()
                    .anyMatch(e -> e.code().equals("NetStreamFX.Connect.Reconnecting")));
            // The server stays down until a second try has failed too.
            p.awaitTrue("a second reconnect try", Duration.ofSeconds(20), () -> p.connectionEvents.stream()
                    .filter(e -> e.code().equals("NetStreamFX.Connect.Reconnecting")).count() >= 2);
            long restartUs = clock.nowUs();
            nginx.restart();
            p.awaitTrue("the stream is published again", Duration.ofSeconds(30),
                    () -> p.count("NetStream.Publish.Start") == 2);
            assertTrue(p.connectionEvents.stream().anyMatch(e -> e.code().equals("NetStreamFX.Connect.Reconnected")),
                    p.connectionEvents.toString());
            NetStatusEvent trying = p.connectionEvents.stream()
                    .filter(e -> e.code().equals("NetStreamFX.Connect.Reconnecting")).findFirst().orElseThrow();
            assertTrue(trying.description().contains(" in ") && trying.description().contains("try 1 of 10"),
                    "each try says when and which: " + trying.description());
            p.awaitMoreFrames(25, Duration.ofSeconds(20)); // a second on air again before it is probed
            Ffprobe.Probe probe = FfmpegReader.probe(nginx.url("live", "again1"));
            assertEquals("h264", probe.video().orElseThrow().codecName());
            assertEquals("aac", probe.audio().orElseThrow().codecName());
            ourPlayerSeesFramesCapturedAfter(restartUs, clock, p);
        }
    }

    /** Our player plays the republished stream: fresh frames, counters in order, from after {@code restartUs}. */
    private static void ourPlayerSeesFramesCapturedAfter(long restartUs, CaptureClock clock, EnginePublisher p)
            throws InterruptedException {
        LoopbackProbe seen = new LoopbackProbe(clock, CAMERA);
        try (EngineRun run = new EngineRun(false, nginx.appUrl("live"))) {
            run.ns.setVideoSink(seen.video);
            run.ns.setAudioSink(seen.audio);
            run.ns.setBufferTime(0);
            run.ns.play("again1");
            p.awaitTrue("our player shows a second of frames after the restart", Duration.ofSeconds(15),
                    () -> seen.readFrames().size() >= CAMERA.fps());
            assertTrue(run.escaped.isEmpty(), run.escaped.toString());
            assertTrue(run.codes().contains("NetStream.Play.Start"), run.codes().toString());
        }
        List<LoopbackProbe.Shown> read = seen.readFrames();
        long firstUs = CAMERA.frameTimeUs(read.get(0).frame());
        assertTrue(firstUs > restartUs, "the first frame shown was captured at " + firstUs
                + " µs, before nginx restarted at " + restartUs + " µs");
        for (int i = 1; i < read.size(); i++) {
            assertTrue(read.get(i).frame() > read.get(i - 1).frame(),
                    "frame " + read.get(i).frame() + " shown after frame " + read.get(i - 1).frame());
        }
        assertTrue(seen.meter.p95Us() < 3_000_000, "live, not a backlog: p95 delay " + seen.meter.p95Us() + " µs");
        assertTrue(seen.sampleRateHz() > 0, "the tone plays too");
    }
}
