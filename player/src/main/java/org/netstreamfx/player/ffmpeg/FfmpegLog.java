package org.netstreamfx.player.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_VERBOSE;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_WARNING;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import java.util.Locale;

/**
 * FFmpeg's own log (a process-wide setting of libavutil). By default it is silent: what goes
 * wrong reaches the user as NetStatus events with a description, not as stderr chatter. Set
 * {@code NSFX_FFMPEG_LOG=error|warning|verbose} to see FFmpeg's messages while debugging.
 */
public final class FfmpegLog {
    private FfmpegLog() {
    }

    /** Applies the level once per process; later calls do nothing. */
    public static void configure() {
        Holder.touch();
    }

    private static final class Holder {
        static {
            String wanted = System.getenv("NSFX_FFMPEG_LOG");
            int level = AV_LOG_QUIET;
            if (wanted != null) {
                level = switch (wanted.toLowerCase(Locale.ROOT)) {
                    case "error" -> AV_LOG_ERROR;
                    case "warning" -> AV_LOG_WARNING;
                    case "verbose", "debug" -> AV_LOG_VERBOSE;
                    default -> AV_LOG_QUIET;
                };
            }
            av_log_set_level(level);
        }

        static void touch() {
            // Class initialisation above does the work, exactly once.
        }
    }
}
