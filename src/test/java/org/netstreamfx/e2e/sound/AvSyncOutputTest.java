package org.netstreamfx.e2e.sound;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.app.bench.AvSyncClip;
import org.netstreamfx.app.bench.AvSyncMeasurement;
import org.netstreamfx.app.bench.AvSyncOffsets;
import org.netstreamfx.e2e.fixtures.Tools;
import org.netstreamfx.testkit.RunsAlone;
import org.netstreamfx.testkit.sound.RecorderCalibration;
import org.netstreamfx.testkit.sound.SoundServer;
import org.netstreamfx.testkit.sound.SoundServerExtension;

/**
 * A/V sync measured at the output: a clip with a white frame and a 1 kHz beep on every whole
 * second plays in real time through NetStream with its default audio sink (Java Sound, which the
 * build points at the test sound server); each second's beep, as recorded from the server's
 * monitor, is compared with the moment its flash reached the video sink.
 *
 * <p>The bound the test holds is looser than the target (median |offset| 20 ms, p95 45
 * ms, which the bench reports): the test must stay green on a loaded 2-core machine, so it
 * fails on what a viewer would notice, ITU-R BT.1359's detectability thresholds: a median that
 * has the sound more than {@value #EARLY_LIMIT_MS} ms early or {@value #LATE_LIMIT_MS} ms late,
 * or a 95th percentile of |offset| over {@value #P95_LIMIT_MS} ms. A second test plays the same
 * clip with its sound 200 ms late and checks that the bound rejects it as late.
 *
 * <p>Second 0 is not paired: it holds the audio device's start (an engine may drop the pictures it
 * is late for, or cut the sound to its clock, while the device starts), and the figures are of
 * sync once playing; the start has tests of its own.
 */
@ExtendWith(SoundServerExtension.class)
@RunsAlone
class AvSyncOutputTest {
    static final int SECONDS = 8;
    static final int FIRST_SECOND = 1;
    static final int EARLY_LIMIT_MS = 45;
    static final int LATE_LIMIT_MS = 125;
    static final int P95_LIMIT_MS = 125;
    static final int LATE_CLIP_MS = 200;

    @Test
    void eachBeepLeavesTheSoundServerWithItsFlash(SoundServer server, @TempDir Path dir) throws Exception {
        AvSyncOffsets o = measure(server, dir, 0);
        assertTrue(o.seconds().size() >= SECONDS - FIRST_SECOND - 1, "seconds paired:\n" + o.describe());
        String verdict = outOfBounds(o);
        assertNull(verdict, verdict + "\n" + o.describe());
    }

    @Test
    void soundPlayed200MsLateIsMeasuredAsLateAndFailsTheBound(SoundServer server, @TempDir Path dir)
            throws Exception {
        AvSyncOffsets o = measure(server, dir, LATE_CLIP_MS);
        assertTrue(o.seconds().size() >= SECONDS - FIRST_SECOND - 1, "seconds paired:\n" + o.describe());
        // The engine's own offset adds to the clip's 200 ms; whatever it is within the bound, the
        // sum is more than the late limit, and the bound says so for that reason.
        String verdict = outOfBounds(o);
        assertNotNull(verdict, "the bound lets 200 ms late sound pass:\n" + o.describe());
        assertTrue(verdict.startsWith("sound late"), verdict + "\n" + o.describe());
    }

    private static AvSyncOffsets measure(SoundServer server, Path dir, int audioLateMs) throws Exception {
        RecorderCalibration.Result calibration = RecorderCalibration.measure(server, 8);
        Path clip = AvSyncClip.make(Tools.ffmpeg().toString(), dir.resolve("avsync.mp4"), SECONDS, audioLateMs);
        AvSyncOffsets o = AvSyncMeasurement.run(clip, SECONDS, FIRST_SECOND,
                () -> server.record(SoundServer.SINK, AvSyncClip.SAMPLE_RATE_HZ),
                Math.round(calibration.medianMs() * 1e6));
        System.out.printf(Locale.ROOT, "A/V offsets at the output, clip with sound %d ms late (recorder calibration: "
                + "%s, subtracted):%n%s%n", audioLateMs, calibration, o.describe());
        assertTrue(o.flashesSeen() >= SECONDS - FIRST_SECOND - 1 && o.beepsHeard() >= SECONDS - FIRST_SECOND - 1,
                "flashes seen and beeps heard:\n" + o.describe());
        return o;
    }

    /** Why {@code o} is out of the test's bound, or null when it is within. */
    static String outOfBounds(AvSyncOffsets o) {
        if (o.medianSignedMs() < -EARLY_LIMIT_MS) {
            return "sound early: median " + o.medianSignedMs() + " ms";
        }
        if (o.medianSignedMs() > LATE_LIMIT_MS) {
            return "sound late: median " + o.medianSignedMs() + " ms";
        }
        if (o.p95AbsMs() > P95_LIMIT_MS) {
            return "p95 |offset| " + o.p95AbsMs() + " ms";
        }
        return null;
    }
}
