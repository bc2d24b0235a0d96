package org.netstreamfx.e2e.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.netstreamfx.e2e.fixtures.Ffprobe;
import org.netstreamfx.e2e.fixtures.Fixtures;
import org.netstreamfx.e2e.fixtures.Fixtures.AudioCodec;
import org.netstreamfx.e2e.fixtures.Fixtures.Container;
import org.netstreamfx.e2e.fixtures.Fixtures.VideoCodec;
import org.netstreamfx.e2e.rtmp.support.FfmpegPublisher;
import org.netstreamfx.e2e.rtmp.support.NginxServer;

/** {@code nsfx record} as a process: events as JSON lines, the exit status, and the file ffprobe reads. */
@ResourceLock(value = Resources.SYSTEM_OUT, mode = ResourceAccessMode.READ)
class RecordCommandTest {
    @RegisterExtension
    static final NginxServer NGINX = new NginxServer();

    @TempDir
    Path dir;

    @Test
    void aFileIsRecordedWholeToFlvAndTheCommandExitsZero() throws Exception {
        Path source = Fixtures.make(Container.MP4, VideoCodec.H264, AudioCodec.AAC_LC, 3.0);
        Path out = dir.resolve("copy.flv");
        try (NsfxProcess nsfx = new NsfxProcess("record", source.toString(), "--to", out.toString())) {
            assertEquals(0, nsfx.exit(60), nsfx.stderr() + nsfx.stdout());
            for (String code : List.of("NetStream.Play.Start", "NetStream.Record.Start", "NetStream.Record.Stop",
                    "NetStream.Play.Stop")) {
                assertTrue(nsfx.codes().contains(code), code + " in " + nsfx.codes());
            }
        }
        Ffprobe.Probe probe = Ffprobe.probe(out);
        assertEquals("flv", probe.formatName());
        assertEquals("h264", probe.video().orElseThrow().codecName());
        assertEquals("aac", probe.audio().orElseThrow().codecName());
        assertEquals(Ffprobe.countVideoFrames(source), Ffprobe.countVideoFrames(out));
    }

    @Test
    void formatMp4WritesFragmentedMp4WhateverTheExtensionAndDurationCutsTheFile() throws Exception {
        Path source = Fixtures.make(Container.FLV, VideoCodec.H264, AudioCodec.AAC_LC, 4.0);
        Path out = dir.resolve("cut.bin");
        try (NsfxProcess nsfx = new NsfxProcess("record", source.toString(), "--to", out.toString(),
                "--format", "mp4", "--duration", "2")) {
            assertEquals(0, nsfx.exit(60), nsfx.stderr() + nsfx.stdout());
            assertTrue(nsfx.codes().contains("NetStream.Record.Stop"), nsfx.codes().toString());
        }
        Ffprobe.Probe probe = Ffprobe.probe(out);
        assertTrue(probe.formatName().contains("mp4"), probe.formatName());
        assertEquals(50, Ffprobe.countVideoFrames(out), 1, "two seconds at 25 fps");
    }

    @Test
    void anUnwritablePathIsRecordFailedAndExitOne() throws Exception {
        Path source = Fixtures.make(Container.MP4, VideoCodec.H264, AudioCodec.AAC_LC, 1.0);
        try (NsfxProcess nsfx = new NsfxProcess("record", source.toString(), "--to",
                dir.resolve("missing/x.mp4").toString())) {
            assertEquals(1, nsfx.exit(60), nsfx.stdout());
            assertTrue(nsfx.codes().contains("NetStream.Record.Failed"), nsfx.codes().toString());
        }
    }

    @Test
    void aLiveRtmpStreamIsRecordedForDurationWithTheStreamKeyNeverPrinted() throws Exception {
        Path out = dir.resolve("live.mp4");
        String url = NGINX.url("live", "cmd?token=s3cret");
        try (FfmpegPublisher publisher = FfmpegPublisher.testSource(url).awaitPublishing(Duration.ofSeconds(15));
             NsfxProcess nsfx = new NsfxProcess("record", url, "--to", out.toString(), "--duration", "2")) {
            assertEquals(0, nsfx.exit(60), nsfx.stderr() + nsfx.stdout());
            assertTrue(nsfx.codes().contains("NetStream.Record.Stop"), nsfx.codes().toString());
            assertFalse(nsfx.stdout().contains("s3cret"), nsfx.stdout());
            assertFalse(nsfx.stderr().contains("s3cret"), nsfx.stderr());
        }
        Ffprobe.Probe probe = Ffprobe.probe(out);
        assertEquals("h264", probe.video().orElseThrow().codecName());
        assertEquals("aac", probe.audio().orElseThrow().codecName());
        assertEquals(50, Ffprobe.countVideoFrames(out), 2, "two seconds at 25 fps");
    }

    @Test
    void ctrlCOnALiveRecordingFinishesTheFileAndExitsZero() throws Exception {
        Path out = dir.resolve("interrupted.flv");
        String url = NGINX.url("live", "ctrlc");
        try (FfmpegPublisher publisher = FfmpegPublisher.testSource(url).awaitPublishing(Duration.ofSeconds(15));
             NsfxProcess nsfx = new NsfxProcess("record", url, "--to", out.toString())) {
            RecordPlayedTest.await("Record.Start", Duration.ofSeconds(30),
                    () -> nsfx.codes().contains("NetStream.Record.Start"));
            // Two more seconds of stream reach the recorder before Ctrl-C.
            double since = publisher.secondsWritten();
            RecordPlayedTest.await("two more seconds published", Duration.ofSeconds(30),
                    () -> publisher.secondsWritten() >= since + 2.0);
            nsfx.interrupt();
            assertEquals(0, nsfx.exit(30), nsfx.stderr() + nsfx.stdout());
            assertTrue(nsfx.codes().contains("NetStream.Record.Stop"), nsfx.codes().toString());
        }
        Ffprobe.Probe probe = Ffprobe.probe(out);
        assertEquals("h264", probe.video().orElseThrow().codecName());
        assertTrue(probe.duration() > 1.0, "the onMetaData duration was written at the stop: " + probe.duration());
    }

    @Test
    void badArgumentsExitTwo() throws Exception {
        try (NsfxProcess nsfx = new NsfxProcess("record", "x.mp4", "--to", dir.resolve("y.avi").toString(),
                "--format", "avi")) {
            assertEquals(2, nsfx.exit(30));
        }
        try (NsfxProcess nsfx = new NsfxProcess("record", "x.mp4", "--to", dir.resolve("y.flv").toString(),
                "--duration", "0")) {
            assertEquals(2, nsfx.exit(30));
        }
    }
}
