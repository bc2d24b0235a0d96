package org.netstreamfx.player.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;

import java.util.Optional;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.PointerPointer;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.media.TrackKind;

/**
 * The picture size of a video track that does not play (an Enhanced RTMP multitrack stream's
 * other renditions), for the track listing: libavcodec decodes the track's first keyframe with its
 * configuration, on one thread, and tells the size; nothing is kept. The decoder FFmpeg has for the
 * codec reads the size from the bitstream (SPS, sequence header, VP9 frame header) as it would
 * for playing, so every codec it plays is sized the same way.
 *
 * <p>Thread ownership: any thread; each call has its own decoder.
 */
public final class VideoSizeProbe {
    /** Picture size in pixels. */
    public record Size(int width, int height) { }

    /** A keyframe larger than this is not probed (the listing goes without the size). */
    public static final int MAX_KEYFRAME_BYTES = 16 * 1024 * 1024;

    private VideoSizeProbe() {
    }

    /** The size {@code keyframe} of a track configured as {@code format} decodes to, when libavcodec can tell. */
    public static Optional<Size> of(TrackFormat format, byte[] keyframe) {
        if (format.kind() != TrackKind.VIDEO || keyframe.length == 0 || keyframe.length > MAX_KEYFRAME_BYTES) {
            return Optional.empty();
        }
        FfmpegLog.configure();
        AVCodec codec = avcodec_find_decoder(format.codec().ffmpegId());
        if (codec == null || codec.isNull()) {
            return Optional.empty();
        }
        AVCodecContext context = avcodec_alloc_context3(codec);
        AVPacket packet = av_packet_alloc();
        AVFrame frame = av_frame_alloc();
        try {
            CodecContexts.setExtradata(context, format.extradata());
            context.thread_count(1);
            if (avcodec_open2(context, codec, (PointerPointer<?>) null) < 0 || av_new_packet(packet, keyframe.length) < 0) {
                return Optional.empty();
            }
            packet.data().capacity(keyframe.length).put(keyframe, 0, keyframe.length);
            packet.flags(packet.flags() | AV_PKT_FLAG_KEY);
            if (avcodec_send_packet(context, packet) < 0) {
                return Optional.empty();
            }
            if (context.width() <= 0) {
                avcodec_send_packet(context, (AVPacket) null); // drain: the size is known once a picture is out
                if (avcodec_receive_frame(context, frame) < 0) {
                    return Optional.empty();
                }
            }
            return context.width() > 0 && context.height() > 0
                    ? Optional.of(new Size(context.width(), context.height())) : Optional.empty();
        } finally {
            av_frame_free(frame);
            av_packet_free(packet);
            avcodec_free_context(context);
        }
    }
}
