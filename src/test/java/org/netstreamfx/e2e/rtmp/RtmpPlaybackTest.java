package org.netstreamfx.e2e.rtmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.netstreamfx.app.Main;
import org.netstreamfx.e2e.fixtures.Fixtures;
import org.netstreamfx.e2e.fixtures.Fixtures.AudioCodec;
import org.netstreamfx.e2e.fixtures.Fixtures.Container;
import org.netstreamfx.e2e.fixtures.Fixtures.VideoCodec;
import org.netstreamfx.e2e.rtmp.support.FfmpegPublisher;
import org.netstreamfx.e2e.rtmp.support.FfmpegRtmpServer;
import org.netstreamfx.e2e.rtmp.support.FreePort;
import org.netstreamfx.e2e.rtmp.support.NginxServer;
import org.netstreamfx.e2e.support.EngineRun;
import org.netstreamfx.player.net.NetStatusEvent;

/**
 * NetConnection and NetStream over RTMP against real peers started here on 127.0.0.1:
 * nginx with the RTMP module, and the ffmpeg CLI as publisher and as a listening server.
 */
@ResourceLock(Resources.SYSTEM_OUT)
class RtmpPlaybackTest {
    @RegisterExtension
    static final NginxServer nginx = new NginxServer();

    @BeforeAll
    static void startNginx() throws Exception {
        Files.copy(Fixtures.make(Container.FLV, VideoCodec.H264, AudioCodec.HE_AAC_V2, 8.0),
                nginx.vodDir().resolve("clip.flv"));
        Files.copy(Fixtures.make(Container.MP4, VideoCodec.H264, AudioCodec.AAC_LC, 6.0),
                nginx.vodDir().resolve("clip.mp4"));
    }

