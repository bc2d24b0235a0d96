package org.netstreamfx.player.health;

import java.util.Locale;
import java.util.Map;
import org.netstreamfx.player.media.MediaPacket;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.media.TrackKind;

/**
 * InterleaveSkew: in arrival order, how far the audio's latest decode time and the video's are
 * apart; beyond the profile's limit a player must buffer that much to play both in sync.
 */
final class InterleaveCheck extends RuleGroup {
    private long lastVideoUs = Long.MIN_VALUE;
    private long lastAudioUs = Long.MIN_VALUE;
    private long maxSkewUs;

    InterleaveCheck(Profile profile, FindingBook book) {
        super(profile, book);
    }

    @Override
    public void packet(TrackFormat t, MediaPacket p, long arrivalUs) {
        if (t.kind() == TrackKind.VIDEO) {
            lastVideoUs = p.dtsUs();
        } else {
            lastAudioUs = p.dtsUs();
        }
        if (lastVideoUs == Long.MIN_VALUE || lastAudioUs == Long.MIN_VALUE) {
            return;
        }
        long skew = lastVideoUs - lastAudioUs;
        maxSkewUs = Math.max(maxSkewUs, Math.abs(skew));
        if (Math.abs(skew) > Math.round(profile.maxInterleaveSkewS() * 1e6)) {
            book.observe(new Finding(Rule.INTERLEAVE_SKEW, Severity.WARNING, false, p.dtsUs(), "maxInterleaveSkewS",
                    profile.maxInterleaveSkewS(), Math.abs(skew) / 1e6, String.format(Locale.ROOT,
                    "%s arrives %.2f s ahead of %s", skew > 0 ? "video" : "audio", Math.abs(skew) / 1e6,
                    skew > 0 ? "audio" : "video"), "interleave audio and video closely (muxer or encoder "
                    + "audio/video sync settings)", Map.of("skewS", skew / 1e6)));
        }
    }

    /** The largest skew seen, in seconds, for the report. */
    double maxSkewS() {
        return maxSkewUs / 1e6;
    }

    @Override
    public void restart() {
        lastVideoUs = Long.MIN_VALUE;
        lastAudioUs = Long.MIN_VALUE;
    }
}
