package org.netstreamfx.e2e.rtmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.e2e.fixtures.Ffprobe;
import org.netstreamfx.e2e.fixtures.Fixtures;
import org.netstreamfx.e2e.fixtures.Fixtures.AudioCodec;
import org.netstreamfx.e2e.fixtures.Fixtures.Container;
import org.netstreamfx.e2e.fixtures.Fixtures.VideoCodec;
import org.netstreamfx.e2e.fixtures.Tools;
import org.netstreamfx.e2e.rtmp.support.FfmpegPublisher;
import org.netstreamfx.e2e.rtmp.support.FfmpegReader;
import org.netstreamfx.e2e.rtmp.support.FfmpegRtmpServer;
import org.netstreamfx.e2e.rtmp.support.FreePort;
import org.netstreamfx.e2e.rtmp.support.NginxRtmp;

/**
 * The RTMP test peers checked against each other: nginx-rtmp, the ffmpeg CLI publishing, serving
 * and reading. If these fail, no RTMP test of our own code can say anything.
 */
class RtmpPeersTest {

    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path work;

    @Test
    void ffmpegPublishesLiveToNginxAndFfprobeReadsItBack() {
        try (NginxRtmp nginx = NginxRtmp.start(work);
                FfmpegPublisher pub = FfmpegPublisher.testSource(nginx.url("live", "cam"))) {
            pub.awaitPublishing(PUBLISH_TIMEOUT);

            Ffprobe.Probe p = FfmpegReader.probe(nginx.url("live", "cam"));
            Ffprobe.Stream v = p.video().orElseThrow(() -> new AssertionError("no video: " + p));
            Ffprobe.Stream a = p.audio().orElseThrow(() -> new AssertionError("no audio: " + p));
            assertEquals("h264", v.codecName());
            assertEquals(320, v.width());
            assertEquals(240, v.height());
            assertEquals("aac", a.codecName());
            assertEquals("LC", a.profile());
            assertEquals(44100, a.sampleRate());
            assertEquals(2, a.channels());

            FfmpegReader.Reading r = FfmpegReader.read(nginx.url("live", "cam"), 2.0);
            // 2 s at 25 fps, joined mid-GOP: the frames before the first keyframe may not decode.
            assertTrue(r.videoFrames() >= 20 && r.videoFrames() <= 55, "video frames in 2 s: " + r);
            assertTrue(r.audioSamples() >= 70_000 && r.audioSamples() <= 100_000, "audio samples in 2 s: " + r);
            assertTrue(pub.isPublishing(), pub.describe());
        }
    }

    @Test
    void vodPlaysFlvAndMp4FromTheVodFolder() throws Exception {
        Path flv = Fixtures.make(Container.FLV, VideoCodec.H264, AudioCodec.AAC_LC, 2.0);
        Path mp4 = Fixtures.make(Container.MP4, VideoCodec.H264, AudioCodec.AAC_LC, 2.0);
        try (NginxRtmp nginx = NginxRtmp.start(work)) {
            Files.copy(flv, nginx.vodDir().resolve("clip.flv"));
            Files.copy(mp4, nginx.vodDir().resolve("clip.mp4"));

            for (String name : List.of("clip.flv", "clip", "mp4:clip.mp4")) {
                Ffprobe.Probe p = FfmpegReader.probe(nginx.url("vod", name));
                assertEquals("h264", p.video().orElseThrow().codecName(), name);
                assertEquals(VideoCodec.H264_PROFILE, p.video().orElseThrow().profile(), name);
                assertEquals(320, p.video().orElseThrow().width(), name);
                assertEquals("aac", p.audio().orElseThrow().codecName(), name);
            }
            FfmpegReader.Reading r = FfmpegReader.read(nginx.url("vod", "clip.flv"), 30);
            assertEquals(Ffprobe.countVideoFrames(flv), r.videoFrames(), "every frame of the FLV over RTMP: " + r);
            FfmpegReader.Reading r4 = FfmpegReader.read(nginx.url("vod", "mp4:clip.mp4"), 30);
            assertEquals(Ffprobe.countVideoFrames(mp4), r4.videoFrames(), "every frame of the MP4 over RTMP: " + r4);

            Tools.Result missing = FfmpegReader.probeAllowingFailure(nginx.url("vod", "nothere.flv"));
            assertNotEquals(0, missing.exitCode());
            assertTrue(missing.stderr().contains("stream not found"), missing.stderr());
        }
    }

    @Test
    void denyAcceptsPublishButRefusesPlay() {
        Path flv = Fixtures.make(Container.FLV, VideoCodec.H264, AudioCodec.AAC_LC, 2.0);
        try (NginxRtmp nginx = NginxRtmp.start(work);
                FfmpegPublisher pub = FfmpegPublisher.file(flv, nginx.url("deny", "s"))) {
            pub.awaitPublishing(PUBLISH_TIMEOUT);

            long t0 = System.nanoTime();
            Tools.Result r = FfmpegReader.probeAllowingFailure(nginx.url("deny", "s"));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertNotEquals(0, r.exitCode(), "ffprobe read a stream that should be refused: " + r.stdout());
            assertTrue(ms < 3000, "the refusal took " + ms + " ms");
            assertTrue(nginx.errorLogTail().contains("access forbidden by rule"), nginx.errorLogTail());
            assertTrue(pub.isPublishing(), "the publisher should be unaffected\n" + pub.describe());
        }
    }

