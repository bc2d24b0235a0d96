package org.netstreamfx.player.publish;

import java.util.Map;
import java.util.Objects;
import org.netstreamfx.player.media.TrackKind;

/**
 * What a subscriber needs before the first packet of a track.
 *
 * @param kind          video (H.264) or audio (AAC)
 * @param decoderConfig the AVCDecoderConfigurationRecord (ISO/IEC 14496-15 5.2.4.1) or the
 *                      AudioSpecificConfig (ISO/IEC 14496-3 1.6.2.1), sent as the FLV sequence
 *                      header (FLV/F4V spec v10.1 annex E.4.2.1 / E.4.3.1)
 * @param metaData      this track's onMetaData properties (width, height, framerate, videocodecid,
 *                      videodatarate; or audiocodecid, audiodatarate, audiosamplerate, stereo...)
 */
public record FeedConfig(TrackKind kind, byte[] decoderConfig, Map<String, Object> metaData) {
    public FeedConfig {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(decoderConfig, "decoderConfig");
        metaData = Map.copyOf(metaData);
    }
}
