package org.netstreamfx.player.playback;

import java.nio.ByteBuffer;
import org.netstreamfx.player.sink.VideoFrame;

/** A 1x1 picture that remembers whether it was released, and refuses a second release. */
final class TestVideoFrame implements VideoFrame {
    private final long ptsUs;
    private final long durationUs;
    private boolean released;

    TestVideoFrame(long ptsUs, long durationUs) {
        this.ptsUs = ptsUs;
        this.durationUs = durationUs;
    }

    @Override
    public long ptsUs() {
        return ptsUs;
    }

    @Override
    public long durationUs() {
        return durationUs;
    }

    @Override
    public void release() {
        if (released) {
            throw new AssertionError("frame at " + ptsUs / 1000 + " ms released twice");
        }
        released = true;
    }

    boolean released() {
        return released;
    }

    @Override
    public int width() {
        return 1;
    }

    @Override
    public int height() {
        return 1;
    }

    @Override
    public int strideBytes() {
        return 4;
    }

    @Override
    public ByteBuffer pixels() {
        return ByteBuffer.allocate(4).asReadOnlyBuffer();
    }
}
