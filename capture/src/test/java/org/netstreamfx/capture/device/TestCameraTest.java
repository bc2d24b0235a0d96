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
        // On the real clock a loaded machine may make the camera skip slots (TestCamera.MAX_LAG_US);
        // consecutive numbering without skips is checked on the jumping clock below.
        for (int i = 0; i < seen.size(); i++) {
            FrameCollector.Seen f = seen.get(i);
            assertEquals(320, f.width());
            assertEquals(240, f.height());
            assertEquals(f.frameNumber(), f.decodedNumber(), "the code row reads back the frame number");
            assertEquals(Math.round(f.frameNumber() * 1e6 / 25), f.captureTimeUs(), "on the 1/fps grid");
            assertTrue(f.deliveredAtUs() >= f.captureTimeUs(), "never delivered before its capture time");
            if (i > 0) {
                long stepUs = f.captureTimeUs() - seen.get(i - 1).captureTimeUs();
                assertTrue(stepUs > 0 && stepUs % 40_000 == 0, "spaced by whole frames of 40 ms: " + stepUs);
                assertTrue(f.frameNumber() > seen.get(i - 1).frameNumber(), "increasing counter");
            }
        }
        assertTrue(seen.get(seen.size() - 1).frameNumber() - seen.get(0).frameNumber() < 40,
                "20 frames within 40 slots: " + seen);
    }

    @Test
    void countsConsecutiveFramesWithoutDrawtextToo() throws Exception {
        CaptureClock clock = new JumpingClock(1_234_567);
        FrameCollector frames = new FrameCollector(60, clock);
        // The clock never runs ahead of the camera here, so no slot is skipped: 60 consecutive numbers.
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

    @Test
    void theCodeRowRoundTripsEveryBitAndSurvivesNoise() {
        int w = 320;
        int h = 240;
        java.util.Random noise = new java.util.Random(1);
        for (long n : new long[] {0, 1, 25, 0x5555_5555L, 0xAAAA_AAAAL, 0xFFFF_FFFFL, 123_456_789}) {
            java.nio.ByteBuffer pixels = java.nio.ByteBuffer.allocate(w * h * 4);
            for (int i = 0; i < pixels.limit(); i++) {
                pixels.put(i, (byte) 128); // mid grey everywhere else
            }
            TestPattern.stamp(pixels, w, h, w * 4, n);
            assertEquals(n, TestPattern.readFrameNumber(pixels, w, h));
            for (int i = 0; i < pixels.limit(); i++) { // compression-like noise of +-60
                int v = (pixels.get(i) & 0xFF) + noise.nextInt(121) - 60;
                pixels.put(i, (byte) Math.max(0, Math.min(255, v)));
            }
            assertEquals(n, TestPattern.readFrameNumber(pixels, w, h), "through noise");
        }
        assertEquals(5, TestPattern.readFrameNumber(stamped(w, h, (1L << 32) + 5), w, h), "modulo 2^32");
    }

    @Test
    void aPictureWithoutTheCodeReadsNoCode() {
        int w = 160;
        int h = 120;
        java.nio.ByteBuffer grey = java.nio.ByteBuffer.allocate(w * h * 4);
        assertEquals(TestPattern.NO_CODE, TestPattern.readFrameNumber(grey, w, h));
        java.nio.ByteBuffer flipped = stamped(w, h, 6); // 6 = ...110: flip one data cell, parity breaks
        int cell = TestPattern.cellSize(w);
        int x = (2 + 31) * cell + cell / 2;
        for (int y = 0; y < cell; y++) {
            for (int dx = -cell / 2; dx < cell - cell / 2; dx++) {
                for (int c = 0; c < 3; c++) {
                    flipped.put(y * w * 4 + (x + dx) * 4 + c, (byte) 255);
                }
            }
        }
        assertEquals(TestPattern.NO_CODE, TestPattern.readFrameNumber(flipped, w, h));
        assertEquals(TestPattern.NO_CODE, TestPattern.readFrameNumber(grey, 64, 48), "too small for the row");
    }

    private static java.nio.ByteBuffer stamped(int w, int h, long n) {
        java.nio.ByteBuffer pixels = java.nio.ByteBuffer.allocate(w * h * 4);
        TestPattern.stamp(pixels, w, h, w * 4, n);
        return pixels;
    }
}
