package org.netstreamfx.capture.device;

import java.nio.ByteBuffer;

/**
 * The machine-readable frame counter of the test camera: a row of black and white blocks in the
 * top-left corner of every picture, so a player at the far end of a publish can read which frame
 * it shows (and so the end-to-end delay) without OCR, through scaling and lossy compression.
 *
 * <pre>
 *  x = 0      c     2c    3c                     34c   35c   36c
 *      +------+-----+-----+-----+---   ---+-----+-----+-----+
 *      |  W   |  K  | b31 | b30 |   ...   | b0  |  P  |  K  |   height c, at y = 0
 *      +------+-----+-----+-----+---   ---+-----+-----+-----+
 *   c = cell size in pixels = max(2, width / 40)
 *   W = white (sync), K = black (sync)
 *   b31..b0 = the frame number modulo 2^32, most significant bit first, white = 1, black = 0
 *   P = parity: white when b31..b0 hold an odd number of ones
 * </pre>
 *
 * White is BGRA (255,255,255,255), black (0,0,0,255). A reader takes the mean luma of the middle
 * half of each cell (so blurred edges do not matter) and thresholds it at 128. The pattern needs
 * a picture at least {@value #CELLS} cells wide and one cell high, so at least 72x2 pixels.
 *
 * <p>The frame number is the frame's index on its clock's 1/fps grid: frame {@code n} was
 * captured at {@code round(n * 1e6 / fps)} µs of the {@link CaptureClock}. With an integer frame
 * rate the number crosses a multiple of {@code fps} exactly on a whole second of the clock, when
 * the {@link ToneMicrophone} beeps.
 */
public final class TestPattern {
    /** Cells in the code row: 2 sync, 32 data, 1 parity, 1 closing black. */
    public static final int CELLS = 36;
    /** The value returned when no valid code is found. */
    public static final long NO_CODE = -1;

    private static final int DATA_BITS = 32;

    private TestPattern() {
    }

    /** The cell size in pixels for a picture {@code width} wide. */
    public static int cellSize(int width) {
        return Math.max(2, width / 40);
    }

    /** True when a {@code width} x {@code height} picture is large enough for the code row. */
    public static boolean fits(int width, int height) {
        int cell = cellSize(width);
        return CELLS * cell <= width && cell <= height;
    }

    /** Draws the code for {@code frameNumber} (modulo 2^32) into BGRA pixels. */
    public static void stamp(ByteBuffer bgra, int width, int height, int strideBytes, long frameNumber) {
        if (!fits(width, height)) {
            throw new IllegalArgumentException("a " + width + "x" + height
                    + " picture is too small for the frame counter (at least 72x2)");
        }
        int cell = cellSize(width);
        boolean[] bits = code(frameNumber);
        for (int i = 0; i < CELLS; i++) {
            byte v = bits[i] ? (byte) 255 : 0;
            for (int y = 0; y < cell; y++) {
                int row = y * strideBytes;
                for (int x = i * cell; x < (i + 1) * cell; x++) {
                    int p = row + 4 * x;
                    bgra.put(p, v);
                    bgra.put(p + 1, v);
                    bgra.put(p + 2, v);
                    bgra.put(p + 3, (byte) 255);
                }
            }
        }
    }

    /** Reads the frame number from tightly packed BGRA pixels (stride {@code width * 4}). */
    public static long readFrameNumber(ByteBuffer bgra, int width, int height) {
        return readFrameNumber(bgra, width, height, width * 4);
    }

    /**
     * Reads the frame number from BGRA pixels.
     *
     * @return the number (0 .. 2^32-1), or {@link #NO_CODE} when the sync cells or the parity do
     *         not match (no test pattern, or a picture too damaged to trust)
     */
    public static long readFrameNumber(ByteBuffer bgra, int width, int height, int strideBytes) {
        if (!fits(width, height) || (long) strideBytes * (height - 1) + 4L * width > bgra.limit()) {
            return NO_CODE;
        }
        int cell = cellSize(width);
        boolean[] bits = new boolean[CELLS];
        for (int i = 0; i < CELLS; i++) {
            bits[i] = meanLuma(bgra, strideBytes, i * cell, cell) >= 128;
        }
        if (!bits[0] || bits[1] || bits[CELLS - 1]) {
            return NO_CODE;
        }
        long value = 0;
        int ones = 0;
        for (int i = 0; i < DATA_BITS; i++) {
            value = (value << 1) | (bits[2 + i] ? 1 : 0);
            ones += bits[2 + i] ? 1 : 0;
        }
        return bits[2 + DATA_BITS] == ((ones & 1) == 1) ? value : NO_CODE;
    }

    private static boolean[] code(long frameNumber) {
        boolean[] bits = new boolean[CELLS];
        bits[0] = true;
        long value = frameNumber & 0xFFFF_FFFFL;
        int ones = 0;
        for (int i = 0; i < DATA_BITS; i++) {
            boolean one = ((value >>> (DATA_BITS - 1 - i)) & 1) == 1;
            bits[2 + i] = one;
            ones += one ? 1 : 0;
        }
        bits[2 + DATA_BITS] = (ones & 1) == 1;
        return bits;
    }

    /** Mean luma (BT.601 weights) of the middle half of the cell starting at column {@code x0}. */
    private static int meanLuma(ByteBuffer bgra, int strideBytes, int x0, int cell) {
        int from = cell / 4;
        int to = Math.max(from + 1, cell - cell / 4);
        long sum = 0;
        int n = 0;
        for (int y = from; y < to; y++) {
            for (int x = x0 + from; x < x0 + to; x++) {
                int p = y * strideBytes + 4 * x;
                int b = bgra.get(p) & 0xFF;
                int g = bgra.get(p + 1) & 0xFF;
                int r = bgra.get(p + 2) & 0xFF;
                sum += (29 * b + 150 * g + 77 * r) >> 8;
                n++;
            }
        }
        return (int) (sum / n);
    }
}
