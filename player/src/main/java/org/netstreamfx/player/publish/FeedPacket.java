package org.netstreamfx.player.publish;

import java.util.Objects;
import org.netstreamfx.player.media.TrackKind;

/**
 * One encoded access unit on the capture clock. H.264 in AVCC form (4-byte lengths, no parameter
 * sets); AAC as one raw access unit. The array is handed over: nobody changes it afterwards.
 *
 * @param kind     video or audio
 * @param ptsUs    presentation time, microseconds
 * @param dtsUs    decode time, microseconds (at or before ptsUs)
 * @param keyframe an IDR picture; true for every audio packet
 * @param data     the payload
 * @param trackId  the Enhanced RTMP v2 trackId of a video rendition (0, the default track, for a
 *                 single-track feed and for audio; 1.. for the further renditions of a multitrack
 *                 feed, sent as Multitrack OneTrack messages)
 */
public record FeedPacket(TrackKind kind, long ptsUs, long dtsUs, boolean keyframe, byte[] data, int trackId) {
    /** The largest trackId: it travels as a UI8. */
    public static final int MAX_TRACK_ID = 255;

    public FeedPacket {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(data, "data");
        if (dtsUs > ptsUs) {
            throw new IllegalArgumentException("dts " + dtsUs + " us is after pts " + ptsUs + " us");
        }
        checkTrackId(kind, trackId);
    }

    /** A packet of the default track 0. */
    public FeedPacket(TrackKind kind, long ptsUs, long dtsUs, boolean keyframe, byte[] data) {
        this(kind, ptsUs, dtsUs, keyframe, data, 0);
    }

    /** Video tracks are 0..255; audio is one track, 0. */
    static void checkTrackId(TrackKind kind, int trackId) {
        if (trackId < 0 || trackId > MAX_TRACK_ID) {
            throw new IllegalArgumentException("trackId " + trackId + " is not 0.." + MAX_TRACK_ID);
        }
        if (trackId != 0 && kind != TrackKind.VIDEO) {
            throw new IllegalArgumentException("audio is published as one track (0), not track " + trackId);
        }
    }
}
