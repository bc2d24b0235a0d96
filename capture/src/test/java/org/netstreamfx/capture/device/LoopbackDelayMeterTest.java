package org.netstreamfx.capture.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class LoopbackDelayMeterTest {
    private static final VideoFormat FORMAT = new VideoFormat(320, 240, 30);

    @Test
    void theDelayIsTheClockMinusTheCaptureTimeOfTheFrameInThePicture() throws InterruptedException {
        JumpingClock clock = new JumpingClock(0);
        LoopbackDelayMeter meter = new LoopbackDelayMeter(clock, FORMAT);
        assertEquals(LoopbackDelayMeter.UNREAD, meter.medianUs(), "nothing measured yet");

        clock.sleepUntilUs(FORMAT.frameTimeUs(100) + 120_000); // frame 100 seen 120 ms after capture
        assertEquals(120_000, meter.measure(stamped(100), 320, 240, 320 * 4));
        assertEquals(100, meter.lastFrame());
        assertEquals(1, meter.readCount());
    }

    @Test
    void aPictureWithoutTheCounterIsCountedAsUnreadAndChangesNothing() {
        LoopbackDelayMeter meter = new LoopbackDelayMeter(new JumpingClock(5_000_000), FORMAT);
        assertEquals(LoopbackDelayMeter.UNREAD, meter.measure(ByteBuffer.allocate(320 * 240 * 4), 320, 240, 320 * 4));
        assertEquals(1, meter.unreadCount());
        assertEquals(0, meter.readCount());
        assertEquals(LoopbackDelayMeter.UNREAD, meter.lastUs());
    }

    @Test
    void aCounterPastTheClockIsNotFromThisCamera() {
        LoopbackDelayMeter meter = new LoopbackDelayMeter(new JumpingClock(1_000_000), FORMAT);
        assertEquals(LoopbackDelayMeter.UNREAD, meter.record(31, 1_000_000), "frame 31 is still 33 ms away");
        assertEquals(0, meter.record(30, 1_000_000));
    }

    @Test
    void theCounterWrapsModulo2To32() {
        LoopbackDelayMeter meter = new LoopbackDelayMeter(new JumpingClock(0), FORMAT);
        long frame = (1L << 32) + 7;
        long now = FORMAT.frameTimeUs(frame) + 50_000;
        assertEquals(50_000, meter.record(7, now));
        assertEquals(frame, meter.lastFrame());
        assertEquals(FORMAT.frameTimeUs(frame + 2) - FORMAT.frameTimeUs((1L << 32) - 1), meter.record((1L << 32) - 1, FORMAT.frameTimeUs(frame + 2)),
                "the last number before the wrap, seen just after it");
    }

    @Test
    void medianAndP95AreTakenOverTheRecentWindow() {
        LoopbackDelayMeter meter = new LoopbackDelayMeter(new JumpingClock(0), FORMAT);
        long base = FORMAT.frameTimeUs(10_000);
        for (int i = 1; i <= 100; i++) { // delays of 1..100 ms
            meter.record(10_000, base + i * 1000L);
        }
        assertEquals(50_000, meter.medianUs());
        assertEquals(95_000, meter.p95Us());
        for (int i = 0; i < LoopbackDelayMeter.WINDOW; i++) { // the window forgets the old ones
            meter.record(10_000, base + 7000);
        }
        assertEquals(7000, meter.p95Us());
        meter.reset();
        assertEquals(LoopbackDelayMeter.UNREAD, meter.p95Us());
        assertThrows(IllegalArgumentException.class, () -> meter.percentileUs(0));
    }

    private static ByteBuffer stamped(long n) {
        ByteBuffer pixels = ByteBuffer.allocate(320 * 240 * 4);
        TestPattern.stamp(pixels, 320, 240, 320 * 4, n);
        return pixels;
    }
}
