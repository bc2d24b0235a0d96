package org.netstreamfx.e2e.live;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.app.fault.Direction;
import org.netstreamfx.app.fault.FaultProxy;
import org.netstreamfx.e2e.record.NsfxProcess;
import org.netstreamfx.e2e.rtmp.support.FfmpegPublisher;
import org.netstreamfx.e2e.rtmp.support.NginxRtmp;
import org.netstreamfx.testkit.RunsAlone;

/**
 * After a network stall, a live stream comes back to bufferTime on its own (the default latency
 * policy, no bufferTimeMax set), instead of playing the rest of the session as far behind as the
 * stall left it. ffmpeg publishes to a real nginx-rtmp; {@code nsfx play} reads it through the
 * project's fault proxy, which holds every byte for 6 s for a while (a stalled link), then lets
 * them all through at once, as TCP delivers what a stalled path held back. Without a policy the
 * player would then sit about 6 s behind; with it, it plays bufferTime behind the newest data
 * again within a few seconds. The same run with {@code --no-catch-up} shows the lag it fixes.
 */
@RunsAlone
class LiveLatencyRecoveryTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final double BUFFER_TIME = 0.5;
    private static final long STALL_MS = 6_000;
    /**
     * How much bufferLength moves between two stats lines of a steady live play: a few frames of
     * testsrc's 25 fps as they arrive and are shown (0.932 then 0.948 s was seen in CI, under the
     * catch-up threshold, where the policy rightly does nothing).
     */
    private static final double JITTER_S = 0.1;

    @TempDir
    Path dir;

    @Test
    void aLiveStreamIsBackAtBufferTimeSoonAfterAStallAndTheSameRunWithoutThePolicyStaysBehind() throws Exception {
        try (NginxRtmp nginx = NginxRtmp.start(dir);
             FfmpegPublisher publisher = FfmpegPublisher.testSource(nginx.url("live", "cam")).awaitPublishing(WAIT);
             FaultProxy proxy = FaultProxy.start("127.0.0.1", nginx.port());
             NsfxProcess withPolicy = play(proxy);
             NsfxProcess without = play(proxy, "--no-catch-up")) {
            awaitStats(withPolicy, l -> l.get("renderedFrames").asLong() >= 50);
            awaitStats(without, l -> l.get("renderedFrames").asLong() >= 50);
            proxy.setLatencyMs(Direction.DOWN, STALL_MS);
            Thread.sleep(STALL_MS); // the stall itself: what is measured is after it
            proxy.setLatencyMs(Direction.DOWN, 0);
            // Each process counts t from its own start. The held bytes arrive STALL_MS after the
            // release; then 4 s to settle, and 2 s looked at.
            double settled = lastT(withPolicy) + STALL_MS / 1000.0 + 4;
            double settledWithout = lastT(without) + STALL_MS / 1000.0 + 4;
            awaitStats(withPolicy, l -> l.get("t").asDouble() > settled + 2);
            awaitStats(without, l -> l.get("t").asDouble() > settledWithout + 2);
            List<JsonNode> tail = statsAfter(withPolicy, settled);
            double worst = tail.stream().mapToDouble(l -> l.get("bufferLength").asDouble()).max().orElseThrow();
            List<JsonNode> tailWithout = statsAfter(without, settledWithout);
            double lagWithout = tailWithout.stream().mapToDouble(l -> l.get("bufferLength").asDouble()).min()
                    .orElseThrow();
            System.out.println("after a " + STALL_MS + " ms stall: bufferLength at most " + worst
                    + " s with the default policy (" + withPolicy.codes().stream()
                    .filter(c -> c.startsWith("NetStreamFX.Live")).toList() + "), at least " + lagWithout
                    + " s with --no-catch-up; bufferTime " + BUFFER_TIME + " s");
            assertTrue(withPolicy.codes().contains("NetStreamFX.Live.Join")
                    || withPolicy.codes().contains("NetStreamFX.Live.CatchUp"), withPolicy.codes().toString());
            // After the burst: skipped to bufferTime behind the newest data when the burst put it
            // over twice the catch-up threshold (0.51 s behind here on a quiet machine), else
            // catching up 6 % faster from wherever it landed (a smaller burst): under twice the
            // threshold either way, and falling, while without the policy the lag stays.
            double threshold = BUFFER_TIME + 1.0;
            assertTrue(worst <= 2 * threshold, "under the skip level " + 2 * threshold + " s: " + worst
                    + "\n" + withPolicy.stdout());
            double first = tail.get(0).get("bufferLength").asDouble();
            double last = tail.get(tail.size() - 1).get("bufferLength").asDouble();
            assertTrue(last <= Math.max(first, BUFFER_TIME + 0.1) + JITTER_S, "not falling behind again: " + first
                    + " -> " + last);
            assertTrue(last < lagWithout - 1, "well ahead of the run without the policy: " + last + " against "
                    + lagWithout);
            assertTrue(lagWithout >= 3, "without the policy the stall's lag stays (a check that the stall happened): "
                    + lagWithout + "\n" + without.stdout());
        }
    }

    private static NsfxProcess play(FaultProxy proxy, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("play", "rtmp://127.0.0.1:" + proxy.port() + "/live/cam",
                "--buffer-time", Double.toString(BUFFER_TIME), "--stats-interval", "0.25", "--no-audio"));
        args.addAll(List.of(more));
        return new NsfxProcess(args.toArray(String[]::new));
    }

    private static List<JsonNode> statsAfter(NsfxProcess p, double t) {
        return p.lines().stream().filter(l -> "stats".equals(l.path("type").asText()) && l.get("t").asDouble() > t)
                .toList();
    }

    private static double lastT(NsfxProcess p) {
        List<JsonNode> lines = p.lines();
        return lines.isEmpty() ? 0 : lines.get(lines.size() - 1).get("t").asDouble();
    }

    private static void awaitStats(NsfxProcess p, java.util.function.Predicate<JsonNode> which) throws Exception {
        p.awaitLine("such stats", WAIT, l -> "stats".equals(l.path("type").asText()) && which.test(l));
    }
}
