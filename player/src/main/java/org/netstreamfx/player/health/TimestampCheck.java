package org.netstreamfx.player.health;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.netstreamfx.player.media.MediaPacket;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.media.TrackKind;

/**
 * The timestamps of each track against the one before: DtsBackwards (an error: decoders and
 * muxers refuse it), TimestampJump (a step forward beyond the profile's named limit) and
 * CompositionOffset (pts before dts, or further after it than the reorder window).
 */
final class TimestampCheck extends RuleGroup {
    private final Map<Integer, Long> lastDts = new HashMap<>();

    TimestampCheck(Profile profile, FindingBook book) {
        super(profile, book);
    }

    @Override
    public void packet(TrackFormat t, MediaPacket p, long arrivalUs) {
        Long last = lastDts.put(t.index(), p.dtsUs());
        String kind = t.kind() == TrackKind.VIDEO ? "video" : "audio";
        if (last != null) {
            long step = p.dtsUs() - last;
            if (step < 0) {
                observe(Rule.DTS_BACKWARDS, Severity.ERROR, p, t, "dtsStepMinS", 0, step / 1e6,
                        String.format(Locale.ROOT, "%s DTS went back %.3f s (%.3f s to %.3f s)", kind,
                                -step / 1e6, last / 1e6, p.dtsUs() / 1e6),
                        "check the encoder or server: timestamps must never go backwards", last);
            } else if (step > Math.round(profile.maxTimestampJumpS() * 1e6)) {
                observe(Rule.TIMESTAMP_JUMP, Severity.WARNING, p, t, "maxTimestampJumpS",
                        profile.maxTimestampJumpS(), step / 1e6, String.format(Locale.ROOT,
                        "%s timestamps jumped %.3f s (%.3f s to %.3f s)", kind, step / 1e6, last / 1e6,
                        p.dtsUs() / 1e6), "check for an encoder restart or dropped media upstream", last);
            }
        }
        long offset = p.ptsUs() - p.dtsUs();
        if (offset < 0 || offset > Math.round(profile.maxCompositionOffsetS() * 1e6)) {
            observe(Rule.COMPOSITION_OFFSET, Severity.WARNING, p, t, "maxCompositionOffsetS",
                    profile.maxCompositionOffsetS(), offset / 1e6, String.format(Locale.ROOT,
                    "%s composition offset %.3f s (pts - dts)", kind, offset / 1e6),
                    offset < 0 ? "a frame shown before it is decoded: fix the muxer's timestamps"
                            : "lower the encoder's B-frame count or lookahead", null);
        }
    }

    private void observe(Rule rule, Severity s, MediaPacket p, TrackFormat t, String threshold, double limit,
                         double measured, String message, String advice, Long lastUs) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("track", t.index());
        if (lastUs != null) {
            d.put("fromS", lastUs / 1e6);
            d.put("toS", p.dtsUs() / 1e6);
        }
        book.observe(new Finding(rule, s, false, p.dtsUs(), threshold, limit, measured, message, advice, d));
    }

    @Override
    public void restart() {
        lastDts.clear();
    }
}
