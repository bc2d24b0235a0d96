package org.netstreamfx.player.decode;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_SKIP_SAMPLES;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_new_side_data;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_profile_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;
import org.netstreamfx.player.ffmpeg.CodecContexts;
import org.netstreamfx.player.media.MediaPacket;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.ffmpeg.FfmpegErrors;

/**
 * The libavcodec send/receive loop shared by the audio and video decoders: opens the decoder from
 * a {@link TrackFormat}, feeds owned packets, and hands each decoded AVFrame to the subclass.
 *
 * <p>Thread ownership: every method runs on the track's decoder thread.
 */
public abstract class FfmpegDecoder implements AutoCloseable {
    /** FFmpeg's AVERROR_INVALIDDATA, FFERRTAG('I','N','D','A'): "Invalid data found when processing input". */
    protected static final int AVERROR_INVALIDDATA = -0x41444E49;
    private static final int AVERROR_EAGAIN = FfmpegErrors.EAGAIN;

    protected final TrackFormat format;
    protected final AVCodecContext context;
    private final AVPacket packet;
    private final AVFrame frame;
    /** The error a frame of the packet being decoded was rejected with, or 0. */
    private int frameError;

    protected FfmpegDecoder(TrackFormat format, int threads) throws DecoderException {
        this(format, threads, false);
    }

    /**
     * @param lowDelay no frame threading: with it libavcodec holds back {@code threads - 1}
     *                 pictures before the first comes out (one frame period, 33 ms at 30 fps, on
     *                 every picture of a live stream); slice threading, which adds no delay, is
     *                 kept. Reordering (B-frames) is unaffected: pictures still come out in
     *                 presentation order.
     */
    protected FfmpegDecoder(TrackFormat format, int threads, boolean lowDelay) throws DecoderException {
        this.format = format;
        org.netstreamfx.player.ffmpeg.FfmpegLog.configure();
        AVCodec codec = avcodec_find_decoder(format.codec().ffmpegId());
        if (codec == null || codec.isNull()) {
            throw new DecoderException(describe() + ": this FFmpeg build has no " + format.codec().displayName() + " decoder");
        }
        context = avcodec_alloc_context3(codec);
        CodecContexts.setExtradata(context, format.extradata());
        if (format.width() > 0) {
            context.width(format.width());
            context.height(format.height());
        }
        if (format.reorderDepth() > 0) {
            // Without it an H.264 decoder learns the depth only after emitting a frame out of order.
            context.has_b_frames(format.reorderDepth());
        }
        if (format.sampleRateHz() > 0) {
            context.sample_rate(format.sampleRateHz());
        }
        context.pkt_timebase(new AVRational().num(1).den(1_000_000));
        context.thread_count(threads);
        if (lowDelay) {
            context.thread_type(AVCodecContext.FF_THREAD_SLICE);
        }
        int rc = avcodec_open2(context, codec, (PointerPointer<?>) null);
        if (rc < 0) {
            avcodec_free_context(context);
            throw new DecoderException(describe() + ": the decoder refused the track's configuration ("
                    + FfmpegErrors.describe(rc) + ")");
        }
        packet = av_packet_alloc();
        frame = av_frame_alloc();
    }

    /** The track format this decoder was opened for. */
    public TrackFormat format() {
        return format;
    }

    /** "track 1 (AAC HE-AACv2)". */
    public String describe() {
        return "track " + format.index() + " (" + format.codec().displayName()
                + (format.profile().isEmpty() ? "" : " " + format.profile()) + ")";
    }

    /**
     * Decodes one packet and hands every frame it completes to {@link #onFrame}. Returns the
     * libavcodec error of send_packet, or the error a frame of this packet was rejected with
     * ({@link #rejectFrame}), or 0.
     */
    public int decode(MediaPacket p, int skipStartSamples, int skipEndSamples, long epoch) throws InterruptedException {
        frameError = 0;
        av_packet_unref(packet);
        if (av_new_packet(packet, p.data().length) < 0) {
            throw new OutOfMemoryError("av_new_packet(" + p.data().length + ")");
        }
        packet.data().capacity(p.data().length).put(p.data(), 0, p.data().length);
        packet.pts(p.ptsUs());
        packet.dts(p.dtsUs());
        packet.duration(p.durationUs());
        if (p.keyframe()) {
            packet.flags(packet.flags() | AV_PKT_FLAG_KEY);
        }
        if (skipStartSamples != 0 || skipEndSamples != 0) {
            BytePointer side = av_packet_new_side_data(packet, AV_PKT_DATA_SKIP_SAMPLES, 10);
            side.capacity(10);
            side.putInt(0, skipStartSamples);
            side.putInt(4, skipEndSamples);
            side.put(8, (byte) 0).put(9, (byte) 0);
        }
        int rc = avcodec_send_packet(context, packet);
        av_packet_unref(packet);
        receiveAll(epoch);
        int sent = rc == AVERROR_EAGAIN ? 0 : Math.min(rc, 0);
        return sent < 0 ? sent : frameError;
    }

    /**
     * Called from {@link #onFrame}: this frame cannot be used (e.g. a channel layout a corrupt
     * packet decoded to that cannot be converted); the packet then counts as a decode error
     * ({@code averror}) instead of ending the track.
     */
    protected final void rejectFrame(int averror) {
        frameError = averror;
    }

    /** End of stream: returns the frames the decoder still holds (B-frame reordering, delay). */
    public void drain(long epoch) throws InterruptedException {
        avcodec_send_packet(context, (AVPacket) null);
        receiveAll(epoch);
    }

    /** After a seek: forgets reference frames and delayed output. */
    public void flush() {
        avcodec_flush_buffers(context);
    }

    /** The profile the decoder found in the bitstream (e.g. implicit SBR/PS), or "" . */
    public String detectedProfile() {
        BytePointer name = avcodec_profile_name(context.codec_id(), context.profile());
        return name == null ? "" : name.getString();
    }

    private void receiveAll(long epoch) throws InterruptedException {
        while (true) {
            int rc = avcodec_receive_frame(context, frame);
            if (rc == AVERROR_EAGAIN || rc == AVERROR_EOF || rc < 0) {
                return;
            }
            try {
                onFrame(frame, epoch);
            } finally {
                av_frame_unref(frame);
            }
        }
    }

    /** One decoded frame; valid only during the call. */
    protected abstract void onFrame(AVFrame decoded, long epoch) throws InterruptedException;

    @Override
    public void close() {
        av_frame_free(frame);
        av_packet_free(packet);
        avcodec_free_context(context);
    }
}
