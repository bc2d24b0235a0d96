package org.netstreamfx.capture.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.netstreamfx.capture.device.CaptureClock;
import org.netstreamfx.capture.device.TestCamera;
import org.netstreamfx.capture.device.ToneMicrophone;
import org.netstreamfx.capture.encode.AacSettings;
import org.netstreamfx.capture.encode.H264Settings;
import org.netstreamfx.player.health.Finding;
import org.netstreamfx.player.health.HealthReport;
import org.netstreamfx.player.health.Profiles;
import org.netstreamfx.player.health.Rule;
import org.netstreamfx.player.health.Severity;
import org.netstreamfx.player.publish.StreamCheck;

/**
 * Our own publisher's output judged by the health rules (the StreamCheck behind "Check my
 * stream", which runs the analysis a publishing stream runs): the test camera and the tone,
 * H.264/AAC at the publisher's defaults, raise no warning under {@code generic}; the same with a
 * 10 s keyframe interval raises KeyframeInterval. Both checks run at once (6 s of media each).
 */
class PublishHealthFeedsTest {
    /** Media each check covers: past generic's 5 s keyframe limit. */
    private static final long CHECK_US = 6_000_000;
    /** The wall time a check may take on a loaded machine before the test fails. */
    private static final long CHECK_WAIT_S = 30;
    /** A keyframe interval generic refuses (it allows 5 s). */
    private static final double LONG_KEYFRAME_S = 10;

    @Test
    void ourDefaultStreamIsCleanUnderGenericAndATenSecondKeyframeIntervalIsFound() throws Exception {
        H264Settings defaults = H264Settings.of(320, 240, 25, 500);
        CompletableFuture<HealthReport> clean = check(defaults);
        CompletableFuture<HealthReport> longGop = check(defaults.withKeyframeInterval(LONG_KEYFRAME_S));

        HealthReport good = clean.get(CHECK_WAIT_S, TimeUnit.SECONDS);
        List<Finding> warnings = good.findings().stream()
                .filter(f -> !f.cleared() && f.severity().compareTo(Severity.WARNING) >= 0).toList();
        assertEquals(List.of(), warnings, "the default stream under generic: " + good.toMap());
        assertEquals(2, good.tracks().size(), "video and audio were judged: " + good.tracks());
        assertTrue(good.coveredS() >= CHECK_US / 1e6 - 0.1, "covered " + good.coveredS() + " s");
        assertTrue(good.timing().containsKey("encoderLagS"), "the lag is reported: " + good.timing());

        HealthReport bad = longGop.get(CHECK_WAIT_S, TimeUnit.SECONDS);
        Finding kf = bad.findings().stream().filter(f -> f.rule() == Rule.KEYFRAME_INTERVAL).findFirst()
                .orElseThrow(() -> new AssertionError("no KeyframeInterval: " + bad.toMap()));
        assertEquals(Severity.WARNING, kf.severity());
        assertTrue(kf.measured() > Profiles.GENERIC.maxKeyframeIntervalS(), "measured " + kf.measured());
        assertEquals("set your encoder's keyframe interval to 2 s", kf.advice());
    }

    private static CompletableFuture<HealthReport> check(H264Settings video) {
        CaptureClock clock = CaptureClock.system();
        return new StreamCheck(new CameraFeed(new TestCamera(), video, clock),
                new MicrophoneFeed(new ToneMicrophone(), new AacSettings(44_100, 2, 128), clock), Profiles.GENERIC,
                CHECK_US).start();
    }
}
