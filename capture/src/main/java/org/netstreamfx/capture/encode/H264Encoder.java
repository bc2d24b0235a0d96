package org.netstreamfx.capture.encode;

import org.netstreamfx.player.ffmpeg.FfmpegErrors;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PROFILE_H264_CONSTRAINED_BASELINE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PROFILE_H264_HIGH;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PROFILE_H264_MAIN;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avutil.AV_OPT_SEARCH_CHILDREN;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.javacpp.PointerPointer;
import org.netstreamfx.player.ffmpeg.FfmpegLog;

/**
 * H.264 encoding through libavcodec: BGRA or YUV 4:2:0 pictures stamped with their capture time
 * (µs) in, access units in AVCC form out, plus the AVCDecoderConfigurationRecord (ISO/IEC 14496-15
 * 5.3.3.1) built from the SPS and PPS the encoder puts in its extradata when opened with
 * AV_CODEC_FLAG_GLOBAL_HEADER (Annex B there, converted here).
 *
 * <p>The encoder is libx264 when the FFmpeg natives carry it (the {@code -Pgpl} build) and
 * libopenh264 otherwise, or the one {@link H264Settings#encoderName()} names. Both are set up for
 * live streaming: no B-frames unless asked, an IDR picture every {@link
 * H264Settings#keyframeIntervalFrames()} frames and no scene-cut keyframes in between, bit-rate
 * rate control, no skipped frames; libx264 also gets {@code tune=zerolatency} (no lookahead, no
 * frame threads), so each picture in gives its access unit out at once.
 *
 * <p>Thread ownership: one thread at a time (the capture pipeline's video encoder thread), except
 * {@link #requestKeyframe()}, which any thread may call.
 */
public final class H264Encoder extends LoopVideoEncoder {
    public static final String LIBX264 = "libx264";
    public static final String LIBOPENH264 = "libopenh264";
    /** The encoders this class knows how to set up, in order of preference. */
    public static final List<String> KNOWN_ENCODERS = List.of(LIBX264, LIBOPENH264);

    private final H264Settings settings;
    private final String encoderName;
    private final AVCodecContext context;
    private final byte[] avcC;

    /**
     * Opens the encoder. Throws {@link EncoderException} when the natives have no H.264 encoder
     * (or not the one asked for) or when it refuses the settings.
     */
    public H264Encoder(H264Settings settings) throws EncoderException {
        this.settings = settings;
        FfmpegLog.configure();
        this.encoderName = choose(settings.encoderName());
        if (encoderName.equals(LIBOPENH264) && settings.profile() == H264Profile.MAIN) {
            // FFmpeg's libopenh264 wrapper turns Main into Constrained Baseline without a word.
            throw new EncoderException("libopenh264 makes Constrained Baseline or High, not Main: ask for BASELINE or "
                    + "HIGH, or use libx264 (the -Pgpl natives)");
        }
        AVCodec codec = avcodec_find_encoder_by_name(encoderName);
        context = avcodec_alloc_context3(codec);
        if (context == null || context.isNull()) {
            throw new EncoderException("cannot allocate a " + encoderName + " context");
        }
        try {
            configure();
            int rc = avcodec_open2(context, codec, (PointerPointer<?>) null);
            if (rc < 0) {
                throw new EncoderException(encoderName + " refused " + describeSettings() + ": " + FfmpegErrors.describe(rc));
            }
            avcC = readAvcC();
        } catch (EncoderException | RuntimeException e) {
            avcodec_free_context(context);
            throw e;
        }
        run(new EncoderLoop(encoderName, context,
                annexB -> AvcNalUnits.toAvcc(AvcNalUnits.splitAnnexB(annexB, annexB.length))));
    }

    /** The H.264 encoders these FFmpeg natives have, among {@link #KNOWN_ENCODERS}, best first. */
    public static List<String> availableEncoders() {
        FfmpegLog.configure();
        List<String> found = new ArrayList<>();
        for (String name : KNOWN_ENCODERS) {
            AVCodec c = avcodec_find_encoder_by_name(name);
            if (c != null && !c.isNull()) {
                found.add(name);
            }
        }
        return found;
    }

