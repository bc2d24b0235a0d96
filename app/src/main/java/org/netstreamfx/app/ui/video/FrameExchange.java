package org.netstreamfx.app.ui.video;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;

/**
 * Hands decoded pictures from the playback thread to the FX thread without allocating per frame
 * and without either thread waiting on the other's copy.
 *
 * <p>Three pixel buffers rotate: the playback thread copies a frame into {@code writing}, then
 * swaps it with {@code ready}; the FX thread swaps {@code ready} with {@code reading} and copies
 * {@code reading} into the image it shows. Only the swaps are under the lock. A frame that is
 * replaced in {@code ready} before the FX thread took it was never shown: it is counted as
 * superseded. Buffers are reallocated only when the picture size changes.
 *
 * <p>Pixels are 32-bit ints in the platform's byte order, which for BGRA bytes on a little-endian
 * machine is exactly {@code IntArgbPre} (alpha is always 255 in the engine's frames).
 */
final class FrameExchange {
    /** One picture: its pixels, size and sequence number (0 = nothing yet). */
    static final class Slot {
        IntBuffer pixels = IntBuffer.allocate(0);
        int width;
        int height;
        long sequence;

        void ensure(int w, int h) {
            if (w != width || h != height || pixels.capacity() < w * h) {
                pixels = ByteBuffer.allocateDirect(Math.multiplyExact(Math.multiplyExact(w, h), 4))
                        .order(ByteOrder.nativeOrder()).asIntBuffer();
                width = w;
                height = h;
            }
        }
    }

    private final Object lock = new Object();
    private Slot writing = new Slot();
    private Slot ready = new Slot();
    private Slot reading = new Slot();
    private boolean readyIsNew;
    private long sequence;
    private long superseded;
    private boolean cleared;

    // Called on the playback thread.

    /** Copies one BGRA picture ({@code strideBytes} per row) into the back buffer and publishes it. */
    void put(ByteBuffer bgra, int width, int height, int strideBytes) {
        Slot w;
        synchronized (lock) {
            w = writing;
        }
        w.ensure(width, height);
        IntBuffer dst = w.pixels;
        dst.clear();
        ByteBuffer src = bgra.duplicate().order(ByteOrder.nativeOrder());
        if (strideBytes % 4 == 0) {
            // One int view of the whole picture; rows are copied from it without further views.
            IntBuffer ints = src.position(0).limit(height * strideBytes).slice().order(ByteOrder.nativeOrder())
                    .asIntBuffer();
            int strideInts = strideBytes / 4;
            for (int y = 0; y < height; y++) {
                ints.limit(y * strideInts + width).position(y * strideInts);
                dst.put(ints);
                ints.limit(ints.capacity());
            }
        } else {
            for (int y = 0; y < height; y++) {
                int row = y * strideBytes;
                for (int x = 0; x < width; x++) {
                    dst.put(src.getInt(row + x * 4));
                }
            }
        }
        dst.flip();
        synchronized (lock) {
            w.sequence = ++sequence;
            writing = ready;
            ready = w;
            cleared = false;
            if (readyIsNew) {
                superseded++;
            }
            readyIsNew = true;
        }
    }

    // Called on any thread (NetStream.close() calls the sink's clear()).

    /** Nothing to show from now on: a picture not yet taken is dropped. */
    void clear() {
        synchronized (lock) {
            readyIsNew = false;
            cleared = true;
        }
    }

    // Called on the FX thread.

    /** Whether the picture was cleared since the last {@link #take()}; resets the flag. */
    boolean takeCleared() {
        synchronized (lock) {
            boolean c = cleared;
            cleared = false;
            return c;
        }
    }

    /** The newest picture not yet taken, or null. Valid until the next call. */
    Slot take() {
        synchronized (lock) {
            if (!readyIsNew) {
                return null;
            }
            Slot r = ready;
            ready = reading;
            reading = r;
            readyIsNew = false;
            return r;
        }
    }

    /** Pictures that were replaced by a newer one before the FX thread could show them. */
    long superseded() {
        synchronized (lock) {
            return superseded;
        }
    }
}
