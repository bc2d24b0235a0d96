package org.netstreamfx.player.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.netstreamfx.testkit.RunsAlone;

/**
 * NetStream.step on a real file (the demo's picture, 25 fps, with a beep each second), played in
 * real time through a device that plays on the wall clock: forward and back frame by frame while
 * paused, time() on the frame shown, refused while playing, and playing on from the frame stepped
 * to with the sound in sync.
 */
@RunsAlone
class FrameStepTest {
    private static final long FRAME_US = 40_000;

    @Test
    void stepsForwardThreeTimesAndBackOnceThenPlaysOnInSync() throws Exception {
        try (PlayedMedia run = new PlayedMedia()) {
            run.ns.play(RateMedia.beeps().toString());
            run.awaitFrame(pts -> pts >= 1_200_000, 20_000);
            run.ns.pause();
            run.awaitEvent("NetStream.Pause.Notify", 1, 5_000);
            run.drain();
            long p0 = run.lastShown().ptsUs();
            int shownBefore = run.shown.size();

            for (int k = 1; k <= 3; k++) {
                run.ns.step(1);
                NetStatusEvent done = run.awaitEvent("NetStream.Step.Notify", k, 10_000);
                run.drain();
                long expected = p0 + k * FRAME_US;
                assertEquals(expected, run.lastShown().ptsUs(), "step " + k + " shows the next frame");
                assertEquals(expected / 1e6, (Double) done.details(), 1e-9);
                assertEquals(expected / 1e6, run.ns.time(), 1e-9, "time() is the frame shown");
            }
            run.ns.step(-1);
            run.awaitEvent("NetStream.Step.Notify", 4, 10_000);
            run.drain();
            long back = p0 + 2 * FRAME_US;
            assertEquals(back, run.lastShown().ptsUs(), "one frame back");
            assertEquals(back / 1e6, run.ns.time(), 1e-9);
            List<Long> duringSteps = run.shown.subList(shownBefore, run.shown.size()).stream()
                    .map(PlayedMedia.Shown::ptsUs).toList();
            assertEquals(List.of(p0 + FRAME_US, p0 + 2 * FRAME_US, p0 + 3 * FRAME_US, back), duringSteps,
                    "one frame shown per step, nothing on the way");
            assertTrue(run.codes().stream().noneMatch(c -> c.equals("NetStream.Seek.Notify")),
                    "a step is not a seek: " + run.codes());

            // Resume: on from the frame stepped to, the sound with it.
            long soundBefore = run.pcmFrames();
            run.ns.resume();
            run.awaitFrame(pts -> pts >= 2_300_000, 20_000);
            run.drain();
            PlayedMedia.Shown firstAfter = run.shown.get(shownBefore + 4);
            assertTrue(firstAfter.ptsUs() > back && firstAfter.ptsUs() <= back + 3 * FRAME_US,
                    "plays on from the frame stepped to: " + firstAfter.ptsUs());
            List<Long> beeps = run.beepStarts(soundBefore);
            assertTrue(!beeps.isEmpty(), "the beep at 2 s was heard after the resume");
            long offsetMs = Math.round((run.sound.heardAtNanos(beeps.get(0)) - run.shownAtNanos(2_000_000, 1)) / 1e6);
            System.out.println("[step] from " + p0 / 1e6 + " s: +1 +1 +1 -1, resumed at " + firstAfter.ptsUs() / 1e6
                    + " s; the beep at 2 s heard " + offsetMs + " ms after its frame");
            assertTrue(Math.abs(offsetMs) <= 60, "the sound in sync after the steps: " + offsetMs + " ms");

            // While playing a step is refused and nothing changes: it plays on.
            run.ns.step(1);
            NetStatusEvent refused = run.awaitEvent("NetStreamFX.Step.Invalid", 1, 5_000);
            assertTrue(refused.description().contains("paused"), refused.description());
            double t = run.ns.time();
            run.awaitFrame(pts -> pts >= Math.round(t * 1e6) + 400_000, 10_000);
            assertEquals(4, run.events.stream().filter(e -> e.code().equals("NetStream.Step.Notify")).count());
        }
    }

    @Test
    void stepsAreRefusedWithNothingPlayingAndAtTheFirstFrame() throws Exception {
        try (PlayedMedia run = new PlayedMedia()) {
            run.ns.step(1);
            NetStatusEvent nothing = run.awaitEvent("NetStreamFX.Step.Invalid", 1, 5_000);
            assertTrue(nothing.description().contains("nothing is playing"), nothing.description());

            run.ns.setBufferTime(1.0);
            run.ns.play(RateMedia.beeps().toString());
            run.ns.pause(); // paused before the first frame: Buffer.Full shows it, and the clock stays
            run.awaitEvent("NetStream.Buffer.Full", 1, 20_000);
            run.awaitFrame(pts -> true, 5_000);
            run.ns.step(-1);
            NetStatusEvent first = run.awaitEvent("NetStreamFX.Step.Invalid", 2, 5_000);
            assertTrue(first.description().contains("first frame"), first.description());
            run.ns.step(2);
            run.awaitEvent("NetStream.Step.Notify", 1, 10_000);
            run.drain();
            assertEquals(2 * FRAME_US, run.lastShown().ptsUs());
            assertEquals(0.08, run.ns.time(), 1e-9);
        }
    }
}
