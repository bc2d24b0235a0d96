package org.netstreamfx.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.netstreamfx.testkit.sound.MonitorRecording;

/** How beeps found in a recording are paired with flashes, and what the figures of the pairs are. */
class AvSyncPairingTest {
    static final int RATE = AvSyncClip.SAMPLE_RATE_HZ;
    static final long T0 = 5_000_000_000L;

    /** {@code seconds} of silence with a 40 ms half-scale beep starting at each of {@code beepMs}. */
    static MonitorRecording.Recorded recording(int seconds, long... beepMs) {
        short[] left = new short[RATE * seconds];
        for (long ms : beepMs) {
            int from = (int) (ms * RATE / 1000);
            for (int i = 0; i < RATE * 40 / 1000 && from + i < left.length; i++) {
                left[from + i] = (short) (16384 * Math.sin(2 * Math.PI * 1000.0 * (i + 1) / RATE));
            }
        }
        return new MonitorRecording.Recorded(RATE, left, left.clone(), T0);
    }

    static FlashSink.Flash flash(int second, long atMs) {
        return new FlashSink.Flash(second * 1_000_000L, T0 + atMs * 1_000_000L);
    }

    @Test
    void eachFlashPairsWithTheNearestBeepAndTheCalibrationIsSubtracted() {
        MonitorRecording.Recorded r = recording(5, 100, 1130, 2080, 3100, 4400);
        List<FlashSink.Flash> flashes = List.of(flash(1, 100), flash(2, 1100), flash(3, 2100), flash(4, 3100),
                flash(5, 4100));
        // Calibration -2 ms: the recorder puts sounds 2 ms early, so every beep is 2 ms later.
        AvSyncOffsets o = AvSyncMeasurement.pair(flashes, r, 2, -2_000_000L);
        assertEquals(List.of(2, 3, 4, 5), o.seconds().stream().map(AvSyncOffsets.Pair::second).toList(),
                "second 1 is before firstSecond");
        List<Double> ms = o.seconds().stream().map(AvSyncOffsets.Pair::offsetMs).toList();
        assertEquals(32.0, ms.get(0), 0.1);
        assertEquals(-18.0, ms.get(1), 0.1);
        assertEquals(2.0, ms.get(2), 0.1);
        assertEquals(302.0, ms.get(3), 0.1);
        assertEquals(5, o.beepsHeard());
        assertEquals(5, o.flashesSeen());
        // |offset| 2, 18, 32, 302: median 25, p95 (nearest rank) 302; signed -18, 2, 32, 302: median 17.
        assertEquals(25.0, o.medianAbsMs(), 0.1);
        assertEquals(302.0, o.p95AbsMs(), 0.1);
        assertEquals(17.0, o.medianSignedMs(), 0.1);
    }

    @Test
    void aFlashWithoutABeepWithinTheWindowIsNotPaired() {
        MonitorRecording.Recorded r = recording(4, 1000, 3000);
        AvSyncOffsets o = AvSyncMeasurement.pair(List.of(flash(1, 1000), flash(2, 2000), flash(3, 3000)), r, 1, 0);
        assertEquals(List.of(1, 3), o.seconds().stream().map(AvSyncOffsets.Pair::second).toList());
    }

    @Test
    void theOffsetsGoThroughAChildProcessAsLinesUnchanged() {
        AvSyncOffsets o = new AvSyncOffsets(List.of(new AvSyncOffsets.Pair(1, 61.25), new AvSyncOffsets.Pair(2, -3.5)), 9, 8);
        List<String> lines = new java.util.ArrayList<>(List.of("some log line"));
        lines.addAll(o.toLines());
        assertEquals(o, AvSyncOffsets.parse(lines));
    }
}
