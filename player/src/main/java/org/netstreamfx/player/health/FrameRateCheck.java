package org.netstreamfx.player.health;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.netstreamfx.player.media.MediaPacket;
import org.netstreamfx.player.media.TrackFormat;

/**
 * VariableFrameRate for one video track: the spacing of decode times over the last
 * {@link #WINDOW} frames against their median; a spacing off it by more than the profile's
 * tolerance (and more than FLV's millisecond rounding) is a frame rate that varies.
 */
final class FrameRateCheck extends RuleGroup {
    /** Frame spacings looked at. */
    static final int WINDOW = 64;
    /** Fewer spacings than this say nothing yet. */
    static final int MIN_SPACINGS = 16;
    /** Millisecond timestamps (FLV, RTMP) round each spacing by up to this. */
    static final long ROUNDING_US = 1_500;

    private final long[] spacings = new long[WINDOW];
    private int count;
    private int next;
    private long lastDtsUs = Long.MIN_VALUE;

    FrameRateCheck(Profile profile, FindingBook book) {
        super(profile, book);
    }

    @Override
    public void restart() {
        lastDtsUs = Long.MIN_VALUE;
    }

    @Override
    public void packet(TrackFormat track, MediaPacket p, long arrivalUs) {
        long dts = p.dtsUs();
        long last = lastDtsUs;
        lastDtsUs = dts;
        if (last == Long.MIN_VALUE || dts <= last || profile.vfrSeverity() == null) {
            return;
        }
        long spacing = dts - last;
        spacings[next] = spacing;
        next = (next + 1) % WINDOW;
        count = Math.min(WINDOW, count + 1);
        if (count < MIN_SPACINGS) {
            return;
        }
        long[] sorted = Arrays.copyOf(spacings, count);
        Arrays.sort(sorted);
        long median = sorted[count / 2];
        double off = Math.abs(spacing - median) / (double) median;
        if (off > profile.vfrTolerance() && Math.abs(spacing - median) > ROUNDING_US) {
            book.observe(new Finding(Rule.VARIABLE_FRAME_RATE, profile.vfrSeverity(), false, dts, "vfrTolerance",
                    profile.vfrTolerance(), off, String.format(Locale.ROOT,
                    "frame spacing %.1f ms where %.1f ms is usual (variable frame rate)", spacing / 1e3, median / 1e3),
                    "set a constant frame rate in your encoder (OBS: it is; ffmpeg: -fps_mode cfr)",
                    Map.of("track", track.index(), "usualFps", TrackStats.round(1e6 / median))));
        }
    }

}
