package org.netstreamfx.capture.device;

import java.util.concurrent.atomic.AtomicLong;

/** A {@link CaptureClock} whose waits return at once, having moved the time to their target. */
final class JumpingClock implements CaptureClock {
    private final AtomicLong nowUs;

    JumpingClock(long startUs) {
        nowUs = new AtomicLong(startUs);
    }

    @Override
    public long nowUs() {
        return nowUs.get();
    }

    @Override
    public void sleepUntilUs(long targetUs) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("clock wait interrupted");
        }
        nowUs.accumulateAndGet(targetUs, Math::max);
    }
}
