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
 */
public record FeedConfig(TrackKind kind, byte[] decoderConfig, Map<String, Object> metaData, FeedCodec codec) {
    public FeedConfig {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(decoderConfig, "decoderConfig");
        Objects.requireNonNull(codec, "codec");
        if (codec.kind() != kind) {
            throw new IllegalArgumentException(codec + " is not a " + kind + " codec");
        }
        metaData = Map.copyOf(metaData);
    }

    /** An H.264 (video) or AAC (audio) track. */
    public FeedConfig(TrackKind kind, byte[] decoderConfig, Map<String, Object> metaData) {
        this(kind, decoderConfig, metaData, FeedCodec.legacyDefault(Objects.requireNonNull(kind, "kind")));
    }
}
