package org.netstreamfx.e2e.sound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netstreamfx.e2e.fixtures.Fixtures;
import org.netstreamfx.e2e.fixtures.Tools;
import org.netstreamfx.testkit.RunsAlone;
import org.netstreamfx.testkit.sound.MonitorRecording;
import org.netstreamfx.testkit.sound.SoundServer;
import org.netstreamfx.testkit.sound.SoundServerExtension;

/**
 * {@code nsfx play resources/demo/demo.mp4 --volume 0.5} as a user runs it, a child JVM playing
 * through the system's default output (ALSA's pulse plugin) into the test sound server: heard at
 * -6 dB against the file's own level, and its picture moving as soon as the buffer is full.
 *
 * <p>The demo's sound is a 1.0217 s HE-AAC v2 clip in a loop, so its level over a whole number of
 * loops is the same wherever the window starts: the recording and the file are compared over
 * {@value #LOOPS} loops.
 */
@ExtendWith(SoundServerExtension.class)
@RunsAlone
class PlayVolumeCommandTest {
    private static final int RATE = 44100;
    /** One loop of the demo's sound: 22 HE-AAC packets of 2048 samples. */
    private static final int LOOP_FRAMES = 22 * 2048;
    private static final int LOOPS = 3;
    private static final double FRAME_PERIOD_S = 0.04;

    /** RMS level in dBFS of the file's decoded sound over {@code LOOPS} loops from 2 s on. */
    private static double fileLevel(Path file, Path dir) throws java.io.IOException {
        Path raw = dir.resolve("demo.raw");
        Tools.run(List.of(Tools.ffmpeg().toString(), "-v", "error", "-y", "-i", file.toString(),
                "-ss", "2", "-t", String.valueOf((double) LOOPS * LOOP_FRAMES / RATE + 0.5), "-vn", "-f", "s16le",
                "-ac", "2", "-ar", String.valueOf(RATE), raw.toString()), java.time.Duration.ofSeconds(60));
        byte[] pcm = java.nio.file.Files.readAllBytes(raw);
        ByteBuffer b = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
        double sum = 0;
        int n = LOOPS * LOOP_FRAMES * 2;
        for (int i = 0; i < n; i++) {
            double s = b.getShort();
            sum += s * s;
        }
        return 20 * Math.log10(Math.sqrt(sum / n) / 32768.0);
    }

    @Test
    void playWithVolumeHalfIsHeardSixDecibelsDownAndItsPictureMovesAtBufferFull(SoundServer server,
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path demo = Fixtures.demoClip();
        MonitorRecording rec = server.record(SoundServer.SINK, RATE);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.netstreamfx.app.Main", "play", demo.toString(),
                "--volume", "0.5", "--duration", "6", "--stats-interval", "0.01"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(server.environment());
        Process p = pb.start();
        List<JsonNode> lines = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(json.readTree(line));
            }
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "nsfx play ended");
        MonitorRecording.Recorded r = rec.stop();
        assertEquals(0, p.exitValue(), "exit status; printed: " + lines);

        List<String> codes = lines.stream().filter(n -> n.path("type").asText().equals("status"))
                .map(n -> n.path("code").asText()).toList();
        assertTrue(codes.stream().noneMatch(c -> c.startsWith("NetStreamFX.Audio")), "played through the device: "
                + codes);

        // The picture: the second frame on screen (the first is the still shown while buffering)
        // within one frame period of Buffer.Full, plus what the 10 ms stats lines and a loaded
        // 2-core machine add (the bug this guards against froze it for 2 s).
        double fullAt = lines.stream().filter(n -> n.path("code").asText().equals("NetStream.Buffer.Full"))
                .findFirst().orElseThrow().path("t").asDouble();
        double movedAt = lines.stream().filter(n -> n.path("type").asText().equals("stats")
                && n.path("renderedFrames").asLong() >= 2).findFirst().orElseThrow().path("t").asDouble();
        assertTrue(movedAt - fullAt <= FRAME_PERIOD_S + 0.11, "the picture moved " + (movedAt - fullAt)
                + " s after Buffer.Full: " + lines.stream().filter(n -> n.path("t").asDouble() >= fullAt - 0.05
                        && n.path("t").asDouble() <= movedAt + 0.01).map(n -> n.path("t").asText() + " "
                        + n.path("code").asText() + " r=" + n.path("renderedFrames").asText() + " time="
                        + n.path("time").asText() + " v=" + n.path("videoFrames").asText()).toList());

        // The sound: -6 dB against the file, over whole loops from the first sound heard + 1 s.
        int first = r.onsets(300, 200).get(0);
        int from = first + RATE;
        double heard = r.rmsDbfs(from, from + LOOPS * LOOP_FRAMES);
        double file = fileLevel(demo, dir);
        assertEquals(-6.02, heard - file, 1.0, "heard at " + heard + " dBFS, the file at " + file + " dBFS");
    }
}
