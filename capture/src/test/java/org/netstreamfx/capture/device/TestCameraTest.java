package org.netstreamfx.capture.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestCameraTest {

    @Test
    void deliversTheAskedSizeAtTheAskedRateOnTheRealClock() throws Exception {
        CaptureClock clock = CaptureClock.system();
        VideoFormat asked = new VideoFormat(320, 240, 25);
        FrameCollector frames = new FrameCollector(20, clock);
        List<FrameCollector.Seen> seen;
        try (VideoCapture capture = new TestCamera().open(asked, clock, frames)) {
            assertEquals(asked, capture.format());
            seen = frames.await();
        }
        long first = seen.get(0).frameNumber();
        for (int i = 0; i < seen.size(); i++) {
            FrameCollector.Seen f = seen.get(i);
            assertEquals(320, f.width());
            assertEquals(240, f.height());
            assertEquals(first + i, f.frameNumber(), "consecutive frame numbers");
            assertEquals(f.frameNumber(), f.decodedNumber(), "the code row reads back the frame number");
            assertEquals(Math.round(f.frameNumber() * 1e6 / 25), f.captureTimeUs(), "on the 1/fps grid");
            assertTrue(f.deliveredAtUs() >= f.captureTimeUs(), "never delivered before its capture time");
            if (i > 0) {
                assertEquals(40_000, f.captureTimeUs() - seen.get(i - 1).captureTimeUs());
            }
        }
    }

    @Test
    void countsConsecutiveFramesWithoutDrawtextToo() throws Exception {
        CaptureClock clock = new JumpingClock(1_234_567);
        FrameCollector frames = new FrameCollector(60, clock);
        List<FrameCollector.Seen> seen;
        try (VideoCapture capture = new TestCamera(false).open(new VideoFormat(160, 120, 30), clock, frames)) {
            seen = frames.await();
        }
        assertEquals(38, seen.get(0).frameNumber(), "first slot at or after 1.234567 s at 30 fps (37.04)");
        for (int i = 0; i < seen.size(); i++) {
            assertEquals(38 + i, seen.get(i).decodedNumber());
            assertEquals(Math.round((38 + i) * 1e6 / 30), seen.get(i).captureTimeUs());
        }
    }

    @Test
    void refusesASizeTooSmallForTheCounter() {
        DeviceException e = assertThrows(DeviceException.class,
                () -> new TestCamera().open(new VideoFormat(64, 48, 30), new JumpingClock(0), new FrameCollector(1,
                        new JumpingClock(0))));
        assertEquals(DeviceException.Reason.UNSUPPORTED_FORMAT, e.reason());
        assertTrue(e.getMessage().contains("72x2"), e.getMessage());
    }
}
