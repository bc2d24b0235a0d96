package org.netstreamfx.player.publish;

import org.netstreamfx.player.flv.EnhancedTagBodies;
import org.netstreamfx.player.media.TrackKind;

/**
 * The codecs a {@link MediaFeed} may publish, with how they travel in RTMP/FLV: H.264 and AAC with
 * the legacy FLV headers (CodecID 7, SoundFormat 10), which every RTMP server and player reads;
 * HEVC, AV1, VP9 and Opus, which legacy FLV has no id for, with the Enhanced RTMP v2 headers
 * (ExVideoTagHeader / ExAudioTagHeader) naming them by FourCC.
 *
 * <p>Why H.264 and AAC stay legacy: nginx-rtmp, SRS in its defaults and older CDNs drop or
 * misread an ExVideoTagHeader with FourCC {@code avc1}, while every E-RTMP reader (FFmpeg 8, OBS,
 * YouTube, Twitch) still reads the legacy form. The enhanced form is used only where it is the
 * only form there is. (The player's {@code media.Codec} has no Opus, so this list is its own.)
 */
public enum FeedCodec {
    H264(TrackKind.VIDEO, "avc1", 7),
    HEVC(TrackKind.VIDEO, "hvc1", FeedCodec.NO_LEGACY_ID),
    AV1(TrackKind.VIDEO, "av01", FeedCodec.NO_LEGACY_ID),
    VP9(TrackKind.VIDEO, "vp09", FeedCodec.NO_LEGACY_ID),
    AAC(TrackKind.AUDIO, "mp4a", 10),
    OPUS(TrackKind.AUDIO, "Opus", FeedCodec.NO_LEGACY_ID);

    private static final int NO_LEGACY_ID = -1;
    private static final int FOURCC_CHARS = 4;

    private final TrackKind kind;
    private final String fourCc;
    private final int legacyId;

    FeedCodec(TrackKind kind, String fourCc, int legacyId) {
        if (fourCc.length() != FOURCC_CHARS) {
            throw new IllegalArgumentException("a FourCC has 4 characters: " + fourCc);
        }
        this.fourCc = fourCc;
        this.legacyId = legacyId;
        this.kind = kind;
    }

    public TrackKind kind() {
        return kind;
    }

    /** The FourCC text: "avc1", "hvc1", "av01", "vp09", "mp4a", "Opus". */
    public String fourCc() {
        return fourCc;
    }

    /** The FourCC as the big-endian UI32 the Ex headers carry. */
    public int fourCcValue() {
        return EnhancedTagBodies.fourCcValue(fourCc);
    }

    /** Whether it is sent with the legacy FLV header (H.264, AAC) rather than the enhanced one. */
    public boolean legacy() {
        return legacyId != NO_LEGACY_ID;
    }

    /**
     * The onMetaData videocodecid / audiocodecid: the legacy CodecID (7, 10) for the legacy forms,
     * else the FourCC as a number (E-RTMP "Enhancing onMetaData": "av01" is 1635135537.0).
     */
    public double metaDataCodecId() {
        return legacy() ? legacyId : Integer.toUnsignedLong(fourCcValue());
    }

    /** The codec a config of this kind has when its feed names none: H.264 for video, AAC for audio. */
    static FeedCodec legacyDefault(TrackKind kind) {
        return kind == TrackKind.VIDEO ? H264 : AAC;
    }
}
