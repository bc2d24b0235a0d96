package org.netstreamfx.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.netstreamfx.app.Main;
import org.netstreamfx.e2e.fixtures.Ffprobe;
import org.netstreamfx.e2e.fixtures.Fixtures;
import org.netstreamfx.e2e.fixtures.Fixtures.AudioCodec;
import org.netstreamfx.e2e.fixtures.Fixtures.Container;
import org.netstreamfx.e2e.fixtures.Fixtures.VideoCodec;

/** {@code nsfx play} and {@code nsfx probe}: JSON lines, exit codes, options. */
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class CommandLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(int exit, List<JsonNode> lines, String stderr) {
        List<String> codes() {
            List<String> out = new ArrayList<>();
            for (JsonNode n : lines) {
                if (n.path("type").asText().equals("status")) {
                    out.add(n.get("code").asText());
                } else if (!n.path("type").asText().equals("stats")) {
                    out.add(n.get("type").asText());
                }
            }
            return out;
        }

        JsonNode lastStats() {
            JsonNode last = null;
            for (JsonNode n : lines) {
                if (n.path("type").asText().equals("stats")) {
                    last = n;
                }
            }
            return last;
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
        for (String line : o.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line)); // every line must be one JSON object
            }
        }
        return new Run(exit, lines, e.toString(StandardCharsets.UTF_8));
    }

    @Test
    void playPrintsEveryEventAsJsonLinesAndExitsZeroAtTheEnd() throws Exception {
        Path file = Fixtures.make(Container.M4A, VideoCodec.H264, AudioCodec.HE_AAC_V2, 3.0);
        Run run = nsfx("play", file.toString(), "--fast", "--stats-interval", "0");

        assertEquals(0, run.exit(), run.stderr());
        assertEquals(List.of("NetStream.Play.Start", "onMetaData", "NetStream.Buffer.Full", "NetStream.Buffer.Flush",
                "NetStream.Play.Stop", "onPlayStatus"), run.codes().stream().filter(c -> !c.startsWith("NetStreamFX.")).toList());
        JsonNode stats = run.lastStats();
        assertEquals(Ffprobe.countVideoFrames(file), stats.get("videoFrames").asLong());
        assertEquals(Ffprobe.countAudioSamples(file), stats.get("audioSamples").asLong());
        for (String field : List.of("t", "time", "bufferLength", "bufferTime", "fps", "droppedFrames", "bytesLoaded",
                "avDriftMs")) {
            assertTrue(stats.has(field), "stats has " + field);
        }
        JsonNode meta = run.lines().stream().filter(n -> n.path("type").asText().equals("onMetaData")).findFirst()
                .orElseThrow().get("data");
        assertEquals("HE-AACv2", meta.get("aacprofile").asText());
        JsonNode start = run.lines().get(0);
        for (String field : List.of("t", "type", "code", "level", "description", "details")) {
            assertTrue(start.has(field), "status line has " + field);
        }
    }

    @Test
    void seekOptionSeeksAndPlaysOnFromThere() throws Exception {
        Path file = Fixtures.make(Container.MP4, VideoCodec.H264, AudioCodec.AAC_LC, 6.0);
        Run run = nsfx("play", file.toString(), "--fast", "--seek", "3", "--stats-interval", "0");
        assertEquals(0, run.exit(), run.stderr());
        assertTrue(run.codes().indexOf("NetStream.Seek.Notify") > run.codes().indexOf("NetStream.Play.Start"));
        JsonNode seek = run.lines().stream().filter(n -> n.path("code").asText().equals("NetStream.Seek.Notify"))
                .findFirst().orElseThrow();
        assertEquals(3.0, seek.get("details").asDouble(), 1e-9);
        assertTrue(run.lastStats().get("time").asDouble() > 5.9, "played on to the end");
    }

    @Test
    void durationCountsMediaSecondsFromTheSeekPoint() throws Exception {
        Path file = Fixtures.make(Container.MP4, VideoCodec.H264, AudioCodec.AAC_LC, 8.0);
        long startNs = System.nanoTime();
        Run run = nsfx("play", file.toString(), "--seek", "3", "--duration", "2", "--stats-interval", "0.2",
                "--no-audio");
        double wallSeconds = (System.nanoTime() - startNs) / 1e9;
        assertEquals(0, run.exit(), run.stderr());
        assertTrue(run.codes().contains("NetStream.Seek.Notify"), run.codes().toString());
        double time = run.lastStats().get("time").asDouble();
        assertTrue(time >= 4.6 && time < 6.0, "played from 3 s to about 5 s: " + time);
        // Real time: about 2 s of playing, plus start-up; stopping at Seek.Notify (the bug) takes well under 1 s.
        assertTrue(wallSeconds >= 1.8 && wallSeconds < 10, "about 2 s of wall time: " + wallSeconds);
    }

    @Test
    void durationStopsEarlyWithExitZero() throws Exception {
        Path file = Fixtures.make(Container.MOV, VideoCodec.H264, AudioCodec.AAC_LC, 6.0);
        Run run = nsfx("play", file.toString(), "--duration", "1", "--stats-interval", "0.2", "--no-audio");
        assertEquals(0, run.exit(), run.stderr());
        double time = run.lastStats().get("time").asDouble();
        assertTrue(time >= 1.0 && time < 2.0, "stopped near 1 s: " + time);
        assertTrue(run.lines().stream().filter(n -> n.path("type").asText().equals("stats")).count() >= 3,
                "periodic stats every 0.2 s");
    }

    @Test
    void missingFileIsStreamNotFoundAndExitOne() throws Exception {
        Run run = nsfx("play", Fixtures.missing().toString());
        assertEquals(1, run.exit());
        assertEquals("NetStream.Play.StreamNotFound", run.codes().get(0));
        assertEquals("error", run.lines().get(0).get("level").asText());
    }

    @Test
    void badArgumentsExitTwoWithUsage() throws Exception {
        Run run = nsfx("play", "--buffer-time", "soon", "x.mp4");
        assertEquals(2, run.exit());
        assertTrue(run.stderr().contains("Usage"), run.stderr());
        assertEquals(2, nsfx("play").exit());
        assertEquals(2, nsfx("play", "x.mp4", "--duration", "-1").exit());
    }

    @Test
    void probeDescribesContainerAndStreams() throws Exception {
        Path file = Fixtures.make(Container.THREE_GP, VideoCodec.H264, AudioCodec.HE_AAC_V1, 3.0);
        Run run = nsfx("probe", file.toString());
        assertEquals(0, run.exit(), run.stderr());
        assertEquals(1, run.lines().size());
        JsonNode probe = run.lines().get(0);
        assertTrue(probe.get("duration").asDouble() > 2.9);
        JsonNode video = probe.get("streams").get(0);
        JsonNode audio = probe.get("streams").get(1);
        assertEquals("video", video.get("type").asText());
        assertEquals(320, video.get("width").asInt());
        assertEquals(240, video.get("height").asInt());
        assertEquals(25.0, video.get("frameRate").asDouble(), 0.01);
        assertEquals("HE-AAC", audio.get("profile").asText());
        assertEquals(44100, audio.get("sampleRate").asInt());
        assertEquals(2, audio.get("channels").asInt());
    }

    @Test
    void textOutputIsReadable() throws Exception {
        Path file = Fixtures.make(Container.FLV, VideoCodec.NONE, AudioCodec.HE_AAC_V2, 3.0);
        PrintStream out = System.out;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            exit = Main.run("play", file.toString(), "--fast", "--events", "text", "--stats-interval", "0");
        } finally {
            System.setOut(out);
        }
        String text = o.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit);
        assertTrue(text.contains("status  NetStream.Play.Start"), text);
        assertTrue(text.contains("NetStream.Play.Stop"), text);
    }
}
