package org.netstreamfx.player.health;

import java.util.Locale;
import java.util.Map;
import org.netstreamfx.player.media.Codec;
import org.netstreamfx.player.media.MediaPacket;
import org.netstreamfx.player.media.TrackFormat;

/**
 * AudioGap for one audio track: where a packet starts against where the one before ended (its
 * duration, or the codec's frame length at the track's rate when the container gives none); a
 * hole or an overlap larger than the profile's limit is a gap heard.
 */
final class AudioGapCheck extends RuleGroup {
    /** Samples in an AAC frame. */
    static final int AAC_FRAME = 1024;
    /** Samples in an MP3 frame (MPEG-1 layer III). */
    static final int MP3_FRAME = 1152;

    private final TrackStats stats;
    private long expectedUs = Long.MIN_VALUE;

    AudioGapCheck(Profile profile, FindingBook book, TrackStats stats) {
        super(profile, book);
        this.stats = stats;
    }

    @Override
    public void packet(TrackFormat t, MediaPacket p, long arrivalUs) {
        long duration = duration(t, p);
        long expected = expectedUs;
        expectedUs = duration > 0 ? p.ptsUs() + duration : Long.MIN_VALUE;
        if (expected == Long.MIN_VALUE) {
            return;
        }
        long offUs = p.ptsUs() - expected;
        double offMs = offUs / 1e3;
        if (Math.abs(offMs) > profile.maxAudioGapMs()) {
            stats.audioGap();
            book.observe(new Finding(Rule.AUDIO_GAP, Severity.WARNING, false, p.dtsUs(), "maxAudioGapMs",
                    profile.maxAudioGapMs(), Math.abs(offMs), String.format(Locale.ROOT, "audio %s of %.0f ms",
                    offUs > 0 ? "gap" : "overlap", Math.abs(offMs)),
                    "check the audio source and the encoder's audio clock (resampling, dropped audio)",
                    Map.of("track", t.index(), "atS", p.ptsUs() / 1e6)));
        }
    }

    private static long duration(TrackFormat t, MediaPacket p) {
        if (p.durationUs() > 0) {
            return p.durationUs();
        }
        int samples = t.codec() == Codec.AAC ? AAC_FRAME : t.codec() == Codec.MP3 ? MP3_FRAME : 0;
        int rate = t.sampleRateHz();
        if (t.codec() == Codec.AAC && t.profile().startsWith("HE-AAC")) {
            samples *= 2; // SBR: the output rate is twice the core's
        }
        return samples == 0 || rate <= 0 ? 0 : Math.round(samples * 1e6 / rate);
    }

    @Override
    public void restart() {
        expectedUs = Long.MIN_VALUE;
    }
}