    @Test
    void recordLeavesAPlayableFlvAfterThePublisherStops() {
        Path flv = Fixtures.make(Container.FLV, VideoCodec.H264, AudioCodec.AAC_LC, 2.0);
        try (NginxRtmp nginx = NginxRtmp.start(work)) {
            try (FfmpegPublisher pub = FfmpegPublisher.file(flv, nginx.url("record", "rec1"))) {
                pub.awaitPublishing(PUBLISH_TIMEOUT);
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (pub.secondsWritten() < 2.5 && System.nanoTime() < deadline) {
                    sleep(50);
                }
                assertTrue(pub.secondsWritten() >= 2.5, pub.describe());
            }
            Path rec = nginx.recordDir().resolve("rec1.flv");
            assertTrue(Files.isRegularFile(rec), "no recording; error log:\n" + nginx.errorLogTail());
            Ffprobe.Probe p = Ffprobe.probe(rec);
            assertEquals("h264", p.video().orElseThrow().codecName());
            assertEquals("aac", p.audio().orElseThrow().codecName());
            long frames = Ffprobe.countVideoFrames(rec);
            assertTrue(frames >= 55, "frames recorded in about 2.5 s: " + frames);
        }
    }

    @Test
    void ffmpegRtmpServerServesAFileToOneClient() {
        Path flv = Fixtures.make(Container.FLV, VideoCodec.H264, AudioCodec.AAC_LC, 2.0);
        try (FfmpegRtmpServer server = FfmpegRtmpServer.serve(flv)) {
            assertTrue(server.url().matches("rtmp://127\\.0\\.0\\.1:\\d+/app/stream"), server.url());
            FfmpegReader.Reading r = FfmpegReader.read(server.url(), 30);
            assertEquals("h264", r.probe().video().orElseThrow().codecName());
            assertEquals("aac", r.probe().audio().orElseThrow().codecName());
            assertEquals(Ffprobe.countVideoFrames(flv), r.videoFrames(), "every frame: " + r);
            assertTrue(r.wallTime().toMillis() >= 1500, "served at real-time pace: " + r.wallTime());
            assertTrue(server.awaitExit(Duration.ofSeconds(5)), "one client, then exit\n" + server.describe());
        }
    }

    @Test
    void nginxRestartsOnTheSamePort() {
        Path flv = Fixtures.make(Container.FLV, VideoCodec.H264, AudioCodec.AAC_LC, 2.0);
        try (NginxRtmp nginx = NginxRtmp.start(work)) {
            int port = nginx.port();
            List<ProcessHandle> before = nginx.processes();
            try (FfmpegPublisher pub = FfmpegPublisher.file(flv, nginx.url("live", "s"))) {
                pub.awaitPublishing(PUBLISH_TIMEOUT);
                nginx.restart();
                assertEquals(port, nginx.port());
                for (ProcessHandle h : before) {
                    assertFalse(h.isAlive(), "old nginx process " + h.pid() + " still alive");
                }
                assertNotEquals(before.get(0).pid(), nginx.pid());
                // nginx's fast shutdown closes the publisher's connection: ffmpeg ends with an error.
                assertTrue(awaitExit(pub.processHandle(), Duration.ofSeconds(10)),
                        "publisher survived the restart\n" + pub.describe());
            }
            try (FfmpegPublisher pub = FfmpegPublisher.file(flv, nginx.url("live", "s"))) {
                pub.awaitPublishing(PUBLISH_TIMEOUT);
                assertEquals("h264", FfmpegReader.probe(nginx.url("live", "s")).video().orElseThrow().codecName());
            }
        }
    }

    @Test
    void closingStopsEveryProcessAndDeletesThePrefix() {
        Path flv = Fixtures.make(Container.FLV, VideoCodec.H264, AudioCodec.AAC_LC, 2.0);
        List<ProcessHandle> started = new ArrayList<>();
        Path prefix;
        try (NginxRtmp nginx = NginxRtmp.start(work);
                FfmpegPublisher pub = FfmpegPublisher.file(flv, nginx.url("live", "s"));
                FfmpegRtmpServer server = FfmpegRtmpServer.serve(flv)) {
            pub.awaitPublishing(PUBLISH_TIMEOUT);
            prefix = nginx.prefix();
            started.addAll(nginx.processes());
            started.add(pub.processHandle());
            started.add(server.processHandle());
            assertTrue(started.size() >= 4, "nginx master + worker, publisher, server: " + started);
            for (ProcessHandle h : started) {
                assertTrue(h.isAlive(), "not running: " + h.pid());
            }
        }
        for (ProcessHandle h : started) {
            assertFalse(h.isAlive(), "still running after close: " + h.pid() + " " + h.info().commandLine());
        }
        assertFalse(Files.exists(prefix), "prefix left behind: " + prefix);
    }

    @Test
    void aPublisherWithNoServerFailsFastWithFfmpegsMessage() {
        Path flv = Fixtures.make(Container.FLV, VideoCodec.H264, AudioCodec.AAC_LC, 2.0);
        int closed = FreePort.loopback();
        try (FfmpegPublisher pub = FfmpegPublisher.file(flv, "rtmp://127.0.0.1:" + closed + "/live/s")) {
            AssertionError e = assertThrows(AssertionError.class, () -> pub.awaitPublishing(PUBLISH_TIMEOUT));
            assertTrue(e.getMessage().contains("Connection refused"), e.getMessage());
            assertFalse(pub.isAlive());
        }
    }

    @Test
    void freePortIsBindableOnLoopback() throws Exception {
        int port = FreePort.loopback();
        assertTrue(port > 0 && port < 65536);
        try (java.net.ServerSocket s = new java.net.ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertEquals(port, s.getLocalPort());
        }
    }

    private static boolean awaitExit(ProcessHandle h, Duration timeout) {
        try {
            h.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
