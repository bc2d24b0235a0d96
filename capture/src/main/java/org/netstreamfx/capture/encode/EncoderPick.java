package org.netstreamfx.capture.encode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netstreamfx.player.net.NetStatusCode;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.publish.FeedCodec;

/**
 * Which encoder a feed really uses and why: the codec, FFmpeg's encoder name, whether it is
 * hardware, and the hardware encoders tried before it that were not available (empty when none
 * was tried). A publisher shows it as {@code NetStreamFX.Publish.Encoder}, so a fallback from
 * hardware to software is never silent.
 *
 * @param codec        what is encoded
 * @param encoder      "libsvtav1", "h264_nvenc", …
 * @param hardware     whether {@code encoder} is a hardware encoder
 * @param fallbackFrom the hardware encoders tried first that were unavailable, in order
 */
public record EncoderPick(FeedCodec codec, String encoder, boolean hardware, List<String> fallbackFrom) {
    public EncoderPick {
        fallbackFrom = List.copyOf(fallbackFrom);
    }

    /** "AV1 is encoded with libsvtav1 (software); no hardware encoder was available (av1_nvenc, av1_vaapi)." */
    public String description() {
        return codec + " is encoded with " + encoder + (hardware ? " (hardware)" : " (software)")
                + (fallbackFrom.isEmpty() ? "." : "; no hardware encoder was available ("
                + String.join(", ", fallbackFrom) + ").");
    }

    /** Details {codec, encoder, hardware, fallbackFrom}; fallbackFrom is the names joined by ", ". */
    public Map<String, Object> details() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("codec", codec.name());
        m.put("encoder", encoder);
        m.put("hardware", hardware);
        m.put("fallbackFrom", String.join(", ", fallbackFrom));
        return m;
    }

    /** The {@code NetStreamFX.Publish.Encoder} status event. */
    public NetStatusEvent toEvent() {
        return NetStatusEvent.of(NetStatusCode.NSFX_PUBLISH_ENCODER, description(), details(), System.nanoTime());
    }
}
