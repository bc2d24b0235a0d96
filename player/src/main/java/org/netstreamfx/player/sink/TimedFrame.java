package org.netstreamfx.player.sink;

/** A decoded unit on the stream's timeline. */
public interface TimedFrame {
    long ptsUs();

    long durationUs();

    default long endUs() {
        return ptsUs() + Math.max(0, durationUs());
    }

    /** Gives pooled memory back. Called once by whoever consumed or discarded the frame. */
    void release();
}
