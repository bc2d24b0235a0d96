package org.netstreamfx.player.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Issue 13: corrections towards the audio device never move the media clock backwards; only a seek does. */
class MediaClockTest {
    /** Wall time that moves only when the test says so. */
    private static final class Wall implements TimeSource {
        long ns = 5_000_000_000L;

        @Override
        public long nanoTime() {
            return ns;
        }

        void advanceMs(long ms) {
            ns += ms * 1_000_000;
        }
    }

    private final Wall wall = new Wall();
    private final MediaClock clock = new MediaClock(wall);

    @Test
    void aNegativeCorrectionWhileRunningHoldsTheClockUntilWallTimeCatchesUp() {
        clock.set(1_000_000);
        clock.start();
        wall.advanceMs(100);
        assertEquals(1_100_000, clock.positionUs());
        clock.nudge(-40_000);
        assertEquals(1_100_000, clock.positionUs(), "held, not moved back");
        wall.advanceMs(30);
        assertEquals(1_100_000, clock.positionUs(), "still held: 30 ms of the 40 ms correction");
        wall.advanceMs(20);
        assertEquals(1_110_000, clock.positionUs(), "runs again once wall time has caught up");
    }

    @Test
    void aNegativeCorrectionWhilePausedNeverMovesTheClockBack() {
        clock.set(2_000_000);
        clock.start();
        wall.advanceMs(500);
        clock.pause();
        long paused = clock.positionUs();
        assertEquals(2_500_000, paused);
        clock.nudge(-60_000);
        assertEquals(paused, clock.positionUs(), "paused: the time shown stays where it was");
        clock.start();
        wall.advanceMs(50);
        assertEquals(paused, clock.positionUs(), "held after the start until the correction is used up");
        wall.advanceMs(20);
        assertEquals(paused + 10_000, clock.positionUs());
    }

    @Test
    void aPositiveCorrectionMovesItForwardRunningOrPaused() {
        clock.set(0);
        clock.nudge(25_000);
        assertEquals(25_000, clock.positionUs());
        clock.start();
        wall.advanceMs(10);
        clock.nudge(5_000);
        assertEquals(40_000, clock.positionUs());
    }

    @Test
    void manyCorrectionsBothWaysAndRateChangesNeverReadLessThanBefore() {
        clock.set(0);
        clock.start();
        long last = clock.positionUs();
        java.util.Random random = new java.util.Random(13);
        for (int i = 0; i < 10_000; i++) {
            wall.advanceMs(random.nextInt(25));
            switch (random.nextInt(5)) {
                case 0 -> clock.nudge(random.nextInt(120_000) - 80_000);
                case 1 -> clock.pause();
                case 2 -> clock.start();
                case 3 -> clock.setRate(random.nextBoolean() ? 1.0 : 1.06);
                default -> { }
            }
            long now = clock.positionUs();
            assertTrue(now >= last, "step " + i + ": " + now + " after " + last);
            last = now;
        }
    }

    @Test
    void onlyASeekMovesItBack() {
        clock.set(5_000_000);
        clock.start();
        wall.advanceMs(100);
        clock.set(1_000_000);
        assertEquals(1_000_000, clock.positionUs());
    }
}
