package org.netstreamfx.player.record;

import static org.bytedeco.ffmpeg.global.avutil.AVCHROMA_LOC_LEFT;
import static org.bytedeco.ffmpeg.global.avutil.AVCHROMA_LOC_TOPLEFT;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_MPEG;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P10LE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P12LE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV422P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV422P10LE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV422P12LE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV444P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV444P10LE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV444P12LE;

import java.nio.ByteBuffer;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.netstreamfx.player.media.TrackFormat;

/**
 * VP9 for FFmpeg's mp4 muxer. Its 'vpcC' is written from the codec parameters (profile, level,
 * pixel format, chroma location, colour), not from extradata, and with the 'moov' written before
 * the first frame (empty_moov) there is no frame to read them from: without a pixel format the
 * muxer writes an empty 'vpcC', which FFmpeg then refuses to read. So the track's
 * VPCodecConfigurationRecord ({@link VpCodecConfiguration}: what FLV carried, or one written from
 * the track) is turned into those parameters, and no extradata is given (VP9 has none).
 */
final class Vp9CodecParameters {
    /** The FullBox version and flags before the record's fields. */
    private static final int FULL_BOX_HEADER = 4;
    /** chromaSubsampling 0: 4:2:0 with chroma between the luma rows (1 is co-sited, 2 4:2:2, 3 4:4:4). */
    private static final int CHROMA_420_VERTICAL = 0;
    /** Pixel formats by bit depth (8, 10, 12) and sampling (4:2:0, 4:2:2, 4:4:4). */
    private static final int[][] PIXEL_FORMATS = {
        {AV_PIX_FMT_YUV420P, AV_PIX_FMT_YUV422P, AV_PIX_FMT_YUV444P},
        {AV_PIX_FMT_YUV420P10LE, AV_PIX_FMT_YUV422P10LE, AV_PIX_FMT_YUV444P10LE},
        {AV_PIX_FMT_YUV420P12LE, AV_PIX_FMT_YUV422P12LE, AV_PIX_FMT_YUV444P12LE},
    };

    private Vp9CodecParameters() {
    }

    /** Sets {@code par}'s profile, level, pixel format, chroma location and colour from the track's record. */
    static void apply(TrackFormat vp9, AVCodecParameters par) {
        ByteBuffer r = ByteBuffer.wrap(VpCodecConfiguration.of(vp9)).position(FULL_BOX_HEADER);
        par.profile(r.get() & 0xFF);
        int level = r.get() & 0xFF;
        if (level != 0) {
            par.level(level);
        }
        int packed = r.get() & 0xFF;
        int chroma = (packed >> 1) & 0x7;
        par.format(pixelFormat(packed >> 4, chroma));
        par.chroma_location(chroma == CHROMA_420_VERTICAL ? AVCHROMA_LOC_LEFT : AVCHROMA_LOC_TOPLEFT);
        par.color_range((packed & 1) != 0 ? AVCOL_RANGE_JPEG : AVCOL_RANGE_MPEG);
        // ISO/IEC 23091-2 code points, which FFmpeg's colour enums use as their values.
        par.color_primaries(r.get() & 0xFF);
        par.color_trc(r.get() & 0xFF);
        par.color_space(r.get() & 0xFF);
    }

    private static int pixelFormat(int bitDepth, int chroma) {
        int depth = Math.max(0, Math.min(PIXEL_FORMATS.length - 1, (bitDepth - 8) / 2));
        int sampling = Math.max(0, Math.min(PIXEL_FORMATS[depth].length - 1, chroma - 1));
        return PIXEL_FORMATS[depth][sampling];
    }
}
