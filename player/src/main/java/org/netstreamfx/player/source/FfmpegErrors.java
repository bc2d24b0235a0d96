package org.netstreamfx.player.source;

import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.nio.charset.StandardCharsets;
import org.bytedeco.javacpp.BytePointer;

/** FFmpeg error codes as words. */
public final class FfmpegErrors {
    private static final int MESSAGE_BYTES = 256;

    /**
     * AVERROR(EAGAIN): "send more input" / "take output first". EAGAIN is 35 on macOS and the
     * BSDs, 11 on Linux and Windows; the JavaCPP presets do not export the errno values.
     */
    public static final int EAGAIN =
            System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("mac") ? -35 : -11;

    private FfmpegErrors() {
    }

    /** "Invalid data found when processing input (-1094995529)". */
    public static String describe(int errorCode) {
        try (BytePointer buf = new BytePointer(MESSAGE_BYTES)) {
            buf.fill(0);
            av_strerror(errorCode, buf, MESSAGE_BYTES);
            byte[] bytes = new byte[MESSAGE_BYTES];
            buf.get(bytes);
            int end = 0;
            while (end < bytes.length && bytes[end] != 0) {
                end++;
            }
            return new String(bytes, 0, end, StandardCharsets.UTF_8) + " (" + errorCode + ")";
        }
    }
}
