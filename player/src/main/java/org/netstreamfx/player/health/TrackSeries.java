package org.netstreamfx.player.health;

import java.util.List;

/**
 * What a chart of one track needs over the stream's timeline, measured by the analysis: the bit
 * rate of each whole second (the last {@link #MAX_POINTS}) and, for video, each keyframe with the
 * interval that ended there (the last {@link #MAX_POINTS}); and the rate onMetaData declares. A UI
 * draws it as it is: nothing is recomputed from packets outside the engine.
 *
 * @param track         the track's index
 * @param video         true for a video track, false for audio
 * @param declaredKbps  onMetaData's videodatarate or audiodatarate (else the container's), 0 when none
 * @param kbps          per whole second of stream time, the kbit/s of that second, oldest first
 * @param keyframes     per keyframe after the first, its time and the interval since the one before (s)
 */
public record TrackSeries(int track, boolean video, double declaredKbps, List<SeriesPoint> kbps,
                          List<SeriesPoint> keyframes) {
    /** Seconds of bit rate and keyframes kept per track: ten minutes of one-second points. */
    public static final int MAX_POINTS = 600;

    public TrackSeries {
        kbps = List.copyOf(kbps);
        keyframes = List.copyOf(keyframes);
    }
}
