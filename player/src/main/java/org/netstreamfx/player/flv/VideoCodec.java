package org.netstreamfx.player.flv;

import org.netstreamfx.player.wire.WireFormatException;

/**
 * Video codecs: legacy CodecID (FLV/F4V spec v10.1, annex E.4.3.1; 12 = HEVC is the widespread
 * pre-Enhanced-RTMP extension) and Enhanced RTMP v1/v2 FourCC values.
 */
public enum VideoCodec {
    SORENSON_H263(2, null),
    SCREEN_VIDEO(3, null),
    VP6(4, null),
    VP6_ALPHA(5, null),
    SCREEN_VIDEO_V2(6, null),
    AVC(7, "avc1"),
    HEVC(12, "hvc1"),
    AV1(-1, "av01"),
    VP9(-1, "vp09"),
    VP8(-1, "vp08"),
    /** No codec is signalled: an Enhanced RTMP command frame. */
    NONE(-1, null);

    private final int legacyId;
    private final String fourCc;

    VideoCodec(int legacyId, String fourCc) {
        this.legacyId = legacyId;
        this.fourCc = fourCc;
    }

    /** The legacy CodecID, or -1 for codecs only signalled by FourCC. */
    public int legacyId() {
        return legacyId;
    }

    /** The Enhanced RTMP FourCC, or null for legacy-only codecs. */
    public String fourCc() {
        return fourCc;
    }

    static VideoCodec ofLegacyId(int id) throws WireFormatException {
        for (VideoCodec c : values()) {
            if (c.legacyId == id) {
                return c;
            }
        }
        throw WireFormatException.outOfRange("FLV video CodecID", id, "must be 2 to 7 or 12");
    }

    static VideoCodec ofFourCc(int value) throws WireFormatException {
        String text = FourCc.text(value);
        for (VideoCodec c : values()) {
            if (text.equals(c.fourCc)) {
                return c;
            }
        }
        throw WireFormatException.outOfRange("E-RTMP video FourCC", value & 0xFFFF_FFFFL,
                "\"" + FourCc.printable(text) + "\" is not one of avc1, hvc1, av01, vp09, vp08");
    }
}
