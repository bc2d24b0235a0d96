package org.netstreamfx.player.clock;

/** Monotonic time in nanoseconds; tests pass a fake one. */
@FunctionalInterface
public interface TimeSource {
    TimeSource SYSTEM = System::nanoTime;

    long nanoTime();
}
