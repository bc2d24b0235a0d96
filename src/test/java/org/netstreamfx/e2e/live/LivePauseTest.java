package org.netstreamfx.e2e.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.e2e.rtmp.support.FfmpegPublisher;
import org.netstreamfx.e2e.rtmp.support.NginxRtmp;
import org.netstreamfx.e2e.support.EngineRun;
import org.netstreamfx.testkit.RunsAlone;

/**
 * A reader that stops reading: our player pauses a live stream from a real nginx-rtmp for a while,
 * then resumes. Paused, nothing piles up (nginx stops sending to a paused player, and our side
 * keeps the connection: no Connect.Closed), so minutes are no different from the seconds this
 * test can afford; resumed, the picture moves again within 3 s, at the live edge, not as far
 * behind as the pause was long.
 */
@RunsAlone
class LivePauseTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long PAUSE_MS = 12_000;

    @TempDir
    Path dir;

    @Test
    void aLiveStreamPausedAndResumedPlaysAtTheLiveEdgeAgainWithNothingPiledUp() throws Exception {
        try (NginxRtmp nginx = NginxRtmp.start(dir);
             FfmpegPublisher publisher = FfmpegPublisher.testSource(nginx.url("live", "cam")).awaitPublishing(WAIT);
             EngineRun run = new EngineRun(false, nginx.appUrl("live"))) {
            run.ns.play("cam");
            await("pictures", () -> run.renderedPtsUs.size() >= 25, run);
            run.ns.pause();
            await("Pause.Notify", () -> run.codes().contains("NetStream.Pause.Notify"), run);
            long loadedAtPause = run.ns.bytesLoaded();
            int shownAtPause = run.renderedPtsUs.size();
            long lastPtsUs = run.renderedPtsUs.get(shownAtPause - 1);
            Thread.sleep(PAUSE_MS); // what is measured is what happened meanwhile
            long piledUp = run.ns.bytesLoaded() - loadedAtPause;
            int shownWhilePaused = run.renderedPtsUs.size() - shownAtPause;
            long resumed = System.nanoTime();
            run.ns.resume();
            await("pictures after resume", () -> run.renderedPtsUs.size() >= shownAtPause + shownWhilePaused + 25, run);
            double backS = (System.nanoTime() - resumed) / 1e9;
            long firstPtsAfter = run.renderedPtsUs.get(shownAtPause + shownWhilePaused);
            double behindS = (run.ns.bufferLength());
            System.out.printf("live pause %d ms: %d bytes arrived while paused, %d pictures shown while paused, "
                    + "25 pictures %.2f s after resume, from %.3f s (paused at %.3f s), bufferLength %.2f s; %s%n",
                    PAUSE_MS, piledUp, shownWhilePaused, backS, firstPtsAfter / 1e6, lastPtsUs / 1e6, behindS,
                    run.codes());
            assertTrue(piledUp < 256 * 1024, piledUp + " bytes arrived while paused");
            assertTrue(shownWhilePaused <= 1, "the picture holds while paused: " + shownWhilePaused);
            assertTrue(backS < 3 + 1, "moving again soon after resume: " + backS + " s for 25 pictures");
            assertTrue(behindS < 2.5, "near the live edge, not the pause behind: " + behindS);
            assertEquals(List.of(), run.codes().stream().filter(c -> c.startsWith("NetConnection.Connect.Closed")
                    || c.endsWith("Failed")).toList());
            assertEquals(List.of(), run.escaped);
        }
    }

    private static void await(String what, BooleanSupplier done, EngineRun run) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + WAIT.toSeconds() + " s; saw " + run.codes());
            }
            Thread.sleep(20);
        }
    }
}
