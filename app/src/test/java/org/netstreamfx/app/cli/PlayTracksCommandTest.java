package org.netstreamfx.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.testkit.media.MultitrackClip;

/** {@code nsfx play --video-track ID --audio-track ID}: ffplay's -vst/-ast for Enhanced RTMP multitrack streams. */
class PlayTracksCommandTest {
    @TempDir
    static Path dir;
    private static Path clip;

    @BeforeAll
    static void makeClip() {
        clip = MultitrackClip.make(dir.resolve("multitrack.flv"));
    }

    @Test
    void playsTheTracksAskedForFromTheStart() {
        PlayRun r = PlayRun.of(clip.toString(), "--video-track", "1", "--audio-track", "1", "--fast",
                "--stats-interval", "0");
        assertEquals(0, r.exit(), r.err() + r.out());
        List<JsonNode> lines = r.lines();
        JsonNode listed = lines.stream().filter(n -> "NetStreamFX.Tracks.Changed".equals(n.path("code").asText()))
                .findFirst().orElseThrow(() -> new AssertionError(r.out()));
        assertEquals(4, listed.get("details").size(), "two video and two audio tracks: " + listed);
        JsonNode stats = lines.get(lines.size() - 1);
        assertEquals(1, stats.get("videoTrack").asInt(), stats.toString());
        assertEquals(1, stats.get("audioTrack").asInt(), stats.toString());
        assertEquals(MultitrackClip.FPS * MultitrackClip.SECONDS, stats.get("videoFrames").asInt(),
                "every frame of track 1, none of track 0");
        assertEquals("", r.err());
    }

    @Test
    void aTrackTheStreamDoesNotHaveIsSaidAndTheFirstPlays() {
        PlayRun r = PlayRun.of(clip.toString(), "--video-track", "5", "--fast", "--stats-interval", "0");
        assertEquals(0, r.exit(), r.err() + r.out());
        assertTrue(r.err().contains("the stream has no video track 5 (its video tracks: [0, 1]); its first plays "
                + "until track 5 comes"), r.err());
        List<JsonNode> lines = r.lines();
        assertEquals(0, lines.get(lines.size() - 1).get("videoTrack").asInt());
    }

    @Test
    void aTrackIdOutOfRangeIsABadArgument() {
        PlayRun r = PlayRun.of(clip.toString(), "--audio-track", "256");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--video-track and --audio-track take a track id, 0 to 255, not 256"), r.err());
    }
}
