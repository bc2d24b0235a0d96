package org.netstreamfx.capture.encode;

import java.util.Objects;

/**
 * What the H.264 encoder is asked to make. Checked when built: a bad value throws
 * {@link IllegalArgumentException} naming the setting, the value and the rule.
 *
 * @param width              picture width in pixels: even, 16..4096 (4:2:0 halves the chroma planes)
 * @param height             picture height in pixels: even, 16..4096
 * @param frameRate          nominal frames per second, 1..120 (rate control and the keyframe interval use it)
 * @param bitrateKbps        target bit rate in kbit/s, 1..100000
 * @param keyframeIntervalS  seconds between IDR pictures, 0.1..60 (rounded to whole frames)
 * @param profile            the profile asked for (see {@link H264Profile} for what each encoder can make)
 * @param bFrames            B-frames between references, 0..4; 0 (the default) for low latency
 * @param encoderName        "libx264" or "libopenh264" to force one, or "" to take libx264 when the
 *                           FFmpeg natives have it and libopenh264 otherwise
 */
public record H264Settings(int width, int height, int frameRate, int bitrateKbps, double keyframeIntervalS,
                           H264Profile profile, int bFrames, String encoderName) {
    public static final int MIN_SIZE = 16;
    public static final int MAX_SIZE = 4096;
    public static final int MAX_FRAME_RATE = 120;
    public static final int MAX_BITRATE_KBPS = 100_000;
    public static final double MIN_KEYFRAME_INTERVAL_S = 0.1;
    public static final double MAX_KEYFRAME_INTERVAL_S = 60;
    public static final int MAX_B_FRAMES = 4;
    /** Let the natives decide: libx264 when present, libopenh264 otherwise. */
    public static final String AUTO = "";

    public H264Settings {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(encoderName, "encoderName");
        dimension("width", width);
        dimension("height", height);
        if (frameRate < 1 || frameRate > MAX_FRAME_RATE) {
            throw new IllegalArgumentException("frame rate is " + frameRate + " fps; it must be 1.." + MAX_FRAME_RATE);
        }
        if (bitrateKbps < 1 || bitrateKbps > MAX_BITRATE_KBPS) {
            throw new IllegalArgumentException("video bit rate is " + bitrateKbps + " kbit/s; it must be 1.."
                    + MAX_BITRATE_KBPS);
        }
        if (!(keyframeIntervalS >= MIN_KEYFRAME_INTERVAL_S && keyframeIntervalS <= MAX_KEYFRAME_INTERVAL_S)) {
            throw new IllegalArgumentException("keyframe interval is " + keyframeIntervalS + " s; it must be "
                    + MIN_KEYFRAME_INTERVAL_S + ".." + MAX_KEYFRAME_INTERVAL_S + " s");
        }
        if (bFrames < 0 || bFrames > MAX_B_FRAMES) {
            throw new IllegalArgumentException("B-frames is " + bFrames + "; it must be 0.." + MAX_B_FRAMES);
        }
        if (bFrames > 0 && profile == H264Profile.BASELINE) {
            throw new IllegalArgumentException("the Baseline profile has no B-frames; ask for Main or High to use "
                    + bFrames);
        }
        if (!encoderName.equals(AUTO) && !H264Encoder.KNOWN_ENCODERS.contains(encoderName)) {
            throw new IllegalArgumentException("unknown H.264 encoder \"" + encoderName + "\"; use one of "
                    + H264Encoder.KNOWN_ENCODERS + " or \"\" to choose automatically");
        }
    }

    /** Low-latency defaults: Baseline, no B-frames, 2 s keyframe interval, automatic encoder. */
    public static H264Settings of(int width, int height, int frameRate, int bitrateKbps) {
        return new H264Settings(width, height, frameRate, bitrateKbps, 2.0, H264Profile.BASELINE, 0, AUTO);
    }

    public H264Settings withKeyframeInterval(double seconds) {
        return new H264Settings(width, height, frameRate, bitrateKbps, seconds, profile, bFrames, encoderName);
    }

    public H264Settings withProfile(H264Profile p) {
        return new H264Settings(width, height, frameRate, bitrateKbps, keyframeIntervalS, p, bFrames, encoderName);
    }

    public H264Settings withBFrames(int n) {
        return new H264Settings(width, height, frameRate, bitrateKbps, keyframeIntervalS, profile, n, encoderName);
    }

    public H264Settings withEncoder(String name) {
        return new H264Settings(width, height, frameRate, bitrateKbps, keyframeIntervalS, profile, bFrames, name);
    }

    /** Frames between IDR pictures: the interval in seconds at the nominal rate, at least 1. */
    public int keyframeIntervalFrames() {
        return Math.max(1, (int) Math.round(keyframeIntervalS * frameRate));
    }

    /** Bytes of one tightly packed BGRA picture. */
    public int bgraBytes() {
        return width * height * 4;
    }

    /** Bytes of one tightly packed YUV 4:2:0 planar picture (Y, then U, then V). */
    public int yuv420pBytes() {
        return width * height + 2 * (width / 2) * (height / 2);
    }

    private static void dimension(String name, int v) {
        if (v < MIN_SIZE || v > MAX_SIZE) {
            throw new IllegalArgumentException(name + " is " + v + " pixels; it must be " + MIN_SIZE + ".." + MAX_SIZE);
        }
        if ((v & 1) != 0) {
            throw new IllegalArgumentException(name + " is " + v + " pixels; H.264 4:2:0 needs an even " + name);
        }
    }
}
