package org.netstreamfx.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.testkit.http.FileHttpServer;
import org.netstreamfx.testkit.media.Ffmpeg8;
import org.netstreamfx.testkit.media.RtmpServer;

/**
 * {@code nsfx inspect}: the human report, the JSON document and the JSON lines, its exit codes,
 * on files and on an RTMP stream served by FFmpeg 8 (each played, and read directly).
 */
class InspectCommandTest {
    private static final Duration ENCODE_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    /** 12 s, a keyframe every 10 s: a warning under generic, an error under youtube. */
    static Path longGop;
    /** 6 s, a keyframe every 2 s, AAC 48 kHz stereo: nothing to say under generic. */
    static Path normal;

    @BeforeAll
    static void makeClips() {
        longGop = encode("long-gop.flv", 12, "250");
        normal = encode("normal.flv", 6, "50");
    }

    private static Path encode(String name, int seconds, String gop) {
        Path out = dir.resolve(name);
        Ffmpeg8.run("ffmpeg", ENCODE_TIMEOUT, List.of("-y", "-f", "lavfi", "-i", "testsrc2=s=160x90:r=25:d=" + seconds,
                "-f", "lavfi", "-i", "sine=f=440:r=48000:d=" + seconds, "-c:v", "libx264", "-preset", "superfast",
                "-g", gop, "-keyint_min", gop, "-sc_threshold", "0", "-c:a", "aac", "-ac", "2", out.toString()));
        return out;
    }

    private static PlayRun inspect(String... args) {
        return PlayRun.run(new InspectCommand(), args);
    }

    @Test
    void theHumanReportHasATablePerTrackAndTheFindingsWithWhatToChange() {
        PlayRun r = inspect(longGop.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("profile generic"), r.out());
        assertTrue(r.out().contains("track 0 video"), r.out());
        assertTrue(r.out().contains("track 1 audio"), r.out());
        assertTrue(r.out().contains("warning  KeyframeInterval: keyframe interval 5.0 s: set your encoder's keyframe "
                + "interval to 2 s"), r.out());
        assertTrue(r.out().contains("verdict: no error-level finding"), r.out());
        assertTrue(r.out().matches("(?s).*\\Rdelivery\\R  bufferEmptyCount +0\\R  stallS +0\\.0\\R  timeToFirstFrameMs +"
                + "[0-9.]+\\R  liveLatencyS +-\\R  reconnects +0\\R.*"), "played: the delivery table; " + r.out());
    }

    @Test
    void jsonIsOneDocumentAndAnErrorFindingExitsWith1() {
        PlayRun r = inspect(longGop.toString(), "--profile", "youtube", "--json", "--no-decode");
        assertEquals(1, r.exit(), r.err());
        List<JsonNode> lines = r.lines();
        assertEquals(1, lines.size());
        JsonNode doc = lines.get(0);
        assertEquals("youtube", doc.get("profile").asText());
        assertEquals(2, doc.get("tracks").size());
        assertEquals("H.264", doc.get("tracks").get(0).get("codec").asText());
        assertEquals(10.0, doc.get("tracks").get(0).get("keyframeIntervalMaxS").asDouble(), 0.05);
        JsonNode f = doc.get("findings").get(0);
        assertEquals("KeyframeInterval", f.get("rule").asText());
        assertEquals("error", f.get("severity").asText());
        assertEquals(4.0, f.get("time").asDouble(), 0.1);
        assertTrue(doc.get("errors").asBoolean());
        assertEquals(1, doc.get("exit").asInt());
    }

    @Test
    void eventsArePrintedAsTheyComeThenTheReport() {
        PlayRun r = inspect(longGop.toString(), "--events", "jsonl", "--profile", "twitch");
        assertEquals(1, r.exit(), r.err());
        List<JsonNode> lines = r.lines();
        assertTrue(lines.stream().anyMatch(l -> "NetStreamFX.Health.KeyframeInterval".equals(l.path("code").asText())
                && "error".equals(l.path("level").asText())), r.out());
        assertTrue(lines.stream().anyMatch(l -> "NetStream.Play.Start".equals(l.path("code").asText())), r.out());
        JsonNode last = lines.get(lines.size() - 1);
        assertEquals("health", last.get("type").asText());
        assertEquals("twitch", last.get("profile").asText());
    }

