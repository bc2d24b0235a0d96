package org.netstreamfx.player.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AC3;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AV1;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_EAC3;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_FLAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_HEVC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MP3;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_NONE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_OPUS;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_VP9;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_VVC;

import java.util.Optional;

/**
 * The codecs the engine knows by name, with their FLV/RTMP ids and FourCCs (FLV spec v10.1
 * annex E.4.2/E.4.3.1; Enhanced RTMP v2 for the FourCCs). VVC is known for MP4/MOV files (FFmpeg
 * decodes it); Enhanced RTMP v2 gives it no FourCC, so FLV and RTMP do not carry it.
 */
public enum Codec {
    H264(TrackKind.VIDEO, "H.264", "avc1", 7, AV_CODEC_ID_H264),
    HEVC(TrackKind.VIDEO, "H.265", "hvc1", 12, AV_CODEC_ID_HEVC),
    AV1(TrackKind.VIDEO, "AV1", "av01", -1, AV_CODEC_ID_AV1),
    VP9(TrackKind.VIDEO, "VP9", "vp09", -1, AV_CODEC_ID_VP9),
    AAC(TrackKind.AUDIO, "AAC", "mp4a", 10, AV_CODEC_ID_AAC),
    MP3(TrackKind.AUDIO, "MP3", ".mp3", 2, AV_CODEC_ID_MP3),
    VVC(TrackKind.VIDEO, "H.266", "vvc1", -1, AV_CODEC_ID_VVC),
    OPUS(TrackKind.AUDIO, "Opus", "Opus", -1, AV_CODEC_ID_OPUS),
    FLAC(TrackKind.AUDIO, "FLAC", "fLaC", -1, AV_CODEC_ID_FLAC),
    AC3(TrackKind.AUDIO, "AC-3", "ac-3", -1, AV_CODEC_ID_AC3),
    EAC3(TrackKind.AUDIO, "E-AC-3", "ec-3", -1, AV_CODEC_ID_EAC3);

    private final TrackKind kind;
    private final String displayName;
    private final String fourCc;
    private final int flvCodecId;
    private final int ffmpegId;

    Codec(TrackKind kind, String displayName, String fourCc, int flvCodecId, int ffmpegId) {
        this.kind = kind;
        this.displayName = displayName;
        this.fourCc = fourCc;
        this.flvCodecId = flvCodecId;
        this.ffmpegId = ffmpegId;
    }

    public TrackKind kind() {
        return kind;
    }

    /** Human name: "H.264", "AAC". */
    public String displayName() {
        return displayName;
    }

    /** The FourCC used by MP4 and Enhanced RTMP. */
    public String fourCc() {
        return fourCc;
    }

    /** The legacy FLV SoundFormat/CodecID, or -1 when FLV has none (then the FourCC is used). */
    public int flvCodecId() {
        return flvCodecId;
    }

    /** FFmpeg's AVCodecID. */
    public int ffmpegId() {
        return ffmpegId;
    }

    public static Optional<Codec> fromFfmpegId(int id) {
        if (id == AV_CODEC_ID_NONE) {
            return Optional.empty();
        }
        for (Codec c : values()) {
            if (c.ffmpegId == id) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
