package org.netstreamfx.e2e.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.netstreamfx.app.Main;
import org.netstreamfx.e2e.rtmp.support.FfmpegPublisher;
import org.netstreamfx.e2e.rtmp.support.NginxServer;

/**
 * Issue 15's "done when" for live streams: {@code nsfx inspect} under the generic profile on an
 * nginx-rtmp live stream, published by the ffmpeg CLI (x264 and AAC test signal, in real time) and
 * by our own publisher (the test camera and the tone), each exits 0 with no warning, and its
 * report names the tracks as published: codec, picture size, frame rate, sample rate, channels.
 */
@ResourceLock(Resources.SYSTEM_OUT)
class InspectLiveTest {
    @RegisterExtension
    static final NginxServer nginx = new NginxServer();

    private static final Duration START = Duration.ofSeconds(15);
    /** Stream seconds inspected: enough for several keyframe intervals and bit rate windows. */
    private static final String INSPECT_S = "4";
    private static final int WIDTH = 320;
    private static final int HEIGHT = 240;
    private static final int FPS = 25;
    /** A frame rate measured over a few seconds of a live stream: within a frame a second. */
    private static final double FPS_TOLERANCE = 1;

    @Test
    void anFfmpegPublishedLiveStreamIsHealthy() throws Exception {
        try (FfmpegPublisher pub = FfmpegPublisher.testSource(nginx.url("live", "inspect-ffmpeg"), WIDTH, HEIGHT,
                FPS)) {
            pub.awaitPublishing(START);
            inspectHealthy(nginx.url("live", "inspect-ffmpeg"), 44_100);
        }
    }

    @Test
    void ourOwnPublishedStreamIsHealthy() throws Exception {
        try (EnginePublisher p = new EnginePublisher(nginx.appUrl("live"), WIDTH, HEIGHT, FPS)) {
            p.ns.publish("inspect-own", "live");
            p.await("NetStream.Publish.Start", START);
            p.awaitMoreFrames(FPS, START); // a second of stream, with its keyframe, at nginx
            inspectHealthy(nginx.url("live", "inspect-own"), 44_100);
        }
    }

    /**
     * {@code nsfx inspect URL --duration 4 --json} in this JVM (System.out captured, under its
     * lock): exit 0, no warning or error, the tracks as published.
     */
    private static void inspectHealthy(String url, int sampleRateHz) throws Exception {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = Main.run(new String[] {"inspect", url, "--duration", INSPECT_S, "--json"});
        } finally {
            System.setOut(stdout);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, out);
        JsonNode doc = new ObjectMapper().readTree(out.strip());
        List<String> bad = new ArrayList<>();
        doc.get("findings").forEach(f -> {
            if (!f.get("severity").asText().equals("info")) {
                bad.add(f.toString());
            }
        });
        assertEquals(List.of(), bad, "no warning under generic: " + out);
        assertTrue(doc.get("timing").get("live").asBoolean(), out);
        JsonNode video = doc.get("tracks").get(0);
        JsonNode audio = doc.get("tracks").get(1);
        assertEquals("H.264", video.get("codec").asText(), out);
        assertEquals(WIDTH, video.get("width").asInt(), out);
        assertEquals(HEIGHT, video.get("height").asInt(), out);
        assertEquals(FPS, video.get("measuredFps").asDouble(), FPS_TOLERANCE, out);
        assertEquals("AAC", audio.get("codec").asText(), out);
        assertEquals(sampleRateHz, audio.get("sampleRateHz").asInt(), out);
        assertEquals(2, audio.get("channels").asInt(), out);
        assertTrue(doc.get("delivery").get("timeToFirstFrameMs").isNumber(), "played: " + out);
    }
}
