package org.netstreamfx.player.health;

import java.util.List;
import java.util.Set;

/**
 * The thresholds the health rules compare with: what an ingest service asks for ({@link Profiles}
 * has {@code generic}, {@code youtube} and {@code twitch}; a user file makes others). A set of
 * allowed values that is empty allows anything; a limit of 0 is no limit; a null severity turns
 * its rule off.
 *
 * @param name                   the profile's name, as reports show it
 * @param clearAfterS            a finding clears when its condition has been gone this long
 * @param maxKeyframeIntervalS   the longest keyframe interval allowed (KeyframeInterval)
 * @param keyframeAdviceS        the interval the advice recommends
 * @param keyframeSeverity       KeyframeInterval's severity
 * @param keyframeIrregularRatio KeyframeIrregular: longest over shortest recent interval above this
 * @param vfrTolerance           VariableFrameRate: a frame spacing off the usual one by more than this fraction
 * @param vfrSeverity            VariableFrameRate's severity, null: off
 * @param bFramesSeverity        BFrames' severity, null: B-frames allowed
 * @param videoCodecs            VideoCodec: codec display names allowed ("H.264")
 * @param audioCodecs            AudioCodec: codec display names allowed ("AAC")
 * @param aacProfiles            AudioCodec: AAC profiles allowed ("LC")
 * @param sampleRatesHz          AudioSampleRate: rates allowed
 * @param minChannels            AudioChannels: fewer is an info finding
 * @param maxVideoKbps           VideoBitrate: the limit over 10 s, any resolution
 * @param videoBitrateLimits     VideoBitrate: limits per resolution and frame rate (the first that applies wins)
 * @param maxAudioKbps           AudioBitrate: the limit over 10 s
 * @param spikeFactor            BitrateSpike: 1 s over this many times the 10 s mean
 * @param declaredTolerance      DeclaredBitrate: measured over this many times onMetaData's
 * @param maxTimestampJumpS      TimestampJump: the largest step between two packets of a track
 * @param maxCompositionOffsetS  CompositionOffset: the reorder window pts - dts may use
 * @param maxInterleaveSkewS     InterleaveSkew: how far apart audio and video may arrive
 * @param maxJitterMs            ArrivalJitter: the interarrival jitter (RFC 3550) allowed, live only
 * @param ingestRateTolerance    IngestRate: media time over wall time outside 1 ± this, live only
 * @param maxAudioGapMs          AudioGap: a hole or overlap in the audio timeline above this
 * @param maxBufferEmpties       BufferEmpty: more Buffer.Empty events (stalls while playing) than this (0: any)
 * @param maxStallS              StallTime: more time stalled in all than this
 * @param maxTimeToFirstFrameS   TimeToFirstFrame: the first picture later than this after the play began
 * @param maxLiveLatencyS        LiveLatency: playing further behind the newest data received than this, live only
 * @param maxReconnects          Reconnects: more reconnects of the connection during the play than this (0: any)
 */
public record Profile(String name, double clearAfterS, double maxKeyframeIntervalS, double keyframeAdviceS,
                      Severity keyframeSeverity, double keyframeIrregularRatio, double vfrTolerance,
                      Severity vfrSeverity, Severity bFramesSeverity, Set<String> videoCodecs,
                      Set<String> audioCodecs, Set<String> aacProfiles, Set<Integer> sampleRatesHz, int minChannels,
                      double maxVideoKbps, List<BitrateLimit> videoBitrateLimits, double maxAudioKbps,
                      double spikeFactor, double declaredTolerance, double maxTimestampJumpS,
                      double maxCompositionOffsetS, double maxInterleaveSkewS, double maxJitterMs,
                      double ingestRateTolerance, double maxAudioGapMs, int maxBufferEmpties, double maxStallS,
                      double maxTimeToFirstFrameS, double maxLiveLatencyS, int maxReconnects) {
    public Profile {
        videoCodecs = Set.copyOf(videoCodecs);
        audioCodecs = Set.copyOf(audioCodecs);
        aacProfiles = Set.copyOf(aacProfiles);
        sampleRatesHz = Set.copyOf(sampleRatesHz);
        videoBitrateLimits = List.copyOf(videoBitrateLimits);
    }

    /** The video limit in kbit/s for this picture size and rate: the first per-resolution limit that applies, else maxVideoKbps (0: none). */
    public double videoLimitKbps(int height, double fps) {
        for (BitrateLimit l : videoBitrateLimits) {
            if (height >= l.minHeight() && fps >= l.minFps()) {
                return l.maxKbps();
            }
        }
        return maxVideoKbps;
    }

    long clearAfterUs() {
        return Math.round(clearAfterS * 1e6);
    }
}
