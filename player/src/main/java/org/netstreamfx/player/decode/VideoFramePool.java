package org.netstreamfx.player.decode;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import org.bytedeco.javacpp.BytePointer;
import org.netstreamfx.player.sink.VideoFrame;

/**
 * A fixed set of native BGRA buffers reused frame after frame, so decoding allocates no
 * frame-sized memory once it runs. A frame goes back to the pool when its consumer calls
 * {@link VideoFrame#release()}; {@link #acquire} waits while every buffer is out.
 *
 * <p>Thread ownership: acquired on the decoder thread, released on the playback thread.
 */
public final class VideoFramePool implements AutoCloseable {
    private final int capacity;
    private final ArrayDeque<PooledFrame> free = new ArrayDeque<>();
    private int created;
    private int width;
    private int height;
    private boolean closed;

    public VideoFramePool(int capacity) {
        this.capacity = capacity;
    }

    /**
     * A free buffer for a {@code width} x {@code height} picture, or null when the pool was closed
     * while waiting. Buffers of another size are freed and remade when the size changes.
     */
    public synchronized PooledFrame acquire(int width, int height) throws InterruptedException {
        if (width != this.width || height != this.height) {
            for (PooledFrame f : free) {
                f.memory.close();
            }
            created -= free.size();
            free.clear();
            this.width = width;
            this.height = height;
        }
        while (true) {
            if (closed) {
                return null;
            }
            PooledFrame f = free.pollFirst();
            if (f != null) {
                if (f.width == width && f.height == height) {
                    f.released = false;
                    return f;
                }
                f.memory.close();
                created--;
                continue;
            }
            if (created < capacity) {
                created++;
                return new PooledFrame(this, width, height);
            }
            wait();
        }
    }

    private synchronized void giveBack(PooledFrame f) {
        if (closed || f.width != width || f.height != height) {
            f.memory.close();
            created--;
        } else {
            free.addLast(f);
        }
        notifyAll();
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (PooledFrame f : free) {
            f.memory.close();
        }
        free.clear();
        notifyAll();
    }

    /** A pooled frame: native BGRA memory plus its timing. */
    public static final class PooledFrame implements VideoFrame {
        private final VideoFramePool pool;
        private final int width;
        private final int height;
        private final BytePointer memory;
        private final ByteBuffer view;
        private long ptsUs;
        private long durationUs;
        private long epoch;
        private boolean released;

        private PooledFrame(VideoFramePool pool, int width, int height) {
            this.pool = pool;
            this.width = width;
            this.height = height;
            this.memory = new BytePointer((long) width * height * 4);
            this.view = memory.asByteBuffer();
        }

        /** The native memory the decoder's scaler writes into. */
        public BytePointer memory() {
            return memory;
        }

        public void setTiming(long ptsUs, long durationUs, long epoch) {
            this.ptsUs = ptsUs;
            this.durationUs = durationUs;
            this.epoch = epoch;
        }

        /** The seek generation this frame was decoded in. */
        public long epoch() {
            return epoch;
        }

        @Override
        public int width() {
            return width;
        }

        @Override
        public int height() {
            return height;
        }

        @Override
        public int strideBytes() {
            return width * 4;
        }

        @Override
        public ByteBuffer pixels() {
            return view.asReadOnlyBuffer().position(0).limit(width * height * 4);
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
            if (!released) {
                released = true;
                pool.giveBack(this);
            }
        }
    }
}
