package org.netstreamfx.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netstreamfx.testkit.RunsAlone;

/** {@code nsfx play --speed R}: mpv's --speed, checked at the door, and played at that rate. */
@RunsAlone
class PlaySpeedCommandTest {

    private static PlayRun play(String... args) {
        return PlayRun.of(args);
    }

    private static Path demo() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("resources/demo/demo.mp4"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("resources/demo/demo.mp4 not found");
        }
        return dir.resolve("resources/demo/demo.mp4");
    }

    @Test
    void aSpeedOutOfRangeIsABadArgument() {
        for (String bad : List.of("5", "0.2", "0", "-1")) {
            PlayRun r = play(demo().toString(), "--speed", bad);
            assertEquals(2, r.exit(), "--speed " + bad);
            assertTrue(r.err().contains("--speed takes 0.25 to 4.0 (1 = normal speed)"), r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void playsAtTheSpeedAndSaysSo() throws Exception {
        PlayRun r = play(demo().toString(), "--speed", "2", "--duration", "4", "--no-audio", "--stats-interval", "0");
        assertEquals(0, r.exit(), r.err() + r.out());
        List<JsonNode> lines = r.lines();
        JsonNode rate = lines.stream().filter(n -> "NetStreamFX.Playback.Rate".equals(n.path("code").asText()))
                .findFirst().orElseThrow(() -> new AssertionError(r.out()));
        assertEquals(2.0, rate.get("details").asDouble());
        double full = lines.stream().filter(n -> "NetStream.Buffer.Full".equals(n.path("code").asText()))
                .findFirst().orElseThrow().get("t").asDouble();
        JsonNode stats = lines.get(lines.size() - 1);
        assertEquals("stats", stats.get("type").asText());
        assertEquals(2.0, stats.get("playbackRate").asDouble());
        assertTrue(stats.has("skippedFrames"));
        double played = stats.get("t").asDouble() - full;
        System.out.println("[nsfx play --speed 2 --duration 4] " + stats.get("time").asDouble() + " s of media in "
                + played + " s");
        assertTrue(played > 1.6 && played < 3.0, "4 s of media at 2 x in about 2 s: " + played);
    }
}
