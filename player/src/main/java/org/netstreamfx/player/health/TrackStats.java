package org.netstreamfx.player.health;

import java.util.LinkedHashMap;
import java.util.Map;
import org.netstreamfx.player.media.MediaPacket;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.media.TrackKind;

/**
 * The figures of one track a report shows: its format (declared), packets and bytes, measured
 * frame rate, keyframe intervals (min, mean, max), B-frames, bit rates (1 s, 10 s, peak) and
 * audio gaps. Sums and extremes only: bounded memory however long the stream.
 */
final class TrackStats {
    private TrackFormat format;
    private long packets;
    private long bytes;
    private long firstDtsUs = Long.MIN_VALUE;
    private long lastDtsUs = Long.MIN_VALUE;
    private long keyframes;
    private long minKeyUs = Long.MAX_VALUE;
    private long maxKeyUs;
    private long sumKeyUs;
    private long intervals;
    private boolean bFrames;
    private int formatChanges;
    private int audioGaps;
    private double kbps1s;
    private double kbps10s;
    private double peakKbps;
    private final SecondSeries series = new SecondSeries();

    TrackStats(TrackFormat format) {
        this.format = format;
    }

    void packet(MediaPacket p) {
        packets++;
        bytes += p.data().length;
        series.packet(p.dtsUs(), p.data().length);
        if (firstDtsUs == Long.MIN_VALUE) {
            firstDtsUs = p.dtsUs();
        }
        lastDtsUs = Math.max(lastDtsUs, p.dtsUs());
        if (p.keyframe()) {
            keyframes++;
        }
        if (p.ptsUs() != p.dtsUs()) {
            bFrames = true;
        }
    }

    /** A keyframe at {@code atUs}, {@code us} after the one before. */
    void keyframeInterval(long atUs, long us) {
        series.keyframe(atUs, us);
        minKeyUs = Math.min(minKeyUs, us);
        maxKeyUs = Math.max(maxKeyUs, us);
        sumKeyUs += us;
        intervals++;
    }

    void formatChanged(TrackFormat now) {
        format = now;
        formatChanges++;
    }

    /** A seek: the second being summed is left out of the series. */
    void restart() {
        series.restart();
    }

    /** The per-second bit rate and keyframes of this track, with {@code declaredKbps} (0: none). */
    TrackSeries series(double declaredKbps) {
        return new TrackSeries(format.index(), format.kind() == TrackKind.VIDEO, declaredKbps, series.seconds(),
                series.keyframes());
    }

    void audioGap() {
        audioGaps++;
    }

    void bitrate(double oneSecond, double tenSeconds) {
        kbps1s = oneSecond;
        kbps10s = tenSeconds;
        peakKbps = Math.max(peakKbps, oneSecond);
    }

    TrackFormat format() {
        return format;
    }

    /** Frames (or audio packets) per second of the stream's timeline, 0 before two packets. */
    double measuredRate() {
        long span = lastDtsUs - firstDtsUs;
        return packets < 2 || span <= 0 ? 0 : (packets - 1) * 1e6 / span;
    }

    boolean bFrames() {
        return bFrames;
    }

    /** The figures as plain values, for the JSON report and the human table. */
    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        boolean video = format.kind() == TrackKind.VIDEO;
        m.put("track", format.index());
        m.put("kind", video ? "video" : "audio");
        m.put("codec", format.codec().displayName());
        m.put("profile", format.profile());
        if (video) {
            m.put("level", format.level());
            m.put("width", format.width());
            m.put("height", format.height());
            m.put("declaredFps", round(format.frameRate()));
            m.put("measuredFps", round(measuredRate()));
            m.put("keyframes", keyframes);
            m.put("keyframeIntervalMinS", intervals == 0 ? null : round(minKeyUs / 1e6));
            m.put("keyframeIntervalMeanS", intervals == 0 ? null : round(sumKeyUs / 1e6 / intervals));
            m.put("keyframeIntervalMaxS", intervals == 0 ? null : round(maxKeyUs / 1e6));
            m.put("bFrames", bFrames);
        } else {
            m.put("sampleRateHz", format.sampleRateHz());
            m.put("channels", format.channels());
            m.put("audioGaps", audioGaps);
        }
        m.put("formatChanges", formatChanges);
        m.put("packets", packets);
        m.put("bytes", bytes);
        m.put("kbps1s", round(kbps1s));
        m.put("kbps10s", round(kbps10s));
        m.put("peakKbps", round(peakKbps));
        m.put("declaredKbps", format.bitRateBps() > 0 ? round(format.bitRateBps() / 1000.0) : null);
        return m;
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
