package org.netstreamfx.capture.device;

import java.util.Collection;
import java.util.Comparator;

/**
 * A picture size and frame rate a camera offers or is asked for.
 *
 * @param width  pixels, at least 1
 * @param height pixels, at least 1
 * @param fps    frames per second, greater than 0
 */
public record VideoFormat(int width, int height, double fps) {
    /** Largest width or height we ask any device for. */
    public static final int MAX_DIMENSION = 7680;
    /** Highest frame rate we ask any device for. */
    public static final double MAX_FPS = 240;

    public VideoFormat {
        if (width < 1 || height < 1 || width > MAX_DIMENSION || height > MAX_DIMENSION) {
            throw new IllegalArgumentException("video size " + width + "x" + height
                    + " is outside 1x1.." + MAX_DIMENSION + "x" + MAX_DIMENSION);
        }
        if (!(fps > 0) || fps > MAX_FPS) {
            throw new IllegalArgumentException("frame rate " + fps + " is outside (0, " + MAX_FPS + "]");
        }
    }

    /** Microseconds from the start of frame {@code index} to the start of frame 0, on a 1/fps grid. */
    public long frameTimeUs(long index) {
        return Math.round(index * 1_000_000.0 / fps);
    }

    /** The first frame index whose time is at or after {@code timeUs}. */
    public long firstFrameAtOrAfter(long timeUs) {
        long index = (long) Math.ceil(timeUs * fps / 1_000_000.0);
        while (index > 0 && frameTimeUs(index - 1) >= timeUs) {
            index--;
        }
        while (frameTimeUs(index) < timeUs) {
            index++;
        }
        return index;
    }

    @Override
    public String toString() {
        return width + "x" + height + "@" + (fps == Math.rint(fps) ? String.valueOf((long) fps) : String.valueOf(fps));
    }

    /**
     * The supported format closest to {@code wanted}: the nearest picture area (by ratio, so
     * 640x480 is as far from 320x240 as from 1280x960), then the same aspect ratio, then the
     * nearest frame rate. Returns {@code wanted} when {@code supported} is empty.
     */
    public static VideoFormat closest(Collection<VideoFormat> supported, VideoFormat wanted) {
        Comparator<VideoFormat> byDistance = Comparator
                .comparingDouble((VideoFormat f) -> Math.abs(Math.log((double) f.width * f.height
                        / ((double) wanted.width * wanted.height))))
                .thenComparingDouble(f -> Math.abs(Math.log((double) f.width / f.height
                        * wanted.height / wanted.width)))
                .thenComparingDouble(f -> Math.abs(Math.log(f.fps / wanted.fps)));
        return supported.stream().min(byDistance).orElse(wanted);
    }
}
