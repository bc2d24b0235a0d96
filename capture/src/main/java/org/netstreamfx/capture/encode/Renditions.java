package org.netstreamfx.capture.encode;

import java.util.ArrayList;
import java.util.List;

/**
 * The renditions of one multitrack camera, in trackId order: the first is track 0, the default
 * track a legacy player sees; the others go as Enhanced RTMP v2 Multitrack tracks 1, 2, …. At
 * most {@link #MAX_TRACKS} (each is a whole encoder on the capture thread). A rendition is never
 * larger than the camera: scaling up adds bits and no detail, so it is refused, naming both sizes.
 */
public record Renditions(List<Rendition> tracks) {
    /** The most renditions one camera feeds. */
    public static final int MAX_TRACKS = 4;

    public Renditions {
        tracks = List.copyOf(tracks);
        if (tracks.isEmpty()) {
            throw new IllegalArgumentException("no rendition given; write one or more of " + Rendition.SYNTAX
                    + ", separated by commas");
        }
        if (tracks.size() > MAX_TRACKS) {
            throw new IllegalArgumentException(tracks.size() + " renditions is too many: at most " + MAX_TRACKS
                    + " (each one is an encoder of its own)");
        }
    }

    /** Reads {@code 720p30@2500,360p30@800}; throws {@link IllegalArgumentException} naming what is wrong. */
    public static Renditions parse(String text) {
        List<Rendition> l = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            l.add(Rendition.parse(part));
        }
        return new Renditions(l);
    }

    /** The highest frame rate a rendition asks for, or {@code cameraFps} when one takes the camera's. */
    public int cameraFrameRate(int cameraFps) {
        int max = 0;
        for (Rendition r : tracks) {
            max = Math.max(max, r.frameRate() == Rendition.CAMERA_RATE ? cameraFps : r.frameRate());
        }
        return max;
    }

    /**
     * Each rendition's encoder settings for a camera of {@code width} x {@code height} at {@code
     * fps}: its size at the camera's aspect, its rate (at most the camera's), its bit rate, and the
     * keyframe interval, profile and B-frames of {@code base}.
     *
     * @throws IllegalArgumentException when a rendition is larger than the camera
     */
    public List<H264Settings> settings(int width, int height, int fps, H264Settings base) {
        List<H264Settings> l = new ArrayList<>(tracks.size());
        for (Rendition r : tracks) {
            if (r.height() > height) {
                throw new IllegalArgumentException("rendition " + r + " (" + r.width(width, height) + "x" + r.height()
                        + ") is larger than the camera's " + width + "x" + height + ": renditions scale down only");
            }
            l.add(new H264Settings(Math.min(width, r.width(width, height)), r.height(), r.frameRate(fps),
                    r.bitrateKbps(), base.keyframeIntervalS(), base.profile(), base.bFrames(), base.encoderName()));
        }
        return l;
    }

    /** As written: {@code 720p30@2500,360p30@800}. */
    @Override
    public String toString() {
        return String.join(",", tracks.stream().map(Rendition::toString).toList());
    }
}
