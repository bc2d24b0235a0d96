package org.netstreamfx.e2e.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.app.Main;
import org.netstreamfx.app.bench.BenchRunner;
import org.netstreamfx.testkit.RunsAlone;

/**
 * {@code nsfx bench} in its reduced form ({@code --smoke}: 320x180 media of a second or two, one
 * run each, nginx-rtmp and the ffmpeg CLI for real; the loopback latency over a 1.5 s window, the
 * publishing cost over 20 frames at 320x180, A/V sync at the output over a 4 s clip into its own
 * sound server; the startup runs have their own test, StartupBenchSmokeTest): it finishes, and
 * its JSON holds every figure the
 * command claims, each with a number for median, min and max, and lists no measurement as not made.
 */
@RunsAlone
class BenchSmokeTest {

    static final Set<String> FIGURES = Set.of(
            "ttff.cold.mp4", "ttff.mp4", "ttff.flv", "ttff.http", "ttff.rtmpLive",
            "memory.rss", "memory.heapUsed", "memory.heapLiveAtEnd", "memory.rssSlope",
            "memory.rssSlopeSecondHalf", "memory.heapLiveGrowth",
            "memory.freshProcess.rss", "memory.freshProcess.rssSlopeSecondHalf",
            "decode.engine.fps", "decode.ffmpeg.fps", "decode.ratio",
            "rtmp.chunkDecode", "rtmp.receive.throughput", "rtmp.receive.cpuPerMbit",
            "rtmp.receive.receivedOfFile",
            "ttff.rtmpLive.bufferTime0", "ttff.rtmpLive.connect", "ttff.rtmpLive.keyframeWait",
            "ttff.rtmpLive.afterKeyframe",
            "ttff.rtmpLiveNoB.bufferTime0", "ttff.rtmpLiveNoB.connect", "ttff.rtmpLiveNoB.keyframeWait",
            "ttff.rtmpLiveNoB.afterKeyframe",
            "loopback.engine.median", "loopback.engine.p95", "loopback.ffmpeg.median", "loopback.ffmpeg.p95",
            "loopback.ratio",
            "publish.180p.engine.cpuPerFrame", "publish.180p.engine.encodeCpuPerFrame",
            "publish.180p.ffmpeg.cpuPerFrame", "publish.180p.ratio",
            "avsync.output.median", "avsync.output.p95", "avsync.output.signedMedian", "avsync.recorder.calibration");

    @Test
    void smokeRunWritesEveryFigure(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("bench.json");
        long t0 = System.nanoTime();
        // Every measurement but issue 16's startup runs, which StartupBenchSmokeTest checks on its own.
        String only = String.join(",", BenchRunner.MEASUREMENTS.stream().filter(m -> !m.equals("startup")).toList());
        int exit = Main.run("bench", "--quick", "--smoke", "--only", only, "--json", json.toString());
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(0, exit, "nsfx bench --smoke exit status");
        assertTrue(seconds < 75, "the smoke run took " + seconds + " s (about 40 s expected)");

        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals("smoke", root.path("mode").asText());
        assertEquals(1, root.path("runsPerMeasurement").asInt());
        assertTrue(root.path("machine").path("cores").asInt() > 0, "machine cores");
        JsonNode figures = root.path("figures");
        Set<String> names = new TreeSet<>();
        figures.fieldNames().forEachRemaining(names::add);
        assertEquals(new TreeSet<>(FIGURES), names, "figures in the JSON");
        for (String name : FIGURES) {
            JsonNode f = figures.path(name);
            for (String stat : List.of("median", "min", "max")) {
                assertTrue(f.path(stat).isNumber() && Double.isFinite(f.path(stat).asDouble()),
                        name + "." + stat + " is a number: " + f);
            }
            assertTrue(f.path("min").asDouble() <= f.path("median").asDouble()
                    && f.path("median").asDouble() <= f.path("max").asDouble(), name + " min <= median <= max: " + f);
            assertTrue(f.path("runs").size() >= 1 && f.path("runs").get(0).isNumber(), name + " runs");
            assertTrue(!f.path("unit").asText().isEmpty(), name + " unit");
        }
        for (String positive : List.of("ttff.mp4", "ttff.rtmpLive", "memory.rss", "memory.freshProcess.rss", "decode.engine.fps",
                "decode.ffmpeg.fps", "rtmp.chunkDecode", "rtmp.receive.throughput", "ttff.rtmpLive.bufferTime0",
                "ttff.rtmpLive.afterKeyframe", "ttff.rtmpLiveNoB.afterKeyframe", "loopback.engine.median", "loopback.ffmpeg.median",
                "publish.180p.engine.cpuPerFrame", "publish.180p.ffmpeg.cpuPerFrame", "avsync.output.p95")) {
            assertTrue(figures.path(positive).path("median").asDouble() > 0, positive + " > 0");
        }
        List<String> notMeasured = new ArrayList<>();
        root.path("notMeasured").fieldNames().forEachRemaining(notMeasured::add);
        assertEquals(List.of(), notMeasured, "every item of issue 6 is measured");
    }
}
