package org.netstreamfx.player.health;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.netstreamfx.player.media.MediaPacket;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.media.TrackKind;

/**
 * The bit rate of one track over 1 s and 10 s of its timeline (the peak of the 1 s figure for the
 * report): VideoBitrate or AudioBitrate when the 10 s mean is over the profile's limit (per
 * resolution and frame rate for video), BitrateSpike when 1 s is over the profile's factor times
 * the 10 s mean, DeclaredBitrate when the 10 s mean is over onMetaData's videodatarate or
 * audiodatarate by the profile's tolerance. Nothing is judged before 10 s have been seen.
 */
final class BitrateCheck extends RuleGroup {
    static final long SHORT_US = 1_000_000;
    static final long LONG_US = 10_000_000;

    private final TrackStats stats;
    private final StreamMetadata metadata;
    private final RateWindow shortWindow = new RateWindow(SHORT_US);
    private final RateWindow longWindow = new RateWindow(LONG_US);

    BitrateCheck(Profile profile, FindingBook book, TrackStats stats, StreamMetadata metadata) {
        super(profile, book);
        this.stats = stats;
        this.metadata = metadata;
    }

    @Override
    public void packet(TrackFormat t, MediaPacket p, long arrivalUs) {
        long now = p.dtsUs();
        shortWindow.add(now, p.data().length);
        longWindow.add(now, p.data().length);
        double oneSecond = shortWindow.kbps();
        double mean = longWindow.kbps();
        stats.bitrate(oneSecond, longWindow.full(now) ? mean : 0);
        if (!longWindow.full(now)) {
            return;
        }
        boolean video = t.kind() == TrackKind.VIDEO;
        double fps = stats.measuredRate() > 0 ? stats.measuredRate() : t.frameRate();
        double limit = video ? profile.videoLimitKbps(t.height(), fps) : profile.maxAudioKbps();
        String kind = video ? "video" : "audio";
        if (limit > 0 && mean > limit) {
            observe(video ? Rule.VIDEO_BITRATE : Rule.AUDIO_BITRATE, Severity.WARNING, p, t,
                    video ? "maxVideoKbps" : "maxAudioKbps", limit, mean, String.format(Locale.ROOT,
                    "%s bit rate %.0f kbit/s over 10 s (%s allows %.0f)", kind, mean, profile.name(), limit),
                    String.format(Locale.ROOT, "set your %s bit rate to %.0f kbit/s or less", kind, limit));
        }
        if (mean > 0 && oneSecond > profile.spikeFactor() * mean) {
            observe(Rule.BITRATE_SPIKE, Severity.WARNING, p, t, "spikeFactor", profile.spikeFactor(),
                    oneSecond / mean, String.format(Locale.ROOT, "%s bit rate spiked to %.0f kbit/s (10 s mean "
                    + "%.0f)", kind, oneSecond, mean), "use CBR, or cap the rate (x264: vbv-maxrate and vbv-bufsize)");
        }
        double declared = video ? metadata.declared().videoKbps() : metadata.declared().audioKbps();
        if (declared > 0 && mean > declared * profile.declaredTolerance()) {
            observe(Rule.DECLARED_BITRATE, Severity.INFO, p, t, "declaredTolerance", profile.declaredTolerance(),
                    mean / declared, String.format(Locale.ROOT, "%s bit rate %.0f kbit/s, onMetaData declares %.0f",
                    kind, mean, declared), "set the encoder's rate control to the bit rate it declares (CBR)");
        }
    }

    private void observe(Rule rule, Severity s, MediaPacket p, TrackFormat t, String threshold, double limit,
                         double measured, String message, String advice) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("track", t.index());
        book.observe(new Finding(rule, s, false, p.dtsUs(), threshold, limit, TrackStats.round(measured), message,
                advice, d));
    }

    @Override
    public void restart() {
        shortWindow.clear();
        longWindow.clear();
    }
}