    private static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + limit + " waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void liveStreamPublishedByFfmpegPlaysThroughNginx() throws Exception {
        try (FfmpegPublisher publisher = FfmpegPublisher.testSource(nginx.url("live", "cam"))
                .awaitPublishing(Duration.ofSeconds(15));
             EngineRun run = new EngineRun(false, nginx.appUrl("live"))) {
            assertEquals("NetConnection.Connect.Success", run.connectionEvents.get(0).code());
            run.ns.setBufferTime(0.5);
            run.ns.play("cam");
            await("a second of video is shown", Duration.ofSeconds(20), () -> run.renderedPtsUs.size() >= 25);

            assertTrue(run.sequence.contains("NetStream.Play.Start"), "the server's Play.Start: " + run.sequence);
            assertTrue(run.sequence.contains("NetStream.Buffer.Full"), run.sequence.toString());
            NetStatusEvent start = run.first("NetStream.Play.Start");
            assertEquals("Start live", start.description(), "nginx-rtmp's words, passed on verbatim: " + start.info());
            // The publisher's onMetaData, as nginx passed it on.
            assertEquals(320.0, ((Number) run.metaData.get(0).get("width")).doubleValue());
            assertEquals(7.0, ((Number) run.metaData.get(0).get("videocodecid")).doubleValue());
            var video = run.ns.description().track(org.netstreamfx.player.media.TrackKind.VIDEO).orElseThrow();
            assertEquals(org.netstreamfx.player.media.Codec.H264, video.codec());
            assertTrue(!video.profile().isEmpty(), "the profile from the avcC: " + video);
            await("audio is decoded", Duration.ofSeconds(5), () -> run.info().decodedAudioSamples() > 44_100);
            assertTrue(run.escaped.isEmpty(), "exceptions escaped: " + run.escaped);
        }
    }

    @Test
    void recordedFlvSeeksPausesAndResumesOnTheServer() throws Exception {
        try (EngineRun run = new EngineRun(false, nginx.appUrl("vod"))) {
            run.ns.play("clip.flv");
            await("frames are shown", Duration.ofSeconds(15), () -> run.renderedPtsUs.size() >= 10);

            int before = run.renderedPtsUs.size();
            run.ns.seek(5.0);
            await("the server's Seek.Notify", Duration.ofSeconds(10), () -> run.sequence.contains("NetStream.Seek.Notify"));
            await("frames from 5 s on", Duration.ofSeconds(10), () -> run.renderedPtsUs.size() > before
                    && run.renderedPtsUs.get(run.renderedPtsUs.size() - 1) >= 4_900_000L);
            assertTrue(run.ns.time() >= 4.9, "time after the seek: " + run.ns.time());

            run.ns.pause();
            await("the server's Pause.Notify", Duration.ofSeconds(10), () -> run.sequence.contains("NetStream.Pause.Notify"));
            run.ns.resume();
            await("the server's Unpause.Notify", Duration.ofSeconds(10),
                    () -> run.sequence.contains("NetStream.Unpause.Notify"));
            assertTrue(run.escaped.isEmpty(), "exceptions escaped: " + run.escaped);
        }
    }

    @Test
    void recordedMp4PlaysWithItsMetadata() throws Exception {
        try (EngineRun run = new EngineRun(false, nginx.appUrl("vod"))) {
            run.ns.play("mp4:clip.mp4");
            await("a second of video", Duration.ofSeconds(15), () -> run.renderedPtsUs.size() >= 25);
            assertTrue(run.metaData.get(0).containsKey("duration"), "nginx's onMetaData: " + run.metaData);
            assertEquals("LC", run.ns.description().track(org.netstreamfx.player.media.TrackKind.AUDIO)
                    .orElseThrow().profile(), "the AAC profile from the AudioSpecificConfig");
            assertTrue(run.info().decodedAudioSamples() > 0);
        }
    }

    @Test
    void missingRecordedStreamIsStreamNotFoundFromTheServer() throws Exception {
        try (EngineRun run = new EngineRun(false, nginx.appUrl("vod"))) {
            run.ns.play("no-such-clip.flv");
            await("an error", Duration.ofSeconds(10), () -> run.events.stream().anyMatch(NetStatusEvent::isError));
            assertEquals("NetStream.Play.StreamNotFound", run.events.stream().filter(NetStatusEvent::isError)
                    .findFirst().orElseThrow().code());
        }
    }

    @Test
    void unknownApplicationIsConnectFailed() throws Exception {
        try (EngineRun run = new EngineRun(false, nginx.appUrl("no-such-app"))) {
            NetStatusEvent e = run.connectionEvents.get(0);
            assertEquals("NetConnection.Connect.Failed", e.code(), e.toString());
            assertTrue(!e.description().isEmpty(), "says why");
        }
    }

    @Test
    void refusedPortIsConnectFailedSayingSo() throws Exception {
        int port = FreePort.loopback();
        try (EngineRun run = new EngineRun(false, "rtmp://127.0.0.1:" + port + "/live")) {
            NetStatusEvent e = run.connectionEvents.get(0);
            assertEquals("NetConnection.Connect.Failed", e.code());
            assertTrue(e.description().toLowerCase().contains("refused"), e.description());
        }
    }

    @Test
    void publishAndUnpublishAreAnnouncedToAWaitingPlayer() throws Exception {
        try (EngineRun run = new EngineRun(false, nginx.appUrl("live"))) {
            run.ns.play("later");
            await("the server answered the play", Duration.ofSeconds(10),
                    () -> run.sequence.contains("NetStream.Play.Start"));
            try (FfmpegPublisher publisher = FfmpegPublisher.testSource(nginx.url("live", "later"))) {
                publisher.awaitPublishing(Duration.ofSeconds(15));
                await("PublishNotify", Duration.ofSeconds(10), () -> run.sequence.contains("NetStream.Play.PublishNotify"));
                await("frames", Duration.ofSeconds(20), () -> run.renderedPtsUs.size() >= 10);
            }
            await("UnpublishNotify", Duration.ofSeconds(10), () -> run.sequence.contains("NetStream.Play.UnpublishNotify"));
            assertTrue(run.escaped.isEmpty(), "exceptions escaped: " + run.escaped);
        }
    }

    @Test
    void ffmpegAsAListeningServerIsPlayed() throws Exception {
        Path file = Fixtures.make(Container.FLV, VideoCodec.H264, AudioCodec.AAC_LC, 3.0);
        try (FfmpegRtmpServer server = FfmpegRtmpServer.serve(file)) {
            String url = server.url();
            String app = url.substring(0, url.lastIndexOf('/'));
            try (EngineRun run = new EngineRun(false, app)) {
                run.ns.play(url.substring(url.lastIndexOf('/') + 1));
                await("frames from ffmpeg", Duration.ofSeconds(15), () -> run.renderedPtsUs.size() >= 25);
            }
        }
    }

    @Test
    void commandLinePlaysALiveStreamAndSeeksARecordedOneOnTheServer() throws Exception {
        try (FfmpegPublisher publisher = FfmpegPublisher.testSource(nginx.url("live", "cli"))
                .awaitPublishing(Duration.ofSeconds(15))) {
            String live = nsfx("play", nginx.url("live", "cli"), "--duration", "1.5", "--stats-interval", "0");
            assertTrue(live.contains("\"NetConnection.Connect.Success\""), live);
            assertTrue(live.contains("\"NetStream.Play.Start\""), live);
            assertTrue(live.contains("\"NetStream.Buffer.Full\""), live);
        }
        String vod = nsfx("play", nginx.url("vod", "clip.flv"), "--seek", "5", "--duration", "6",
                "--stats-interval", "0");
        assertTrue(vod.contains("\"NetStream.Seek.Notify\""), vod);
    }

    private static synchronized String nsfx(String... args) {
        PrintStream out = System.out;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            exit = Main.run(args);
        } finally {
            System.setOut(out);
        }
        String text = o.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, text);
        return text;
    }
}
