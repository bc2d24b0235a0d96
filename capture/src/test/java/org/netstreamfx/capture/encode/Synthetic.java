package org.netstreamfx.capture.encode;

import java.nio.ByteBuffer;

/** Test media: a moving BGRA pattern and a sine tone, made in memory. */
final class Synthetic {
    private Synthetic() {
    }

    /** A gradient with a white 32x32 square that moves 6 pixels right and 3 down per frame. */
    static ByteBuffer pattern(int width, int height, int frame) {
        ByteBuffer b = ByteBuffer.allocate(width * height * 4);
        int sx = (frame * 6) % (width - 32);
        int sy = (frame * 3) % (height - 32);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean square = x >= sx && x < sx + 32 && y >= sy && y < sy + 32;
                b.put((byte) (square ? 255 : (x + frame) & 0xFF));      // B
                b.put((byte) (square ? 255 : (y * 2) & 0xFF));          // G
                b.put((byte) (square ? 255 : (x + y + frame * 4) & 0xFF)); // R
                b.put((byte) 255);                                       // A
            }
        }
        return b.flip();
    }

    /** {@code frames} interleaved samples of a sine at {@code hz}, starting at sample {@code start}. */
    static short[] tone(int sampleRate, int channels, double hz, long start, int frames) {
        short[] pcm = new short[frames * channels];
        for (int i = 0; i < frames; i++) {
            short v = (short) Math.round(Math.sin(2 * Math.PI * hz * (start + i) / sampleRate) * 0.3 * 32767);
            for (int c = 0; c < channels; c++) {
                pcm[i * channels + c] = v;
            }
        }
        return pcm;
    }
}
