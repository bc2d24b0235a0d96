package org.netstreamfx.player.source;

import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import org.bytedeco.javacpp.BytePointer;

/** FFmpeg error codes as words. */
public final class FfmpegErrors {
    private FfmpegErrors() {
    }

    /** "Invalid data found when processing input (-1094995529)". */
    public static String describe(int errorCode) {
        try (BytePointer buf = new BytePointer(256)) {
            av_strerror(errorCode, buf, 256);
            return buf.getString() + " (" + errorCode + ")";
        }
    }
}
