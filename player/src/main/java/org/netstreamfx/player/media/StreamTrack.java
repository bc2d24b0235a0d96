package org.netstreamfx.player.media;

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
