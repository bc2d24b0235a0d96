package org.netstreamfx.capture.encode;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_MPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_I;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_NONE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.netstreamfx.player.ffmpeg.FfmpegErrors;

/**
 * The picture-in, packets-out loop every libavcodec video encoder here runs, whatever its codec:
 * capture times strictly rising, a keyframe on request, send the picture (or the end), receive
 * every packet it completes, stamp it (µs), and turn its bytes into what RTMP carries for the
 * codec ({@link Body}). Owns the opened context (freed on close), the packet and the input picture.
 *
 * <p>Thread ownership: one thread at a time, except {@link #requestKeyframe()}.
 */
final class EncoderLoop implements AutoCloseable {
    /** What RTMP carries of one packet's bytes (Annex B to length-prefixed, or as is). */
    @FunctionalInterface
    interface Body {
        byte[] of(byte[] packetData);
    }

    private static final int MICROS = 1_000_000;

    private final String name;
    private final AVCodecContext context;
    private final Body body;
    private final AVPacket packet;
    private final PictureInput picture;
    private volatile boolean keyframeRequested;
    private long lastPtsUs = Long.MIN_VALUE;
    private boolean flushed;

    /**
     * Takes over the opened {@code context} of encoder {@code name}; on failure it is freed here.
     */
    EncoderLoop(String name, AVCodecContext context, Body body) throws EncoderException {
        this.name = name;
        this.context = context;
        this.body = body;
        PictureInput p;
        try {
            p = new PictureInput(context.width(), context.height());
        } catch (EncoderException e) {
            avcodec_free_context(context);
            throw e;
        }
        picture = p;
        packet = av_packet_alloc();
    }

    /**
     * What every encoder here is set up with: the settings' size, 8-bit YUV 4:2:0 BT.601 limited
     * range pictures stamped in µs, its frame rate, bit rate and keyframe interval, and the
     * parameter sets in the extradata (AV_CODEC_FLAG_GLOBAL_HEADER) rather than only in-band.
     */
    static void setUpPictures(AVCodecContext context, H264Settings settings) {
        context.width(settings.width());
        context.height(settings.height());
        context.pix_fmt(AV_PIX_FMT_YUV420P);
        context.time_base(new AVRational().num(1).den(MICROS));
        context.framerate(new AVRational().num(settings.frameRate()).den(1));
        context.bit_rate(settings.bitrateKbps() * 1000L);
        context.gop_size(settings.keyframeIntervalFrames());
        context.color_range(AVCOL_RANGE_MPEG);
        context.colorspace(AVCOL_SPC_SMPTE170M);
        context.flags(context.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
    }

    void requestKeyframe() {
        keyframeRequested = true;
    }

    List<EncodedPacket> encodeBgra(ByteBuffer pixels, int strideBytes, long captureTimeUs) throws EncoderException {
        checkTime(captureTimeUs);
        picture.fillFromBgra(pixels, strideBytes);
        return send(picture.frame(), captureTimeUs);
    }

    List<EncodedPacket> encodeYuv420p(ByteBuffer planes, long captureTimeUs) throws EncoderException {
        checkTime(captureTimeUs);
        picture.fillFromYuv420p(planes);
        return send(picture.frame(), captureTimeUs);
    }

    /** End of stream: what the encoder still holds; it takes no more pictures. */
    List<EncodedPacket> flush() throws EncoderException {
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
            throw new EncoderException(name + " refused the picture at " + ptsUs + " us: " + FfmpegErrors.describe(rc));
        }
        List<EncodedPacket> out = new ArrayList<>(1);
        while ((rc = avcodec_receive_packet(context, packet)) >= 0) {
            try {
                out.add(toPacket());
            } finally {
                av_packet_unref(packet);
            }
        }
        if (rc != FfmpegErrors.EAGAIN && rc != AVERROR_EOF) {
            throw new EncoderException(name + " failed to encode: " + FfmpegErrors.describe(rc));
        }
        return out;
    }

    private EncodedPacket toPacket() throws EncoderException {
        int size = packet.size();
        if (size <= 0) {
            throw new EncoderException(name + " produced an empty access unit");
        }
        byte[] data = new byte[size];
        packet.data().position(0).capacity(size).get(data);
        long pts = packet.pts();
        long dts = packet.dts() == AV_NOPTS_VALUE ? pts : packet.dts();
        return new EncodedPacket(pts, Math.min(dts, pts), (packet.flags() & AV_PKT_FLAG_KEY) != 0, body.of(data));
    }

    @Override
    public void close() {
        picture.close();
        av_packet_free(packet);
        avcodec_free_context(context);
    }
}
