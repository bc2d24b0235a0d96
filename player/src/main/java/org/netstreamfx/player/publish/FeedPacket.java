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
 */
public record FeedPacket(TrackKind kind, long ptsUs, long dtsUs, boolean keyframe, byte[] data) {
    public FeedPacket {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(data, "data");
        if (dtsUs > ptsUs) {
            throw new IllegalArgumentException("dts " + dtsUs + " us is after pts " + ptsUs + " us");
        }
    }
}