    /** Over http, played and read directly: the same tracks and the same finding as from the file. */
    @Test
    void aProgressiveDownloadIsInspectedPlayedOrReadDirectly() throws IOException {
        try (FileHttpServer server = new FileHttpServer(longGop)) {
            String url = server.url();
            for (String decode : List.of("", "--no-decode")) {
                PlayRun r = decode.isEmpty() ? inspect(url, "--profile", "youtube", "--json")
                        : inspect(url, "--profile", "youtube", "--json", decode);
                assertEquals(1, r.exit(), decode + ": " + r.out() + r.err());
                JsonNode doc = r.lines().get(0);
                assertEquals(2, doc.get("tracks").size(), r.out());
                assertEquals("H.264", doc.get("tracks").get(0).get("codec").asText());
                assertEquals(10.0, doc.get("tracks").get(0).get("keyframeIntervalMaxS").asDouble(), 0.05);
                JsonNode f = doc.get("findings").get(0);
                assertEquals("KeyframeInterval", f.get("rule").asText(), decode + ": " + r.out());
                assertEquals(4.0, f.get("time").asDouble(), 0.1);
            }
        }
    }

    @Test
    void aNormalFileIsHealthyPlayedOrReadDirectly() {
        for (String[] mode : new String[][] {{"--json"}, {"--json", "--no-decode"}}) {
            String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of(normal.toString()),
                    java.util.Arrays.stream(mode)).toArray(String[]::new);
            PlayRun r = inspect(args);
            assertEquals(0, r.exit(), r.out() + r.err());
            assertEquals(0, r.lines().get(0).get("findings").size(), r.out());
            JsonNode delivery = r.lines().get(0).get("delivery");
            assertEquals(mode.length == 1, delivery.get("timeToFirstFrameMs").isNumber(),
                    "a first picture only when played: " + r.out());
            assertEquals(mode.length == 1, delivery.get("bufferEmptyCount").isNumber(), r.out());
        }
    }

    @Test
    void badArgumentsExitWith2() throws IOException {
        assertEquals(2, inspect(normal.toString(), "--profile", "facebook").exit());
        assertEquals(2, inspect(normal.toString(), "--duration", "0").exit());
        assertEquals(2, inspect(normal.toString(), "--json", "--events", "jsonl").exit());
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"base\":\"twitch\",\"maxVideoKbps\":\"lots\"}");
        PlayRun r = inspect(normal.toString(), "--profile", bad.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("\"maxVideoKbps\" must be a number"), r.err());
        Path mine = Files.writeString(dir.resolve("mine.json"), "{\"base\":\"generic\",\"name\":\"mine\","
                + "\"maxKeyframeIntervalS\":1,\"keyframeSeverity\":\"error\"}");
        PlayRun own = inspect(normal.toString(), "--profile", mine.toString(), "--json", "--no-decode");
        assertEquals(1, own.exit(), own.err());
        assertEquals("mine", own.lines().get(0).get("profile").asText());
        assertEquals(1, inspect(dir.resolve("missing.flv").toString(), "--no-decode").exit());
    }

    @Test
    void anRtmpStreamIsInspectedLivePlayedOrReadDirectlyAndItsKeyNeverPrinted() {
        try (RtmpServer server = RtmpServer.serve(normal, true)) {
            PlayRun r = inspect(server.url(), "--duration", "3", "--json");
            assertEquals(0, r.exit(), r.out() + r.err() + server.output());
            JsonNode doc = r.lines().get(0);
            assertTrue(doc.get("timing").get("live").asBoolean(), r.out());
            assertEquals(2, doc.get("tracks").size());
            assertEquals(0, doc.get("findings").size(), r.out());
        }
        try (RtmpServer server = RtmpServer.serve(normal, true)) {
            PlayRun r = inspect(server.url(), "--duration", "3", "--json", "--no-decode");
            assertEquals(0, r.exit(), r.out() + r.err() + server.output());
            JsonNode doc = r.lines().get(0);
            assertTrue(doc.get("timing").get("live").asBoolean(), "read live, without a NetStream: " + r.out());
            assertEquals("H.264", doc.get("tracks").get(0).get("codec").asText(), r.out());
            assertEquals(160, doc.get("tracks").get(0).get("width").asInt(), r.out());
            assertEquals("AAC", doc.get("tracks").get(1).get("codec").asText(), r.out());
            assertEquals(48000, doc.get("tracks").get(1).get("sampleRateHz").asInt(), r.out());
            assertTrue(doc.get("coveredS").asDouble() >= 2.5, "about the 3 s asked for: " + r.out());
            assertEquals(0, doc.get("findings").size(), r.out());
            assertTrue(doc.get("delivery").get("timeToFirstFrameMs").isNull(), "nothing played: " + r.out());
        }
        PlayRun refused = inspect("rtmp://127.0.0.1:1/app/stream?key=s3cr3t", "--duration", "1", "--json");
        assertEquals(1, refused.exit());
        assertFalse((refused.out() + refused.err()).contains("s3cr3t"), refused.out() + refused.err());
        PlayRun refusedDirect = inspect("rtmp://127.0.0.1:1/app/stream?key=s3cr3t", "--no-decode", "--json");
        assertEquals(1, refusedDirect.exit(), refusedDirect.out() + refusedDirect.err());
        assertFalse((refusedDirect.out() + refusedDirect.err()).contains("s3cr3t"), refusedDirect.err());
    }
}
