package org.netstreamfx.e2e.screen;

import java.nio.ByteBuffer;

/**
 * Where the painter's white square is in one decoded picture: the bounding box of the pixels whose
 * green channel is above {@value #WHITE_LEVEL} (the rest of the screen is black; H.264 blurs only
 * the edges), or null when there are fewer than {@value #MIN_PIXELS} of them.
 */
record SquareSighting(long ptsUs, int frameWidth, int frameHeight, int left, int top, int right, int bottom) {
    static final int WHITE_LEVEL = 160;
    static final int MIN_PIXELS = 16;

    static SquareSighting find(long ptsUs, int width, int height, int strideBytes, ByteBuffer bgra) {
        int left = Integer.MAX_VALUE;
        int top = Integer.MAX_VALUE;
        int right = -1;
        int bottom = -1;
        int count = 0;
        for (int y = 0; y < height; y++) {
            int row = y * strideBytes;
            for (int x = 0; x < width; x++) {
                if ((bgra.get(row + x * 4 + 1) & 0xFF) > WHITE_LEVEL) {
                    count++;
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        return count < MIN_PIXELS ? null : new SquareSighting(ptsUs, width, height, left, top, right, bottom);
    }

    int widthPx() {
        return right - left + 1;
    }

    int heightPx() {
        return bottom - top + 1;
    }

    double centreX() {
        return (left + right) / 2.0;
    }

    double centreY() {
        return (top + bottom) / 2.0;
    }
}
