package org.netstreamfx.capture.encode;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_PRI_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AV_OPT_SEARCH_CHILDREN;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.javacpp.PointerPointer;
import org.netstreamfx.player.ffmpeg.FfmpegErrors;
import org.netstreamfx.player.ffmpeg.FfmpegLog;
import org.netstreamfx.player.publish.FeedCodec;

/**
 * Any libavcodec video encoder by name — libx265, libsvtav1, libaom-av1, libvpx-vp9, and the
 * hardware wrappers (h264_nvenc, hevc_vaapi, av1_qsv, …) — set up for live streaming (no
 * B-frames, no lookahead, a keyframe every {@link H264Settings#keyframeIntervalFrames()} frames,
 * bit-rate control), fed 8-bit YUV 4:2:0 BT.601 pictures through {@link PictureInput}.
 *
 * <p>Its output is what RTMP carries for the codec: for H.264 and HEVC the Annex B access units
 * become length-prefixed NAL units and the extradata's parameter sets the avcC / hvcC; AV1
 * temporal units and VP9 frames go as they come, with the av1C built from the extradata and the
 * vpcC from the settings ({@link Av1ConfigRecord}, {@link VpConfigRecord}).
 *
 * <p>Thread ownership: one thread at a time, except {@link #requestKeyframe()}.
 */
public final class FfmpegVideoEncoder extends LoopVideoEncoder {
    private static final int GREY = 128;
    /**
     * Live-streaming options per encoder (AVOptions): each picture's packet out at once, no
     * lookahead or reordering (SVT-AV1's low-delay prediction structure, which needs its CBR rate
     * control; libaom/libvpx realtime with no lag; x265 and NVENC zero-latency).
     */
    private static final Map<String, Map<String, String>> OPTIONS = Map.of(
            "libx265", Map.of("preset", "ultrafast", "tune", "zerolatency"),
            "libsvtav1", Map.of("preset", "12", "svtav1-params", "pred-struct=1:rc=2"),
            "libaom-av1", Map.of("usage", "realtime", "cpu-used", "8", "lag-in-frames", "0", "row-mt", "1"),
            "libvpx-vp9", Map.of("deadline", "realtime", "cpu-used", "8", "lag-in-frames", "0", "row-mt", "1"),
            "h264_nvenc", Map.of("preset", "p1", "tune", "ll", "zerolatency", "1"),
            "hevc_nvenc", Map.of("preset", "p1", "tune", "ll", "zerolatency", "1"),
            "av1_nvenc", Map.of("preset", "p1", "tune", "ll", "zerolatency", "1"));

    private final FeedCodec codec;
    private final String name;
    private final boolean hardware;
    private final H264Settings settings;
    private final AVCodecContext context;
    private final byte[] config;

    /**
     * Opens {@code name} for {@code codec}. Throws {@link EncoderException} when the natives lack
     * it or it refuses to open (a hardware encoder without its driver or device does).
     */
    public FfmpegVideoEncoder(FeedCodec codec, String name, boolean hardware, H264Settings settings)
            throws EncoderException {
        this(codec, name, hardware, settings, true);
    }

    /** {@code withConfig} false: no configuration record (the helper of {@link #firstTemporalUnit}). */
    private FfmpegVideoEncoder(FeedCodec codec, String name, boolean hardware, H264Settings settings,
            boolean withConfig) throws EncoderException {
        this.codec = codec;
        this.name = name;
        this.hardware = hardware;
        this.settings = settings;
        FfmpegLog.configure();
        AVCodec c = avcodec_find_encoder_by_name(name);
        if (c == null || c.isNull()) {
            throw new EncoderException(name + " is not in these FFmpeg natives");
        }
        context = avcodec_alloc_context3(c);
        if (context == null || context.isNull()) {
            throw new EncoderException("cannot allocate a " + name + " context");
        }
        try {
            setUp();
            int rc = avcodec_open2(context, c, (PointerPointer<?>) null);
            if (rc < 0) {
                throw new EncoderException(name + " cannot encode " + settings.width() + "x" + settings.height()
                        + " at " + settings.frameRate() + " fps: " + FfmpegErrors.describe(rc));
            }
            config = withConfig ? configurationRecord() : new byte[0];
        } catch (EncoderException | RuntimeException e) {
            avcodec_free_context(context);
            throw e;
        }
        run(new EncoderLoop(name, context, switch (codec) {
            case H264 -> data -> AvcNalUnits.toAvcc(AvcNalUnits.splitAnnexB(data, data.length));
            case HEVC -> HevcConfigRecord::toLengthPrefixed;
            default -> data -> data;
        }));
    }

    private void setUp() throws EncoderException {
        EncoderLoop.setUpPictures(context, settings);
        context.keyint_min(settings.keyframeIntervalFrames());
        context.max_b_frames(0);
        context.color_primaries(AVCOL_PRI_SMPTE170M);
        context.color_trc(AVCOL_TRC_SMPTE170M);
        for (Map.Entry<String, String> o : OPTIONS.getOrDefault(name, Map.of()).entrySet()) {
            int rc = av_opt_set(context, o.getKey(), o.getValue(), AV_OPT_SEARCH_CHILDREN);
            if (rc < 0) {
                throw new EncoderException(name + " refused " + o.getKey() + "=" + o.getValue() + ": "
                        + FfmpegErrors.describe(rc));
            }
        }
    }

    private byte[] configurationRecord() throws EncoderException {
        int size = context.extradata_size();
        byte[] extradata = new byte[Math.max(0, size)];
        if (size > 0 && context.extradata() != null && !context.extradata().isNull()) {
            context.extradata().position(0).capacity(size).get(extradata);
        }
        try {
            return switch (codec) {
                case H264 -> AvcNalUnits.avcCFromExtradata(extradata);
                case HEVC -> HevcConfigRecord.fromExtradata(extradata);
                case AV1 -> Av1ConfigRecord.fromExtradata(size > 0 ? extradata : firstTemporalUnit());
                case VP9 -> VpConfigRecord.vp9(settings.width(), settings.height(), settings.frameRate());
                default -> throw new EncoderException(codec + " is not a video codec");
            };
        } catch (IllegalArgumentException e) {
            throw new EncoderException(name + " gave no usable " + codec + " configuration (" + size
                    + " bytes of extradata): " + e.getMessage());
        }
    }

    /**
     * The first temporal unit a twin of this encoder (same name, same settings) makes of a grey
     * picture: for an AV1 encoder that leaves its extradata empty (libaom here), its sequence
     * header OBU is the one this encoder writes, so the av1C is built from it.
     */
    private byte[] firstTemporalUnit() throws EncoderException {
        try (FfmpegVideoEncoder twin = new FfmpegVideoEncoder(codec, name, hardware, settings, false)) {
            ByteBuffer grey = ByteBuffer.allocateDirect(settings.yuv420pBytes());
            for (int i = 0; i < settings.yuv420pBytes(); i++) {
                grey.put(i, (byte) GREY);
            }
            List<EncodedPacket> out = new ArrayList<>(twin.encodeYuv420p(grey, 0));
            out.addAll(twin.flush());
            if (out.isEmpty()) {
                throw new EncoderException(name + " made no packet of a grey picture");
            }
            return out.get(0).data();
        }
    }

    @Override
    public FeedCodec codec() {
        return codec;
    }

    @Override
    public String encoderName() {
        return name;
    }

    @Override
    public boolean hardware() {
        return hardware;
    }

    @Override
    public H264Settings settings() {
        return settings;
    }

    @Override
    public byte[] decoderConfig() {
        return config.clone();
    }
}
