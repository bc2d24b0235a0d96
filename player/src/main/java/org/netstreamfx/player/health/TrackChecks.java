package org.netstreamfx.player.health;

import java.util.ArrayList;
import java.util.List;
import org.netstreamfx.player.media.MediaPacket;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.media.TrackKind;

/** One track's format, figures and the rule groups that watch it alone. */
final class TrackChecks {
    private TrackFormat format;
    private final TrackStats stats;
    private final FormatCheck formatCheck;
    private final List<PacketCheck> checks = new ArrayList<>();
    private final StreamMetadata metadata;

    TrackChecks(TrackFormat format, Profile profile, FindingBook book, StreamMetadata metadata) {
        this.format = format;
        this.stats = new TrackStats(format);
        this.metadata = metadata;
        this.formatCheck = new FormatCheck(profile, book, metadata);
        checks.add(formatCheck);
        checks.add(new BitrateCheck(profile, book, stats, metadata));
        if (format.kind() == TrackKind.VIDEO) {
            checks.add(new KeyframeCheck(profile, book, stats));
            checks.add(new FrameRateCheck(profile, book));
        } else {
            checks.add(new AudioGapCheck(profile, book, stats));
        }
    }

    /** The track has {@code now} from packet {@code p} on (a sequence header or track switch); null: unchanged. */
    void format(TrackFormat now, MediaPacket p) {
        if (now != null && !now.equals(format)) {
            formatCheck.changed(format, now, p);
            format = now;
            stats.formatChanged(now);
        }
    }

    void packet(MediaPacket p, long arrivalUs) {
        stats.packet(p);
        for (PacketCheck c : checks) {
            c.packet(format, p, arrivalUs);
        }
    }

    void restart() {
        checks.forEach(PacketCheck::restart);
        stats.restart();
    }

    /** The track's chart series; declared is onMetaData's rate for its kind, else the container's. */
    TrackSeries series() {
        boolean video = format.kind() == TrackKind.VIDEO;
        double declared = video ? metadata.declared().videoKbps() : metadata.declared().audioKbps();
        if (declared <= 0 && format.bitRateBps() > 0) {
            declared = format.bitRateBps() / 1000.0;
        }
        return stats.series(declared);
    }

    TrackFormat format() {
        return format;
    }

    TrackStats stats() {
        return stats;
    }
}