    private static String choose(String wanted) throws EncoderException {
        List<String> available = availableEncoders();
        if (wanted.isEmpty()) {
            if (available.isEmpty()) {
                throw new EncoderException("these FFmpeg natives have no H.264 encoder (neither " + KNOWN_ENCODERS
                        + "); use the default natives (libopenh264) or build with -Pgpl (libx264)");
            }
            return available.get(0);
        }
        if (!available.contains(wanted)) {
            throw new EncoderException("H.264 encoder " + wanted + " is not in these FFmpeg natives; they have "
                    + (available.isEmpty() ? "none" : available) + (wanted.equals(LIBX264)
                    ? " (libx264 comes with the GPL natives: build with -Pgpl)" : ""));
        }
        return wanted;
    }

    private void configure() throws EncoderException {
        EncoderLoop.setUpPictures(context, settings);
        context.rc_max_rate(settings.bitrateKbps() * 1000L);
        context.max_b_frames(settings.bFrames());
        context.thread_count(1);
        context.profile(switch (settings.profile()) {
            case BASELINE -> AV_PROFILE_H264_CONSTRAINED_BASELINE;
            case MAIN -> AV_PROFILE_H264_MAIN;
            case HIGH -> AV_PROFILE_H264_HIGH;
        });
        if (encoderName.equals(LIBX264)) {
            option("preset", "veryfast");
            option("tune", "zerolatency");
            option("profile", settings.profile().x264Name());
            option("forced-idr", "1");
            option("x264-params", "scenecut=0:keyint_min=" + settings.keyframeIntervalFrames()
                    + ":bframes=" + settings.bFrames() + ":rc-lookahead=0");
            context.rc_buffer_size(settings.bitrateKbps() * 1000);
        } else {
            option("rc_mode", "bitrate");
            option("allow_skip_frames", "0");
        }
    }

    private void option(String name, String value) throws EncoderException {
        int rc = av_opt_set(context, name, value, AV_OPT_SEARCH_CHILDREN);
        if (rc < 0) {
            throw new EncoderException(encoderName + " option " + name + "=" + value + " was refused: "
                    + FfmpegErrors.describe(rc));
        }
    }

    private byte[] readAvcC() throws EncoderException {
        int size = context.extradata_size();
        if (size <= 0 || context.extradata() == null || context.extradata().isNull()) {
            throw new EncoderException(encoderName + " gave no SPS/PPS in its extradata (AV_CODEC_FLAG_GLOBAL_HEADER)");
        }
        byte[] extradata = new byte[size];
        context.extradata().position(0).capacity(size).get(extradata);
        try {
            return AvcNalUnits.avcCFromExtradata(extradata);
        } catch (IllegalArgumentException e) {
            throw new EncoderException(encoderName + " extradata (" + size + " bytes) is not usable: " + e.getMessage());
        }
    }

    /** The encoder in use: {@link #LIBX264} or {@link #LIBOPENH264}. */
    @Override
    public String encoderName() {
        return encoderName;
    }

    @Override
    public H264Settings settings() {
        return settings;
    }

    @Override
    public org.netstreamfx.player.publish.FeedCodec codec() {
        return org.netstreamfx.player.publish.FeedCodec.H264;
    }

    /** Software: libx264 and libopenh264 run on the CPU. */
    @Override
    public boolean hardware() {
        return false;
    }

    /** The avcC. */
    @Override
    public byte[] decoderConfig() {
        return avcC();
    }

    /** The AVCDecoderConfigurationRecord (avcC) for the FLV/RTMP sequence header and MP4 'avcC' box. */
    public byte[] avcC() {
        return avcC.clone();
    }

    /** profile_idc the encoder really wrote (66 Baseline, 77 Main, 100 High), from the SPS. */
    public int profileIdc() {
        return avcC[1] & 0xFF;
    }

    /** level_idc from the SPS, e.g. 30 for level 3.0. */
    public int levelIdc() {
        return avcC[3] & 0xFF;
    }

    private String describeSettings() {
        return settings.width() + "x" + settings.height() + " at " + settings.frameRate() + " fps, "
                + settings.bitrateKbps() + " kbit/s, profile " + settings.profile() + ", " + settings.bFrames()
                + " B-frames";
    }
}
