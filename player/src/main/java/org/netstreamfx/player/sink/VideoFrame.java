package org.netstreamfx.player.sink;

import java.nio.ByteBuffer;

/**
 * A decoded picture in BGRA (8 bits per channel, B G R A in memory order, premultiplied alpha of
 * 255), from a pool of reused native buffers. The pixels are valid only until {@link #release()}:
 * a sink copies what it keeps.
 */
public interface VideoFrame extends TimedFrame {
    int width();

    int height();

    /** Bytes from one row to the next (at least width * 4). */
    int strideBytes();

    /** The pixels, read-only, position 0, limit height * strideBytes. */
    ByteBuffer pixels();
}
