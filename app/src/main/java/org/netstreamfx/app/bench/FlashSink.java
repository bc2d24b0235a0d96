package org.netstreamfx.app.bench;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.netstreamfx.player.sink.VideoFrame;
import org.netstreamfx.player.sink.VideoSink;

/**
 * A video sink that notes when a flash (a frame whose mean luma is over half scale, after one
 * that is not) reaches it: the frame's time and {@link System#nanoTime()} on arrival.
 *
 * <p>Thread ownership: {@link #render} runs on the stream's playback thread; {@link #flashes()}
 * may be called on any thread.
 */
public final class FlashSink implements VideoSink {
    /** Mean luma (0–255) above which a frame counts as white. */
    static final int WHITE_LUMA = 128;
    /** Every how many pixels, along a row and down the rows, luma is sampled. */
    private static final int STEP_PIXELS = 8;

    /** One flash: the frame's presentation time and when it reached the sink. */
    public record Flash(long ptsUs, long arrivalNanos) {}

    private final List<Flash> flashes = new ArrayList<>();
    private boolean white;
    private long frames;

    // Called on the playback thread.
    @Override
    public void render(VideoFrame frame) {
        long now = System.nanoTime();
        boolean isWhite = meanLuma(frame) > WHITE_LUMA;
        synchronized (flashes) {
            frames++;
            if (isWhite && !white) {
                flashes.add(new Flash(frame.ptsUs(), now));
            }
        }
        white = isWhite;
    }

    static int meanLuma(VideoFrame frame) {
        ByteBuffer px = frame.pixels();
        long sum = 0;
        long n = 0;
        for (int y = 0; y < frame.height(); y += STEP_PIXELS) {
            int row = y * frame.strideBytes();
            for (int x = 0; x < frame.width(); x += STEP_PIXELS) {
                int i = row + 4 * x;
                int b = px.get(i) & 0xFF;
                int g = px.get(i + 1) & 0xFF;
                int r = px.get(i + 2) & 0xFF;
                sum += (77 * r + 150 * g + 29 * b) >> 8; // BT.601 luma
                n++;
            }
        }
        return n == 0 ? 0 : (int) (sum / n);
    }

    /** The flashes so far, in order. */
    public List<Flash> flashes() {
        synchronized (flashes) {
            return List.copyOf(flashes);
        }
    }

    /** Frames rendered so far. */
    public long frames() {
        synchronized (flashes) {
            return frames;
        }
    }
}
