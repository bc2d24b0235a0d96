package org.netstreamfx.e2e.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.app.Main;
import org.netstreamfx.e2e.fixtures.Ffprobe;
import org.netstreamfx.e2e.fixtures.Fixtures;
import org.netstreamfx.e2e.fixtures.Fixtures.AudioCodec;
import org.netstreamfx.e2e.fixtures.Fixtures.Container;
import org.netstreamfx.e2e.fixtures.Fixtures.VideoCodec;
import org.netstreamfx.e2e.rtmp.support.FfmpegPublisher;
import org.netstreamfx.e2e.rtmp.support.NginxRtmp;

/** {@code nsfx record}, run in-process: events as JSON lines, the exit status, and the file ffprobe reads. */
class RecordCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static NginxRtmp nginx;

    @TempDir
    Path dir;

    record Run(int exit, List<JsonNode> lines, String stdout, String stderr) {
        List<String> codes() {
            List<String> codes = new ArrayList<>();
            for (JsonNode n : lines) {
                codes.add(n.has("code") ? n.get("code").asText() : n.path("type").asText());
            }
            return codes;
        }
    }

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

    private static synchronized Run nsfx(String... args) throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            exit = Main.run(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        List<JsonNode> lines = new ArrayList<>();
        String stdout = o.toString(StandardCharsets.UTF_8);
        for (String line : stdout.split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line)); // every line must be one JSON object
            }
        }
        return new Run(exit, lines, stdout, e.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFileIsRecordedWholeToFlvAndTheCommandExitsZero() throws Exception {
        Path source = Fixtures.make(Container.MP4, VideoCodec.H264, AudioCodec.AAC_LC, 3.0);
        Path out = dir.resolve("copy.flv");
        Run run = nsfx("record", source.toString(), "--to", out.toString());

        assertEquals(0, run.exit(), run.stderr() + run.stdout());
        List<String> codes = run.codes();
        for (String code : List.of("NetStream.Play.Start", "NetStream.Record.Start", "NetStream.Record.Stop",
                "NetStream.Play.Stop")) {
            assertTrue(codes.contains(code), code + " in " + codes);
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
        Run run = nsfx("record", source.toString(), "--to", out.toString(), "--format", "mp4", "--duration", "2");

        assertEquals(0, run.exit(), run.stderr() + run.stdout());
        assertTrue(run.codes().contains("NetStream.Record.Stop"), run.codes().toString());
        Ffprobe.Probe probe = Ffprobe.probe(out);
        assertTrue(probe.formatName().contains("mp4"), probe.formatName());
        long frames = Ffprobe.countVideoFrames(out);
        assertEquals(50, frames, 1, "two seconds at 25 fps");
    }

    @Test
    void anUnwritablePathIsRecordFailedAndExitOne() throws Exception {
        Path source = Fixtures.make(Container.MP4, VideoCodec.H264, AudioCodec.AAC_LC, 1.0);
        Run run = nsfx("record", source.toString(), "--to", dir.resolve("missing/x.mp4").toString());

        assertEquals(1, run.exit(), run.stdout());
        assertTrue(run.codes().contains("NetStream.Record.Failed"), run.codes().toString());
    }

    @Test
    void aLiveRtmpStreamIsRecordedForDurationWithTheStreamKeyNeverPrinted() throws Exception {
        Path out = dir.resolve("live.mp4");
        try (FfmpegPublisher publisher = FfmpegPublisher.testSource(nginx.url("live", "cmd?token=s3cret"))
                .awaitPublishing(Duration.ofSeconds(15))) {
            Run run = nsfx("record", nginx.url("live", "cmd?token=s3cret"), "--to", out.toString(),
                    "--duration", "2");

            assertEquals(0, run.exit(), run.stderr() + run.stdout());
            assertTrue(run.codes().contains("NetStream.Record.Stop"), run.codes().toString());
            assertFalse(run.stdout().contains("s3cret"), run.stdout());
            assertFalse(run.stderr().contains("s3cret"), run.stderr());
        }
        Ffprobe.Probe probe = Ffprobe.probe(out);
        assertEquals("h264", probe.video().orElseThrow().codecName());
        assertEquals("aac", probe.audio().orElseThrow().codecName());
        assertEquals(50, Ffprobe.countVideoFrames(out), 2, "two seconds at 25 fps");
    }

    @Test
    void badArgumentsExitTwo() throws Exception {
        assertEquals(2, nsfx("record", "x.mp4", "--to", dir.resolve("y.avi").toString(), "--format", "avi").exit());
        assertEquals(2, nsfx("record", "x.mp4", "--to", dir.resolve("y.flv").toString(), "--duration", "0").exit());
    }
}
