package org.netstreamfx.testkit.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * An Enhanced RTMP v2 multitrack FLV as FFmpeg 8 writes it: video track 0 is H.264 320x180 (a
 * legacy tag, for old players), track 1 VP9 160x90 (Multitrack OneTrack tags); audio track 0 is
 * AAC 44.1 kHz mono, track 1 Opus 48 kHz stereo. Both video tracks have a frame every 1/30 s and
 * a keyframe every {@link #GOP} frames, at the same times, as multitrack publishers make them.
 */
public final class MultitrackClip {
    public static final int FPS = 30;
    public static final int SECONDS = 6;
    public static final int GOP = 15;
    public static final String TRACK0_SIZE = "320x180";
    public static final String TRACK1_SIZE = "160x90";
    private static final Duration MAKE_TIMEOUT = Duration.ofSeconds(120);

    private MultitrackClip() {
    }

    /** Writes the clip, {@link #SECONDS} long, to {@code file} with the bundled FFmpeg 8 and returns it. */
    public static Path make(Path file) {
        return make(file, SECONDS);
    }

    /** Writes the clip, {@code length} seconds long, to {@code file} with the bundled FFmpeg 8 and returns it. */
    public static Path make(Path file, int length) {
        String seconds = Integer.toString(length);
        String gop = Integer.toString(GOP);
        Ffmpeg8.run(MAKE_TIMEOUT, List.of(
                "-f", "lavfi", "-i", "testsrc2=size=" + TRACK0_SIZE + ":rate=" + FPS + ":duration=" + seconds,
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100:duration=" + seconds,
                "-f", "lavfi", "-i", "sine=frequency=880:sample_rate=48000:duration=" + seconds,
                "-filter_complex", "[0:v]split[a][b];[b]scale=" + TRACK1_SIZE.replace('x', ':') + "[c]",
                "-map", "[a]", "-map", "[c]", "-map", "1:a", "-map", "2:a",
                "-c:v:0", "libopenh264", "-g:v:0", gop,
                "-c:v:1", "libvpx-vp9", "-g:v:1", gop, "-keyint_min:v:1", gop, "-deadline", "realtime", "-cpu-used", "8",
                "-c:a:0", "aac", "-c:a:1", "libopus", "-ac:a:1", "2",
                file.toString()));
        return file;
    }
}
