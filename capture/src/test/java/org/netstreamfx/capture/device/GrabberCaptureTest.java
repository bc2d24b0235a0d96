package org.netstreamfx.capture.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A live FFmpeg input read by {@link GrabberCapture}, its watchdog asking the input's liveness. */
class GrabberCaptureTest {

    /** A real lavfi input whose device "goes" after 5 pictures: the capture fails once, saying why, and stops. */
    @Test
    void aDeviceThatIsGoneEndsTheCaptureWithItsReason() throws Exception {
        VideoFormat format = new VideoFormat(160, 120, 25);
        AtomicLong frames = new AtomicLong();
        CompletableFuture<DeviceException> failed = new CompletableFuture<>();
        var grabber = FfmpegGrabbers.start("gone", "testsrc2=size=160x120:rate=25", "lavfi", Map.of(), null);
        GrabberCapture capture = GrabberCapture.start(new TestCamera(), format, CaptureClock.system(),
                new VideoFrameListener() {
                    @Override
                    public void onFrame(VideoFrame frame) {
                        frames.incrementAndGet();
                    }

                    @Override
                    public void onCaptureFailed(DeviceException failure) {
                        failed.complete(failure);
                    }
                }, grabber, "The input \"gone\"", "Plug it back in.",
                () -> frames.get() >= 5 ? "it was unplugged" : null);
        try {
            DeviceException e = failed.get(GrabberCapture.LIVENESS_INTERVAL_MS * 10, TimeUnit.MILLISECONDS);
            assertEquals(DeviceException.Reason.DISCONNECTED, e.reason());
            assertEquals("The input \"gone\" is gone: it was unplugged. Plug it back in.", e.getMessage());
            long atFailure = frames.get();
            assertTrue(atFailure >= 5, "frames before: " + atFailure);
            capture.close();
            assertEquals(atFailure, frames.get(), "no picture after the failure");
        } finally {
            capture.close();
        }
    }

    @Test
    void theStallLimitIsFiveSecondsOrThreeFrameIntervals() {
        assertEquals(5000, GrabberCapture.stallLimitMs(new VideoFormat(320, 240, 30)));
        assertEquals(30_000, GrabberCapture.stallLimitMs(new VideoFormat(320, 240, 0.1)));
    }
}
