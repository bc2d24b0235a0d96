package org.netstreamfx.player.media;

import java.util.List;

/**
 * One track a stream carries, as a listing shows it (Enhanced RTMP v2 multitrack streams carry
 * several of each kind, told apart by their trackId). Fields not known yet are 0.
 *
 * @param id           the track's id (Enhanced RTMP trackId; 0 for a single-track stream)
 * @param kind         video or audio
 * @param codec        the codec's FourCC ("avc1", "mp4a", "Opus") or short name
 * @param width        video width in pixels
 * @param height       video height in pixels
 * @param sampleRateHz audio sample rate
 * @param channels     audio channels
 * @param bitRateBps   bit rate, when the stream states it
 */
public record StreamTrack(int id, TrackKind kind, String codec, int width, int height, int sampleRateHz,
                          int channels, long bitRateBps) {

    /**
     * True for an Enhanced RTMP multitrack stream's listing: more than one track of a kind, or a
     * track other than the default track 0.
     */
    public static boolean multitrack(List<StreamTrack> tracks) {
        return tracks.stream().filter(t -> t.kind() == TrackKind.VIDEO).count() > 1
                || tracks.stream().filter(t -> t.kind() == TrackKind.AUDIO).count() > 1
                || tracks.stream().anyMatch(t -> t.id() != 0);
    }

    /** A track known only by id, kind and codec. */
    public static StreamTrack of(int id, TrackKind kind, String codec) {
        return new StreamTrack(id, kind, codec, 0, 0, 0, 0, 0);
    }

    /** This track with its picture size. */
    public StreamTrack withSize(int w, int h) {
        return new StreamTrack(id, kind, codec, w, h, sampleRateHz, channels, bitRateBps);
    }

    /** This track with its sample rate and channels. */
    public StreamTrack withAudio(int rateHz, int channelCount) {
        return new StreamTrack(id, kind, codec, width, height, rateHz, channelCount, bitRateBps);
    }
}
