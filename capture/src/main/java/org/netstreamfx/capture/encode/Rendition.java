package org.netstreamfx.capture.encode;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One rendition of a multitrack camera, as {@code nsfx publish --tracks} and the publisher's
 * settings name it: {@code HEIGHTp[FPS]@KBPS}, e.g. {@code 720p30@2500} (720 lines, 30 fps, 2500
 * kbit/s) or {@code 360p@800} (the camera's frame rate). The width follows the camera's aspect
 * ratio ({@link #width}), so 1080p of a 16:9 camera is 1920x1080.
 *
 * @param height      picture height in pixels (even, as 4:2:0 needs)
 * @param frameRate   frames per second, or {@link #CAMERA_RATE} for the camera's own rate
 * @param bitrateKbps target bit rate in kbit/s
 */
public record Rendition(int height, int frameRate, int bitrateKbps) {
    /** A frame rate of 0: the rendition takes the camera's. */
    public static final int CAMERA_RATE = 0;
    /** How a rendition is written, for error messages. */
    public static final String SYNTAX = "HEIGHTp[FPS]@KBPS, e.g. 720p30@2500";
    private static final Pattern FORM = Pattern.compile("(\\d{1,4})p(\\d{1,3})?@(\\d{1,6})");

    public Rendition {
        if (height < H264Settings.MIN_SIZE || height > H264Settings.MAX_SIZE || (height & 1) != 0) {
            throw new IllegalArgumentException("a rendition's height is an even number of lines, "
                    + H264Settings.MIN_SIZE + ".." + H264Settings.MAX_SIZE + ", not " + height);
        }
        if (frameRate < CAMERA_RATE || frameRate > H264Settings.MAX_FRAME_RATE) {
            throw new IllegalArgumentException("a rendition's frame rate is 1.." + H264Settings.MAX_FRAME_RATE
                    + " fps, not " + frameRate);
        }
        if (bitrateKbps < 1 || bitrateKbps > H264Settings.MAX_BITRATE_KBPS) {
            throw new IllegalArgumentException("a rendition's bit rate is 1.." + H264Settings.MAX_BITRATE_KBPS
                    + " kbit/s, not " + bitrateKbps);
        }
    }

    /** Reads {@code 720p30@2500}; throws {@link IllegalArgumentException} naming the text and the form. */
    public static Rendition parse(String text) {
        Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text.trim() + "\" is not a rendition; write " + SYNTAX);
        }
        int fps = m.group(2) == null ? CAMERA_RATE : Integer.parseInt(m.group(2));
        if (m.group(2) != null && fps == 0) {
            throw new IllegalArgumentException("\"" + text.trim() + "\" has a frame rate of 0; leave it out for the camera's");
        }
        return new Rendition(Integer.parseInt(m.group(1)), fps, Integer.parseInt(m.group(3)));
    }

    /** The width at the camera's aspect ratio, rounded to an even number of pixels. */
    public int width(int cameraWidth, int cameraHeight) {
        long twice = Math.round((double) height * cameraWidth / cameraHeight / 2);
        return (int) Math.max(1, twice) * 2;
    }

    /** The frame rate this rendition runs at from a camera running at {@code cameraFps}: its own, at most the camera's. */
    public int frameRate(int cameraFps) {
        return frameRate == CAMERA_RATE ? cameraFps : Math.min(frameRate, cameraFps);
    }

    /** As written: {@code 720p30@2500}, or {@code 360p@800} at the camera's rate. */
    @Override
    public String toString() {
        return height + "p" + (frameRate == CAMERA_RATE ? "" : String.valueOf(frameRate)) + "@" + bitrateKbps;
    }
}
