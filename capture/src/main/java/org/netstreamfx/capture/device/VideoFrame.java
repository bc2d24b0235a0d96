package org.netstreamfx.capture.device;

import java.nio.ByteBuffer;

/**
 * One captured picture, handed to {@link VideoFrameListener#onFrame} on the capture thread.
 *
 * <p>Pixels are BGRA: 4 bytes per pixel, B G R A in memory order, alpha 255, rows
 * {@code strideBytes} apart (at least {@code width * 4}), top row first: the layout of the
 * player's {@code org.netstreamfx.player.sink.VideoFrame}. The buffer belongs to the capture and
 * is valid only during the {@code onFrame} call: a listener that keeps the picture copies it.
 *
 * @param width         pixels
 * @param height        pixels
 * @param strideBytes   bytes from one row to the next
 * @param pixels        read-only, position 0, at least {@code height * strideBytes} bytes remaining
 *                      (the last row may be only {@code width * 4} long)
 * @param captureTimeUs when the picture was taken, on the capture's {@link CaptureClock}
 * @param frameNumber   for the test camera, the frame's index on the clock's 1/fps grid (the
 *                      number burned into the picture); for other cameras, 0, 1, 2, … from open
 */
public record VideoFrame(int width, int height, int strideBytes, ByteBuffer pixels, long captureTimeUs,
                         long frameNumber) {
}
