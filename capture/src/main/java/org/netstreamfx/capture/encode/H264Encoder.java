package org.netstreamfx.capture.encode;

import org.netstreamfx.player.ffmpeg.FfmpegErrors;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PROFILE_H264_CONSTRAINED_BASELINE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PROFILE_H264_HIGH;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PROFILE_H264_MAIN;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_MPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_OPT_SEARCH_CHILDREN;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_I;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_NONE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
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
public final class H264Encoder implements VideoEncoder {
    public static final String LIBX264 = "libx264";
    public static final String LIBOPENH264 = "libopenh264";
    /** The encoders this class knows how to set up, in order of preference. */
    public static final List<String> KNOWN_ENCODERS = List.of(LIBX264, LIBOPENH264);
    private static final int MICROS = 1_000_000;

    private final H264Settings settings;
    private final String encoderName;
    private final AVCodecContext context;
    private final AVPacket packet;
    private final PictureInput picture;
    private final byte[] avcC;
    private volatile boolean keyframeRequested;
    private long lastPtsUs = Long.MIN_VALUE;
    private boolean flushed;

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
        packet = av_packet_alloc();
        PictureInput p;
        try {
            p = new PictureInput(settings.width(), settings.height());
        } catch (EncoderException e) {
            av_packet_free(packet);
            avcodec_free_context(context);
            throw e;
        }
        picture = p;
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
        context.width(settings.width());
        context.height(settings.height());
        context.pix_fmt(AV_PIX_FMT_YUV420P);
        context.time_base(new AVRational().num(1).den(MICROS));
        context.framerate(new AVRational().num(settings.frameRate()).den(1));
        context.bit_rate(settings.bitrateKbps() * 1000L);
        context.rc_max_rate(settings.bitrateKbps() * 1000L);
        context.gop_size(settings.keyframeIntervalFrames());
        context.max_b_frames(settings.bFrames());
        context.thread_count(1);
        context.color_range(AVCOL_RANGE_MPEG);
        context.colorspace(AVCOL_SPC_SMPTE170M);
        context.flags(context.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
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

    /**
     * Makes the next picture an IDR picture, so a receiver can start decoding there: after frames
     * were dropped, after a reconnect, or when a new subscriber joins. Safe from any thread.
     */
    @Override
    public void requestKeyframe() {
        keyframeRequested = true;
    }

    /**
     * Encodes one BGRA picture (rows {@code strideBytes} apart, from the buffer's position) taken at
     * {@code captureTimeUs}, which must be later than the previous picture's. Returns the access
     * units it completes: one per picture without B-frames.
     */
    @Override
    public List<EncodedPacket> encodeBgra(ByteBuffer pixels, int strideBytes, long captureTimeUs)
            throws EncoderException {
        checkTime(captureTimeUs);
        picture.fillFromBgra(pixels, strideBytes);
        return send(picture.frame(), captureTimeUs);
    }

    /**
     * Encodes one packed YUV 4:2:0 picture (Y plane, then U, then V, no padding; BT.601 limited
     * range) taken at {@code captureTimeUs}.
     */
    @Override
    public List<EncodedPacket> encodeYuv420p(ByteBuffer planes, long captureTimeUs) throws EncoderException {
        checkTime(captureTimeUs);
        picture.fillFromYuv420p(planes);
        return send(picture.frame(), captureTimeUs);
    }

    /** End of stream: the access units the encoder still holds. The encoder takes no more pictures. */
    @Override
    public List<EncodedPacket> flush() throws EncoderException {
        if (flushed) {
            return List.of();
        }
        flushed = true;
        return send(null, 0);
    }

    private void checkTime(long captureTimeUs) {
        if (flushed) {
            throw new IllegalStateException("the encoder was flushed and takes no more pictures");
        }
        if (captureTimeUs <= lastPtsUs) {
            throw new IllegalArgumentException("capture time " + captureTimeUs + " us is not after the previous picture's "
                    + lastPtsUs + " us");
        }
        lastPtsUs = captureTimeUs;
    }

    private List<EncodedPacket> send(AVFrame frame, long ptsUs) throws EncoderException {
        if (frame != null) {
            frame.pts(ptsUs);
            boolean key = keyframeRequested;
            keyframeRequested = false;
            frame.pict_type(key ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE);
        }
        int rc = avcodec_send_frame(context, frame);
        if (rc < 0 && rc != AVERROR_EOF) {
            throw new EncoderException(encoderName + " refused the picture at " + ptsUs + " us: " + FfmpegErrors.describe(rc));
        }
        List<EncodedPacket> out = new ArrayList<>(1);
        while (true) {
            rc = avcodec_receive_packet(context, packet);
            if (rc == FfmpegErrors.EAGAIN || rc == AVERROR_EOF) {
                return out;
            }
            if (rc < 0) {
                throw new EncoderException(encoderName + " failed to encode: " + FfmpegErrors.describe(rc));
            }
            try {
                out.add(toPacket());
            } finally {
                av_packet_unref(packet);
            }
        }
    }

    private EncodedPacket toPacket() throws EncoderException {
        int size = packet.size();
        if (size <= 0) {
            throw new EncoderException(encoderName + " produced an empty access unit");
        }
        byte[] annexB = new byte[size];
        packet.data().position(0).capacity(size).get(annexB);
        byte[] avcc = AvcNalUnits.toAvcc(AvcNalUnits.splitAnnexB(annexB, size));
        long pts = packet.pts();
        long dts = packet.dts() == org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE ? pts : packet.dts();
        return new EncodedPacket(pts, Math.min(dts, pts), (packet.flags() & AV_PKT_FLAG_KEY) != 0, avcc);
    }

    private String describeSettings() {
        return settings.width() + "x" + settings.height() + " at " + settings.frameRate() + " fps, "
                + settings.bitrateKbps() + " kbit/s, profile " + settings.profile() + ", " + settings.bFrames()
                + " B-frames";
    }

    @Override
    public void close() {
        picture.close();
        av_packet_free(packet);
        avcodec_free_context(context);
    }
}
