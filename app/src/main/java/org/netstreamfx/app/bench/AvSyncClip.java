package org.netstreamfx.app.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The A/V sync clip, made with the ffmpeg CLI from lavfi: black 320x240 video at {@value #FPS}
 * fps with one white frame on every whole second, and stereo silence at {@value #SAMPLE_RATE_HZ}
 * Hz with a {@value #BEEP_MS} ms {@value #BEEP_HZ} Hz beep at half scale starting on every whole
 * second; H.264 (libx264 veryfast, B-frames, keyframe every second) and AAC-LC in MP4
 * (faststart). Decoded by ffmpeg itself, the beeps start at the whole seconds to within a
 * millisecond (the AAC encoder's priming is undone by the edit list).
 */
public final class AvSyncClip {
    public static final int FPS = 30;
    public static final int SAMPLE_RATE_HZ = 48_000;
    public static final int BEEP_MS = 40;
    public static final int BEEP_HZ = 1000;

    private AvSyncClip() {
    }

    /**
     * Writes the clip to {@code out}.
     *
     * @param ffmpeg        the ffmpeg executable
     * @param seconds       whole seconds of media
     * @param audioLateMs   how much later than the flashes the beeps start (0 for a clip in sync;
     *                      a clip with the beeps late is what a sync bug would look like)
     */
    public static Path make(String ffmpeg, Path out, int seconds, int audioLateMs)
            throws IOException, InterruptedException {
        String beep = String.format(Locale.ROOT, "if(lt(mod(t-%.3f\\,1)\\,%.3f)*gte(t\\,%.3f)\\,0.5*sin(2*PI*%d*t)\\,0)",
                audioLateMs / 1000.0, BEEP_MS / 1000.0, audioLateMs / 1000.0, BEEP_HZ);
        String video = "color=c=black:s=320x240:r=" + FPS + ":d=" + seconds + ",format=yuv420p,"
                + "drawbox=x=0:y=0:w=iw:h=ih:color=white:t=fill:enable='eq(mod(n\\," + FPS + ")\\,0)'";
        String audio = "aevalsrc='" + beep + "|" + beep + "':s=" + SAMPLE_RATE_HZ + ":d=" + seconds;
        List<String> cmd = List.of(ffmpeg, "-v", "error", "-y", "-f", "lavfi", "-i", video, "-f", "lavfi", "-i", audio,
                "-c:v", "libx264", "-preset", "veryfast", "-g", String.valueOf(FPS), "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-b:a", "128k", "-movflags", "+faststart", out.toString());
        Procs.run(cmd, 120, out.getParent());
        return out;
    }
}
