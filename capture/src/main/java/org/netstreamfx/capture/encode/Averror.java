package org.netstreamfx.capture.encode;

import java.util.Locale;
import org.netstreamfx.player.source.FfmpegErrors;

/** FFmpeg return codes the encoders tell apart. */
final class Averror {
    /**
     * AVERROR(EAGAIN): "send more input" / "take output first". EAGAIN is 35 on macOS and the
     * BSDs, 11 on Linux and Windows; the JavaCPP presets do not export the errno values.
     */
    static final int EAGAIN = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac") ? -35 : -11;

    private Averror() {
    }

    /** "Invalid argument (-22)". */
    static String describe(int rc) {
        return FfmpegErrors.describe(rc);
    }
}
