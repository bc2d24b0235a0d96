package org.netstreamfx.player.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.netstreamfx.player.media.Codec;
import org.netstreamfx.player.media.MediaPacket;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.source.DataMessage;
import org.netstreamfx.player.source.SourceDescription;
import org.netstreamfx.player.source.SourcePacket;

/** A hand-made stream for the health rules: H.264 track 0 and AAC track 1, packets and arrival times as the test says. */
final class HealthFeed {
    static final TrackFormat VIDEO = new TrackFormat(0, Codec.H264, new byte[] {1, 100, 0, 31}, 1280, 720, 30, 0, 0, 0,
            "High", "3.1");
    static final TrackFormat AUDIO = new TrackFormat(1, Codec.AAC, new byte[] {0x12, 0x10}, 0, 0, 0, 44_100, 2, 0,
            "LC", "");
    static final long FRAME_US = 33_333;
    static final long AAC_US = Math.round(1024 * 1e6 / 44_100);

    final List<Finding> findings = new ArrayList<>();
    final HealthAnalyzer analyzer;
    SourceDescription description;
    long arrivalNanos;

    HealthFeed(Profile profile, boolean live, TrackFormat... tracks) {
        analyzer = new HealthAnalyzer(profile, findings::add);
        description = new SourceDescription(live ? "rtmp" : "flv", live ? -1 : 60_000_000, List.of(tracks), List.of(),
                Map.of(), !live);
    }

    HealthFeed(Profile profile) {
        this(profile, false, VIDEO, AUDIO);
    }

    void packet(int track, long ptsUs, long dtsUs, boolean key, int size) {
        analyzer.item(description, new SourcePacket(new MediaPacket(track, ptsUs, dtsUs, 0, key, new byte[size])),
                arrivalNanos);
    }

    void format(TrackFormat now, long dtsUs, boolean key, int size) {
        analyzer.item(description, SourcePacket.startingFormat(new MediaPacket(now.index(), dtsUs, dtsUs, 0, key,
                new byte[size]), now), arrivalNanos);
    }

    void data(String handler, Object arg) {
        analyzer.item(description, new DataMessage(0, handler, List.of(arg)), arrivalNanos);
    }

    /**
     * Video at 30 fps with a keyframe every {@code gopS} seconds and AAC beside it, from
     * {@code fromUs} for {@code seconds}; packets of {@code videoBytes} and 200 bytes. Returns the end.
     */
    long play(long fromUs, double seconds, double gopS, int videoBytes) {
        long end = fromUs + Math.round(seconds * 1e6);
        long nextAudio = fromUs;
        long gopUs = Math.round(gopS * 1e6);
        for (long t = fromUs; t < end; t += FRAME_US) {
            while (nextAudio <= t) {
                packet(1, nextAudio, nextAudio, true, 200);
                nextAudio += AAC_US;
            }
            arrivalNanos = t * 1000;
            packet(0, t, t, (t - fromUs) % gopUs < FRAME_US, videoBytes);
        }
        return end;
    }

    boolean raised(Rule r) {
        return findings.stream().anyMatch(f -> f.rule() == r && !f.cleared());
    }

    boolean cleared(Rule r) {
        return findings.stream().anyMatch(f -> f.rule() == r && f.cleared());
    }

    Finding first(Rule r) {
        return findings.stream().filter(f -> f.rule() == r && !f.cleared()).findFirst().orElseThrow(
                () -> new AssertionError(r + " not raised; found " + findings));
    }

    List<Rule> raisedRules() {
        return findings.stream().filter(f -> !f.cleared()).map(Finding::rule).distinct().toList();
    }
}
