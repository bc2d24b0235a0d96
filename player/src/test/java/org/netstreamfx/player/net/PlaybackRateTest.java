package org.netstreamfx.player.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.netstreamfx.testkit.RunsAlone;

/**
 * NetStream.setPlaybackRate on a real file played in real time through a sound device that plays
 * on the wall clock: the picture and the sound both run at the rate, the beeps keep their pitch,
 * and each beep is heard when the frame at its second is shown. Bounds are loose enough for a
 * loaded 2-core machine; the figures measured are printed.
 */
@RunsAlone
class PlaybackRateTest {

    @ParameterizedTest
    @ValueSource(doubles = {0.25, 0.5, 1.0, 2.0, 4.0})
    void pictureAndSoundRunAtTheRateInSyncWithThePitchKept(double rate) throws Exception {
        // The beeps at 1 s and at `last` s are compared: a span of (last - 1) s of media.
        int last = rate < 0.3 ? 2 : rate < 1 ? 3 : 6;
        try (PlayedMedia run = new PlayedMedia()) {
            run.ns.setPlaybackRate(rate);
            run.ns.play(RateMedia.beeps().toString());
            run.awaitFrame(pts -> pts >= last * 1_000_000L + 200_000, Math.round((last + 1) / rate * 1000) + 20_000);
            run.drain();
            assertEquals(rate, run.ns.playbackRate());
            assertEquals(rate, run.ns.currentPlaybackRate(), 1e-9);
            List<Object> said = run.events.stream().filter(e -> e.code().equals("NetStreamFX.Playback.Rate"))
                    .map(NetStatusEvent::details).toList();
            assertEquals(rate == 1.0 ? List.of() : List.of(rate), said, "Playback.Rate at the start, unless 1");

            double spanS = last - 1;
            double pictureS = (run.shownAtNanos(last * 1_000_000L, rate) - run.shownAtNanos(1_000_000L, rate)) / 1e9;
            List<Long> beeps = run.beepStarts(0);
            int sr = run.sound.sampleRate();
            long[] beep = new long[last + 1];
            List<Long> offsetsMs = new ArrayList<>();
            for (int k = 1; k <= last; k++) {
                long shownAt = run.shownAtNanos(k * 1_000_000L, rate);
                beep[k] = run.beepNear(beeps, shownAt);
                offsetsMs.add(Math.round((run.sound.heardAtNanos(beep[k]) - shownAt) / 1e6));
            }
            double soundS = (beep[last] - beep[1]) / (double) sr;
            double pitch = run.frequency(beep[1] + sr / 50, (int) (sr * 0.4 / rate));
            NetStreamInfo info = run.ns.info();
            System.out.printf("[rate %.2f] %.0f s of media: picture %.3f s, sound %.3f s (expected %.3f); pitch %.1f Hz;"
                    + " beep heard minus frame shown (ms) %s; avDrift %.1f ms; dropped %d, skipped %d%n", rate, spanS,
                    pictureS, soundS, spanS / rate, pitch, offsetsMs, info.avDriftMs(), info.droppedFrames(),
                    run.ns.skippedFrames());

            assertEquals(spanS / rate, soundS, spanS / rate * 0.03, "the sound lasts the span over the rate");
            assertEquals(spanS / rate, pictureS, spanS / rate * 0.1 + 0.05, "the picture takes the span over the rate");
            assertEquals(RateMedia.BEEP_HZ, pitch, RateMedia.BEEP_HZ * 0.03, "pitch kept");
            for (long ms : offsetsMs) {
                assertTrue(Math.abs(ms) <= 60, "each beep heard with its frame (ms): " + offsetsMs);
            }
        }
    }

    @Test
    void theRateChangesWhilePlayingAndStaysInSync() throws Exception {
        try (PlayedMedia run = new PlayedMedia()) {
            run.ns.play(RateMedia.beeps().toString());
            run.awaitFrame(pts -> pts >= 1_700_000, 20_000);
            run.ns.setPlaybackRate(3.0);
            run.awaitFrame(pts -> pts >= 6_200_000, 20_000);
            run.drain();
            assertEquals(List.of(3.0), run.events.stream().filter(e -> e.code().equals("NetStreamFX.Playback.Rate"))
                    .map(NetStatusEvent::details).toList());
            double pictureS = (run.shownAtNanos(6_000_000, 3) - run.shownAtNanos(3_000_000, 3)) / 1e9;
            List<Long> beeps = run.beepStarts(0);
            List<Long> offsetsMs = new ArrayList<>();
            for (int k = 3; k <= 6; k++) {
                long shownAt = run.shownAtNanos(k * 1_000_000L, 3);
                offsetsMs.add(Math.round((run.sound.heardAtNanos(run.beepNear(beeps, shownAt)) - shownAt) / 1e6));
            }
            System.out.printf("[1 -> 3 at 1.7 s] 3 s of media in %.3f s; beep heard minus frame shown (ms) %s%n",
                    pictureS, offsetsMs);
            assertEquals(1.0, pictureS, 0.15);
            for (long ms : offsetsMs) {
                assertTrue(Math.abs(ms) <= 60, "each beep heard with its frame (ms): " + offsetsMs);
            }

            // From 3 x down to 0.5 x: the sound stretched at 3 x that the device holds plays out first.
            run.ns.setPlaybackRate(0.5);
            run.awaitFrame(pts -> pts >= 7_100_000, 20_000);
            long shownAt7 = run.shownAtNanos(7_000_000, 0.5);
            long offset7 = Math.round((run.sound.heardAtNanos(run.beepNear(run.beepStarts(0), shownAt7)) - shownAt7) / 1e6);
            System.out.printf("[3 -> 0.5 at 6.2 s] beep at 7 s heard minus frame shown: %d ms%n", offset7);
            assertTrue(Math.abs(offset7) <= 60, "the beep at 7 s heard with its frame: " + offset7 + " ms");
        }
    }

    @Test
    void ratesOutOfRangeAreRefusedAndTheRateIsKeptForTheNextPlay() throws Exception {
        try (PlayedMedia run = new PlayedMedia()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run.ns.setPlaybackRate(5));
            assertEquals("The playback rate must be 0.25 to 4.0 (1 = normal speed), not 5.0", e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> run.ns.setPlaybackRate(0.1));
            assertEquals(1.0, run.ns.playbackRate());
            run.ns.setPlaybackRate(4.0);
            run.ns.play(RateMedia.demo().toString());
            run.awaitFrame(pts -> pts >= 2_000_000, 20_000);
            run.ns.play(RateMedia.beeps().toString()); // another play: the rate holds, as in VLC and mpv
            run.awaitEvent("NetStreamFX.Playback.Rate", 2, 20_000);
            run.awaitEvent("NetStream.Buffer.Full", 2, 20_000);
            run.drain();
            assertEquals(4.0, run.ns.currentPlaybackRate(), 1e-9);
        }
    }
}
