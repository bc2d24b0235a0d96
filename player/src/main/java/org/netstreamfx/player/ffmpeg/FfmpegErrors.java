package org.netstreamfx.player.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.nio.charset.StandardCharsets;
import java.util.Map;
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

    /** FFmpeg's own error codes (libavutil/error.h), by name. */
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(fferrtag('B', 'S', 'F', 0xF8), "AVERROR_BSF_NOT_FOUND"),
            Map.entry(fferrtag('B', 'U', 'G', '!'), "AVERROR_BUG"),
            Map.entry(fferrtag('B', 'U', 'F', 'S'), "AVERROR_BUFFER_TOO_SMALL"),
            Map.entry(fferrtag(0xF8, 'D', 'E', 'C'), "AVERROR_DECODER_NOT_FOUND"),
            Map.entry(fferrtag(0xF8, 'D', 'E', 'M'), "AVERROR_DEMUXER_NOT_FOUND"),
            Map.entry(fferrtag(0xF8, 'E', 'N', 'C'), "AVERROR_ENCODER_NOT_FOUND"),
            Map.entry(fferrtag('E', 'O', 'F', ' '), "AVERROR_EOF"),
            Map.entry(fferrtag('E', 'X', 'I', 'T'), "AVERROR_EXIT"),
            Map.entry(fferrtag('E', 'X', 'T', ' '), "AVERROR_EXTERNAL"),
            Map.entry(fferrtag(0xF8, 'F', 'I', 'L'), "AVERROR_FILTER_NOT_FOUND"),
            Map.entry(fferrtag('I', 'N', 'D', 'A'), "AVERROR_INVALIDDATA"),
            Map.entry(fferrtag(0xF8, 'M', 'U', 'X'), "AVERROR_MUXER_NOT_FOUND"),
            Map.entry(fferrtag(0xF8, 'O', 'P', 'T'), "AVERROR_OPTION_NOT_FOUND"),
            Map.entry(fferrtag('P', 'A', 'W', 'E'), "AVERROR_PATCHWELCOME"),
            Map.entry(fferrtag(0xF8, 'P', 'R', 'O'), "AVERROR_PROTOCOL_NOT_FOUND"),
            Map.entry(fferrtag(0xF8, 'S', 'T', 'R'), "AVERROR_STREAM_NOT_FOUND"),
            Map.entry(fferrtag('B', 'U', 'G', ' '), "AVERROR_BUG2"),
            Map.entry(fferrtag('U', 'N', 'K', 'N'), "AVERROR_UNKNOWN"),
            Map.entry(fferrtag(0xF8, '4', '0', '0'), "AVERROR_HTTP_BAD_REQUEST"),
            Map.entry(fferrtag(0xF8, '4', '0', '1'), "AVERROR_HTTP_UNAUTHORIZED"),
            Map.entry(fferrtag(0xF8, '4', '0', '3'), "AVERROR_HTTP_FORBIDDEN"),
            Map.entry(fferrtag(0xF8, '4', '0', '4'), "AVERROR_HTTP_NOT_FOUND"),
            Map.entry(fferrtag(0xF8, '4', 'X', 'X'), "AVERROR_HTTP_OTHER_4XX"),
            Map.entry(fferrtag(0xF8, '5', 'X', 'X'), "AVERROR_HTTP_SERVER_ERROR"),
            Map.entry(-(int) 0x2bb2afa8, "AVERROR_EXPERIMENTAL"),
            Map.entry(-(int) 0x636e6701, "AVERROR_INPUT_CHANGED"),
            Map.entry(-(int) 0x636e6702, "AVERROR_OUTPUT_CHANGED"));

    /** The POSIX errno values FFmpeg returns as AVERROR(e) and that are the same on Linux, macOS and Windows. */
    private static final Map<Integer, String> ERRNO = Map.ofEntries(
            Map.entry(1, "EPERM"), Map.entry(2, "ENOENT"), Map.entry(4, "EINTR"), Map.entry(5, "EIO"),
            Map.entry(9, "EBADF"), Map.entry(12, "ENOMEM"), Map.entry(13, "EACCES"), Map.entry(17, "EEXIST"),
            Map.entry(21, "EISDIR"), Map.entry(22, "EINVAL"), Map.entry(28, "ENOSPC"), Map.entry(32, "EPIPE"),
            Map.entry(33, "EDOM"), Map.entry(34, "ERANGE"));

    private FfmpegErrors() {
    }

    /** FFERRTAG(a, b, c, d): the negated little-endian tag, as libavutil/error.h builds it. */
    private static int fferrtag(int a, int b, int c, int d) {
        return -(a | (b << 8) | (c << 16) | (d << 24));
    }

    /**
     * The code's name: "AVERROR_INVALIDDATA", "AVERROR(ENOMEM)", "AVERROR(EAGAIN)"; for a code
     * with no known name, null.
     */
    public static String name(int errorCode) {
        String tag = NAMES.get(errorCode);
        if (tag != null) {
            return tag;
        }
        if (errorCode == EAGAIN) {
            return "AVERROR(EAGAIN)";
        }
        String errno = errorCode < 0 ? ERRNO.get(-errorCode) : null;
        if (errno != null) {
            return "AVERROR(" + errno + ")";
        }
        return null;
    }

    /** FFmpeg's message for the code, as av_strerror gives it: "Invalid data found when processing input". */
    public static String message(int errorCode) {
        try (BytePointer buf = new BytePointer(MESSAGE_BYTES)) {
            buf.fill(0);
            av_strerror(errorCode, buf, MESSAGE_BYTES);
            byte[] bytes = new byte[MESSAGE_BYTES];
            buf.get(bytes);
            int end = 0;
            while (end < bytes.length && bytes[end] != 0) {
                end++;
            }
            return new String(bytes, 0, end, StandardCharsets.UTF_8);
        }
    }

    /** "Invalid data found when processing input (AVERROR_INVALIDDATA)": the message and the code's name, no raw number. */
    public static String describe(int errorCode) {
        String name = name(errorCode);
        String message = message(errorCode);
        // av_strerror already says "Error number -N occurred" for a code it has no words for.
        return name == null ? message : message + " (" + name + ")";
    }
}
