package org.netstreamfx.capture.encode;

import java.util.List;
import org.netstreamfx.player.flv.FlvTagBodies;

/**
 * Encoded packets as FLV tag bodies, which are also RTMP video (type 9), audio (type 8) and data
 * (type 18) message bodies (FLV/F4V spec v10.1 annex E.4.2 and E.4.3; the byte layouts are drawn
 * in {@link FlvTagBodies}). Timestamps travel in the tag or message header, in milliseconds;
 * the composition time (pts − dts) travels in the video body.
 */
public final class FlvTags {
    private FlvTags() {
    }

    /** AVC sequence header: {@code 0x17 0x00 000000} + avcC. Send before the first picture. */
    public static byte[] videoSequenceHeader(H264Encoder encoder) {
        return FlvTagBodies.avcSequenceHeader(encoder.avcC());
    }

    /** AVC NALU: {@code 0x17|0x27 0x01} + SI24 composition time (ms) + AVCC data. */
    public static byte[] video(EncodedPacket p) {
        return FlvTagBodies.avcNalu(p.keyframe(), compositionTimeMs(p), p.data());
    }

    /** AAC sequence header: {@code 0xAF 0x00} + AudioSpecificConfig. Send before the first frame. */
    public static byte[] audioSequenceHeader(AacEncoder encoder) {
        return FlvTagBodies.aacSequenceHeader(encoder.audioSpecificConfig());
    }

    /** AAC raw: {@code 0xAF 0x01} + one AAC access unit. */
    public static byte[] audio(EncodedPacket p) {
        return FlvTagBodies.aacRaw(p.data());
    }

    /** The tag or message timestamp of a packet: its decode time in ms relative to {@code baseUs}. */
    public static long timestampMs(EncodedPacket p, long baseUs) {
        return Math.floorDiv(p.dtsUs() - baseUs, 1000);
    }

    /**
     * The composition time in ms, rounded so that dts + CT lands on pts rounded: the difference of
     * the two times each rounded down to ms, as the tag timestamp is.
     */
    public static int compositionTimeMs(EncodedPacket p) {
        long ct = Math.floorDiv(p.ptsUs(), 1000) - Math.floorDiv(p.dtsUs(), 1000);
        if (ct > FlvTagBodies.MAX_COMPOSITION_TIME_MS) {
            throw new IllegalArgumentException("composition time " + ct + " ms does not fit FLV's signed 24 bits");
        }
        return (int) ct;
    }

    /** The script data body of an FLV file's first tag: "onMetaData" + ECMA array (annex E.5). */
    public static byte[] onMetaData(StreamMetaData meta) {
        return FlvTagBodies.scriptData("onMetaData", List.of(FlvTagBodies.ecmaArray(meta.toMap())));
    }

    /**
     * The RTMP data message a publisher sends to have the server keep the metadata and hand it to
     * every subscriber: "@setDataFrame", "onMetaData", ECMA array.
     */
    public static byte[] setDataFrame(StreamMetaData meta) {
        return FlvTagBodies.scriptData("@setDataFrame", List.of("onMetaData", FlvTagBodies.ecmaArray(meta.toMap())));
    }
}
