package org.netstreamfx.player.health;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.netstreamfx.player.media.Codec;
import org.netstreamfx.player.media.MediaPacket;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.media.TrackKind;

/**
 * What a track's format says against the profile, observed at each packet so that a finding
 * stays raised while the format is wrong: VideoCodec and BFrames for video; AudioCodec (with the
 * AAC profile), AudioSampleRate (with onMetaData's declared rate against the real one) and
 * AudioChannels for audio. And what a format change says: SequenceHeaderChange and
 * ResolutionChange.
 */
final class FormatCheck extends RuleGroup {
    /** Audio formats other than AAC carry no profile to check. */
    private static final String AAC = Codec.AAC.displayName();

    private final StreamMetadata metadata;

    FormatCheck(Profile profile, FindingBook book, StreamMetadata metadata) {
        super(profile, book);
        this.metadata = metadata;
    }

    @Override
    public void packet(TrackFormat t, MediaPacket p, long arrivalUs) {
        if (t.kind() == TrackKind.VIDEO) {
            video(t, p);
        } else {
            audio(t, p);
        }
    }

    private void video(TrackFormat t, MediaPacket p) {
        String codec = t.codec().displayName();
        if (!profile.videoCodecs().isEmpty() && !profile.videoCodecs().contains(codec)) {
            observe(Rule.VIDEO_CODEC, Severity.ERROR, p, "videoCodecs", 0, 0, "video codec " + codec
                    + " (" + profile.name() + " takes " + sorted(profile.videoCodecs()) + ")",
                    "encode video as " + sorted(profile.videoCodecs()).get(0), t);
        }
        if (profile.bFramesSeverity() != null && (p.ptsUs() != p.dtsUs() || t.reorderDepth() > 0)) {
            observe(Rule.B_FRAMES, profile.bFramesSeverity(), p, "bFramesAllowed", 0, 1,
                    "B-frames (frames shown out of decode order)",
                    "set B-frames to 0 in your encoder (x264: bframes=0, or profile baseline)", t);
        }
    }

    private void audio(TrackFormat t, MediaPacket p) {
        String codec = t.codec().displayName();
        if (!profile.audioCodecs().isEmpty() && !profile.audioCodecs().contains(codec)) {
            observe(Rule.AUDIO_CODEC, Severity.ERROR, p, "audioCodecs", 0, 0, "audio codec " + codec + " ("
                    + profile.name() + " takes " + sorted(profile.audioCodecs()) + ")",
                    "encode audio as " + sorted(profile.audioCodecs()).get(0), t);
        } else if (codec.equals(AAC) && !profile.aacProfiles().isEmpty() && !t.profile().isEmpty()
                && !profile.aacProfiles().contains(t.profile())) {
            observe(Rule.AUDIO_CODEC, Severity.WARNING, p, "aacProfiles", 0, 0, "AAC profile " + t.profile()
                    + " (" + profile.name() + " takes " + sorted(profile.aacProfiles()) + ")",
                    "set your AAC encoder's profile to " + sorted(profile.aacProfiles()).get(0), t);
        }
        int rate = t.sampleRateHz();
        int declaredRate = metadata.declared().sampleRateHz();
        if (rate > 0 && !profile.sampleRatesHz().isEmpty() && !profile.sampleRatesHz().contains(rate)) {
            observe(Rule.AUDIO_SAMPLE_RATE, Severity.WARNING, p, "sampleRatesHz", 0, rate,
                    String.format(Locale.ROOT, "audio at %.2f kHz", rate / 1000.0),
                    "set your audio sample rate to 48 kHz (or 44.1 kHz)", t);
        } else if (rate > 0 && declaredRate > 0 && declaredRate != rate) {
            observe(Rule.AUDIO_SAMPLE_RATE, Severity.INFO, p, "declaredSampleRateHz",
                    declaredRate, rate, "onMetaData declares " + declaredRate
                    + " Hz, the audio is " + rate + " Hz", "let your encoder write its real sample rate", t);
        }
        if (t.channels() > 0 && t.channels() < profile.minChannels()) {
            observe(Rule.AUDIO_CHANNELS, Severity.INFO, p, "minChannels", profile.minChannels(), t.channels(),
                    "audio has " + t.channels() + " channel" + (t.channels() == 1 ? "" : "s"),
                    "send stereo audio", t);
        }
    }

    /** The track's format changes at {@code p}, from {@code before} to {@code now}. */
    void changed(TrackFormat before, TrackFormat now, MediaPacket p) {
        if (before.kind() == TrackKind.VIDEO && (before.width() != now.width() || before.height() != now.height())) {
            observe(Rule.RESOLUTION_CHANGE, Severity.INFO, p, "resolution", 0, now.height(), "resolution changed "
                    + "from " + before.width() + "x" + before.height() + " to " + now.width() + "x" + now.height(),
                    "keep one output resolution (scale in the encoder, not the source)", now);
        }
        if (!Arrays.equals(before.extradata(), now.extradata()) || before.codec() != now.codec()) {
            observe(Rule.SEQUENCE_HEADER_CHANGE, Severity.WARNING, p, "sequenceHeaderChanges", 0, 1,
                    (now.kind() == TrackKind.VIDEO ? "video" : "audio") + " sequence header changed mid-stream ("
                    + before.codec().displayName() + " " + before.profile() + " to " + now.codec().displayName()
                    + " " + now.profile() + ")", "restart the stream rather than change encoder settings live", now);
        }
    }

    private void observe(Rule rule, Severity s, MediaPacket p, String threshold, double limit, double measured,
                         String message, String advice, TrackFormat t) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("track", t.index());
        book.observe(new Finding(rule, s, false, p.dtsUs(), threshold, limit, measured, message, advice, d));
    }

    private static java.util.List<String> sorted(java.util.Set<String> s) {
        return s.stream().sorted().toList();
    }
}
