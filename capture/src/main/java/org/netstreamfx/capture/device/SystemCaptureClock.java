package org.netstreamfx.capture.device;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** {@link CaptureClock} on {@link System#nanoTime()}, microseconds since {@code originNanos}. */
final class SystemCaptureClock implements CaptureClock {
    private final long originNanos;

    SystemCaptureClock(long originNanos) {
        this.originNanos = originNanos;
    }

    @Override
    public long nowUs() {
        return TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - originNanos);
    }

    @Override
    public void sleepUntilUs(long targetUs) throws InterruptedException {
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException("capture clock wait interrupted");
            }
            long leftUs = targetUs - nowUs();
            if (leftUs <= 0) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(leftUs));
        }
    }
}
