package org.netstreamfx.e2e.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netstreamfx.e2e.fixtures.Ffprobe;
import org.netstreamfx.e2e.fixtures.Fixtures;
import org.netstreamfx.e2e.fixtures.Fixtures.AudioCodec;
import org.netstreamfx.e2e.fixtures.Fixtures.Container;
import org.netstreamfx.e2e.fixtures.Fixtures.VideoCodec;
import org.netstreamfx.e2e.rtmp.support.FfmpegPublisher;
import org.netstreamfx.e2e.rtmp.support.NginxServer;
import org.netstreamfx.e2e.support.EngineRun;
import org.netstreamfx.e2e.support.LocalHttpServer;
import org.netstreamfx.player.net.NetStatusEvent;

/**
 * NetStream.recordPlayed: what a stream plays, from a file or from nginx-rtmp, recorded to FLV and
 * fragmented MP4 as it arrives, then read back with ffprobe.
 */
class RecordPlayedTest {
    @RegisterExtension
    static final NginxServer NGINX = new NginxServer();

    @TempDir
    Path dir;

    static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + limit + " waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    @ParameterizedTest(name = "{0} played from {2} and recorded to {1}")
    @CsvSource({"MP4, mp4, file", "MP4, flv, http", "FLV, flv, file", "FLV, mp4, http"})
    void aPlayedFileIsRecordedWholeWithItsCodecsAndEveryFrame(Container container, String to, String from)
            throws Exception {
        Path source = Fixtures.make(container, VideoCodec.H264, AudioCodec.AAC_LC, 3.0);
        Path out = dir.resolve("played." + to);
        try (LocalHttpServer http = new LocalHttpServer(source.getParent()); EngineRun run = new EngineRun(true)) {
            run.ns.recordPlayed(out);
            run.play(from.equals("http") ? http.url(source.getFileName().toString()) : source.toString(),
                    Duration.ofSeconds(60));
            await("Record.Stop", Duration.ofSeconds(10), () -> run.sequence.contains("NetStream.Record.Stop"));
            List<String> codes = run.codes();
            // Record.Start comes from the demux thread, Play.Start from the playback thread: either may be first.
            assertTrue(codes.contains("NetStream.Play.Start") && codes.contains("NetStream.Play.Stop"), codes.toString());
            assertTrue(codes.indexOf("NetStream.Record.Start") >= 0
                    && codes.indexOf("NetStream.Record.Start") < codes.indexOf("NetStream.Record.Stop"), codes.toString());
            assertFalse(codes.contains("NetStream.Record.Failed"), codes.toString());
            assertEquals(out.toString(), run.first("NetStream.Record.Start").details());
            assertEquals(run.renderedPtsUs.size(), Ffprobe.countVideoFrames(out), "every frame played is in the file");
        }
        Ffprobe.Probe probe = Ffprobe.probe(out);
        assertEquals("h264", probe.video().orElseThrow().codecName());
        assertEquals("aac", probe.audio().orElseThrow().codecName());
        assertEquals(Ffprobe.countVideoFrames(source), Ffprobe.countVideoFrames(out));
        assertEquals(Ffprobe.probe(source).duration(), probe.duration(), 0.1);
    }

    @Test
    void aSeekSplicesTheRecordingSoItsTimeKeepsGoingForward() throws Exception {
        Path source = Fixtures.make(Container.MP4, VideoCodec.H264, AudioCodec.AAC_LC, 10.0);
        Path out = dir.resolve("seek.mp4");
        try (EngineRun run = new EngineRun(false)) {
            run.ns.setBufferTime(0.1);
            run.ns.recordPlayed(out);
            run.ns.play(source.toString());
            await("half a second shown", Duration.ofSeconds(20), () -> run.renderedPtsUs.size() >= 12);
            run.ns.seek(9.0);
            await("Record.Stop", Duration.ofSeconds(30), () -> run.sequence.contains("NetStream.Record.Stop"));
        }
        Ffprobe.Probe probe = Ffprobe.probe(out);
        long frames = Ffprobe.countVideoFrames(out);
        // Everything read before the seek (the playhead plus the 3 s read-ahead), then the last second.
        assertTrue(frames >= 50 && frames <= 200, "frames: " + frames);
        assertEquals(frames / 25.0, probe.duration(), 0.2, "no gap and no overlap in time");
    }

    @Test
    void anUnwritablePathGivesRecordFailedAndPlaybackGoesOnToPlayStop() throws Exception {
        Path source = Fixtures.make(Container.MP4, VideoCodec.H264, AudioCodec.AAC_LC, 2.0);
        for (Path out : List.of(dir.resolve("no-such-folder/x.flv"), dir.resolve("no-such-folder/x.mp4"),
                Files.createDirectories(dir.resolve("a-folder.mp4")))) {
            try (EngineRun run = new EngineRun(true)) {
                run.ns.recordPlayed(out);
                run.play(source.toString(), Duration.ofSeconds(60)); // returns at the first error event
                await("Play.Stop", Duration.ofSeconds(30), () -> run.sequence.contains("NetStream.Play.Stop"));
                NetStatusEvent failed = run.first("NetStream.Record.Failed");
                assertEquals(out.toString(), failed.details());
                assertFalse(run.sequence.contains("NetStream.Play.Failed"), run.sequence.toString());
                assertEquals(Ffprobe.countVideoFrames(source), run.renderedPtsUs.size(), "playback went on");
            }
        }
    }

    @ParameterizedTest(name = "live from nginx to {0}")
    @CsvSource({"flv", "mp4"})
    void aLiveStreamFromNginxIsRecordedFromAKeyframeUntilStopRecording(String to) throws Exception {
        Path out = dir.resolve("live." + to);
        try (FfmpegPublisher publisher = FfmpegPublisher.testSource(NGINX.url("live", "rec" + to + "?key=s3cret"))
                .awaitPublishing(Duration.ofSeconds(15));
             EngineRun run = new EngineRun(false, NGINX.appUrl("live"))) {
            run.ns.setBufferTime(0.5);
            run.ns.play("rec" + to + "?key=s3cret");
            await("a second of video is shown", Duration.ofSeconds(20), () -> run.renderedPtsUs.size() >= 25);
            run.ns.recordPlayed(out); // mid-stream: the file starts at the next keyframe
            int before = run.renderedPtsUs.size();
            await("three more seconds shown", Duration.ofSeconds(20), () -> run.renderedPtsUs.size() >= before + 75);
            run.ns.stopRecording();
            await("Record.Stop", Duration.ofSeconds(10), () -> run.sequence.contains("NetStream.Record.Stop"));
            for (NetStatusEvent e : run.events.stream().filter(e -> e.code().contains(".Record.")).toList()) {
                assertFalse(String.valueOf(e.info()).contains("s3cret"), "no stream key in " + e.info());
            }
        }
        Ffprobe.Probe probe = Ffprobe.probe(out);
        assertEquals("h264", probe.video().orElseThrow().codecName());
        assertEquals("aac", probe.audio().orElseThrow().codecName());
        long frames = Ffprobe.countVideoFrames(out);
        // Three seconds watched, less up to a second waiting for a keyframe, plus what was buffered.
        assertTrue(frames >= 40 && frames <= 150, "frames: " + frames);
        assertEquals(frames / 25.0, probe.duration(), 0.3);
    }
}
