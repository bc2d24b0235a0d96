package org.netstreamfx.player.decode;

/** Takes decoded frames from a decoder; may block while the output queue is full. */
@FunctionalInterface
public interface FrameConsumer<F> {
    void accept(F frame, long epoch) throws InterruptedException;
}
