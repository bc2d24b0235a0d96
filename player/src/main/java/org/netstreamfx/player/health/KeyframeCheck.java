package org.netstreamfx.player.health;

import java.util.ArrayDeque;
import java.util.Map;
import org.netstreamfx.player.media.MediaPacket;
import org.netstreamfx.player.media.TrackFormat;

/**
 * KeyframeInterval and KeyframeIrregular for one video track: the interval between keyframes
 * (min, mean, max for the report), raised as soon as the current one runs past the profile's
 * limit (observed at each packet past it, so a stream with long GOPs stays raised), and the
 * longest over the shortest of the last {@link #RECENT} intervals.
 */
final class KeyframeCheck extends RuleGroup {
    /** How many recent intervals the irregularity looks at. */
    static final int RECENT = 8;
    /** Fewer intervals than this say nothing of regularity. */
    static final int MIN_FOR_IRREGULAR = 3;

    private final TrackStats stats;
    private final ArrayDeque<Long> recent = new ArrayDeque<>();
    private long lastKeyUs = Long.MIN_VALUE;

    KeyframeCheck(Profile profile, FindingBook book, TrackStats stats) {
        super(profile, book);
        this.stats = stats;
    }

    @Override
    public void restart() {
        lastKeyUs = Long.MIN_VALUE;
        recent.clear();
    }

    @Override
    public void packet(TrackFormat track, MediaPacket p, long arrivalUs) {
        long dts = p.dtsUs();
        if (lastKeyUs != Long.MIN_VALUE && dts >= lastKeyUs) {
            long runningUs = dts - lastKeyUs;
            if (runningUs > Math.round(profile.maxKeyframeIntervalS() * 1e6)) {
                double s = runningUs / 1e6;
                book.observe(new Finding(Rule.KEYFRAME_INTERVAL, profile.keyframeSeverity(), false, dts,
                        "maxKeyframeIntervalS", profile.maxKeyframeIntervalS(), s,
                        String.format(java.util.Locale.ROOT, "keyframe interval %.1f s", s),
                        "set your encoder's keyframe interval to " + fmt(profile.keyframeAdviceS()) + " s",
                        Map.of("track", track.index())));
            }
        }
        if (!p.keyframe()) {
            return;
        }
        if (lastKeyUs != Long.MIN_VALUE && dts > lastKeyUs) {
            interval(track, dts, dts - lastKeyUs);
        }
        lastKeyUs = dts;
    }

    private void interval(TrackFormat track, long dts, long us) {
        stats.keyframeInterval(dts, us);
        if (recent.size() == RECENT) {
            recent.removeFirst();
        }
        recent.addLast(us);
        if (recent.size() < MIN_FOR_IRREGULAR) {
            return;
        }
        long min = recent.stream().mapToLong(Long::longValue).min().orElse(1);
        long max = recent.stream().mapToLong(Long::longValue).max().orElse(1);
        double ratio = (double) max / Math.max(1, min);
        if (ratio > profile.keyframeIrregularRatio()) {
            book.observe(new Finding(Rule.KEYFRAME_IRREGULAR, Severity.INFO, false, dts, "keyframeIrregularRatio",
                    profile.keyframeIrregularRatio(), ratio, String.format(java.util.Locale.ROOT,
                    "keyframe intervals from %.2f s to %.2f s", min / 1e6, max / 1e6),
                    "set a fixed keyframe interval (turn off scene-cut keyframes)", Map.of("track", track.index())));
        }
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
