package org.netstreamfx.capture.device;

/**
 * The one clock that stamps every captured video frame and audio block, in microseconds.
 * Monotonic; its origin is arbitrary but shared, so timestamps from a camera and a microphone
 * opened on the same clock can be compared directly (that is how A/V sync is measured).
 *
 * <p>Capture loops also wait on it: a virtual device paces itself with {@link #sleepUntilUs},
 * so a test can pass a clock that jumps instead of sleeping.
 */
public interface CaptureClock {

    /** Now, in microseconds since this clock's origin. Never decreases. */
    long nowUs();

    /**
     * Returns once {@link #nowUs()} has reached {@code targetUs} (at once if it has already).
     *
     * @throws InterruptedException if the waiting thread is interrupted (a capture being closed)
     */
    void sleepUntilUs(long targetUs) throws InterruptedException;

    /** A clock on {@link System#nanoTime()} whose origin is the moment of this call. */
    static CaptureClock system() {
        return new SystemCaptureClock(System.nanoTime());
    }
}
