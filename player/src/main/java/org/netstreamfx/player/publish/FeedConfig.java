package org.netstreamfx.player.publish;

import java.util.Map;
import java.util.Objects;
import org.netstreamfx.player.media.TrackKind;

/**
 * What a subscriber needs before the first packet of a track.
 *
 * @param kind          video or audio
 * @param decoderConfig the codec's configuration record, sent as the sequence header: the
 *                      AVCDecoderConfigurationRecord (ISO/IEC 14496-15 5.2.4.1) or the
 *                      AudioSpecificConfig (ISO/IEC 14496-3 1.6.2.1) in the legacy FLV sequence
 *                      header (FLV/F4V spec v10.1 annex E.4.2.1 / E.4.3.1); the hvcC, av1C, vpcC
 *                      or OpusHead in an Enhanced RTMP SequenceStart
 * @param metaData      this track's onMetaData properties (width, height, framerate, videocodecid,
 *                      videodatarate; or audiocodecid, audiodatarate, audiosamplerate, stereo...)
 * @param codec         the codec, which decides the header form (see {@link FeedCodec})
 * @param trackId       the video rendition's Enhanced RTMP v2 trackId (0, the default track, for a
 *                      single-track feed and audio); a further track's metaData goes to onMetaData's
 *                      {@code videoTrackIdInfoMap} under its id
 */
public record FeedConfig(TrackKind kind, byte[] decoderConfig, Map<String, Object> metaData, FeedCodec codec,
        int trackId) {
    public FeedConfig {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(decoderConfig, "decoderConfig");
        Objects.requireNonNull(codec, "codec");
        if (codec.kind() != kind) {
            throw new IllegalArgumentException(codec + " is not a " + kind + " codec");
        }
        FeedPacket.checkTrackId(kind, trackId);
        metaData = Map.copyOf(metaData);
    }

    /** The configuration of the default track 0. */
    public FeedConfig(TrackKind kind, byte[] decoderConfig, Map<String, Object> metaData, FeedCodec codec) {
        this(kind, decoderConfig, metaData, codec, 0);
    }

    /** An H.264 (video) or AAC (audio) track. */
    public FeedConfig(TrackKind kind, byte[] decoderConfig, Map<String, Object> metaData) {
        this(kind, decoderConfig, metaData, FeedCodec.legacyDefault(Objects.requireNonNull(kind, "kind")));
    }
}
