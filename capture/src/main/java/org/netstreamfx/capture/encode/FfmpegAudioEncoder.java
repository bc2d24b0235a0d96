package org.netstreamfx.capture.encode;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_sample_fmt_is_planar;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.netstreamfx.player.ffmpeg.FfmpegErrors;
import java.nio.FloatBuffer;
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
 * What the libavcodec audio encoders share (FFmpeg's {@code aac}, {@code libopus}): interleaved
 * 16-bit PCM in, gathered into the codec's frames (planar or interleaved float), packets out, plus
 * the codec's header from its extradata.
 *
 * <p>Timestamps come from the sample count, not from each chunk's capture time (which jitters with
 * the audio device's buffering): the first chunk's capture time anchors the stream, and frame n is
 * stamped {@code anchor + n * frameSamples / sampleRate}. The first frame holds the encoder's
 * priming ({@link #primingSamples()} of silence, which FLV cannot signal), so decoded audio runs
 * that much behind the capture clock, the same for the whole stream.
 *
 * <p>Thread ownership: one thread at a time (the capture pipeline's audio encoder thread).
 */
abstract class FfmpegAudioEncoder implements AudioEncoder {
    private static final float SCALE = 1f / 32768f;

    private final String label;
    private final AacSettings settings;
    private final AVCodecContext context;
    private final AVPacket packet;
    private final AVFrame frame;
    private final byte[] header;
    private final int primingSamples;
    private final int frameSamples;
    private final boolean planar;
    private final FloatBuffer[] planes;
    private int filled;
    private long samplesQueued;
    private long anchorUs;
    private boolean anchored;
    private boolean flushed;

    /**
     * Opens {@code codecName} for {@code settings} taking {@code sampleFormat}; {@code profile} is
     * set unless negative. {@code label} names the encoder in messages ("the AAC encoder"), and
     * {@code check} says what is wrong with the opened encoder's frame size and header, or null.
     */
    FfmpegAudioEncoder(String codecName, String label, AacSettings settings, int sampleFormat, int profile,
            OpenCheck check) throws EncoderException {
        this.label = label;
        this.settings = settings;
        FfmpegLog.configure();
        AVCodec codec = avcodec_find_encoder_by_name(codecName);
        if (codec == null || codec.isNull()) {
            throw new EncoderException("these FFmpeg natives have no " + label + " (\"" + codecName + "\")");
        }
        context = avcodec_alloc_context3(codec);
        context.sample_fmt(sampleFormat);
        context.sample_rate(settings.sampleRateHz());
        av_channel_layout_default(context.ch_layout(), settings.channels());
        context.bit_rate(settings.bitrateKbps() * 1000L);
        context.time_base(new AVRational().num(1).den(settings.sampleRateHz()));
        if (profile >= 0) {
            context.profile(profile);
        }
        context.flags(context.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
        int rc = avcodec_open2(context, codec, (PointerPointer<?>) null);
        if (rc < 0) {
            avcodec_free_context(context);
            throw new EncoderException(label + " refused " + settings + ": " + FfmpegErrors.describe(rc));
        }
        frameSamples = context.frame_size();
        String problem = check.problem(frameSamples, context.extradata_size());
        if (problem != null) {
            avcodec_free_context(context);
            throw new EncoderException(problem);
        }
        header = new byte[context.extradata_size()];
        context.extradata().position(0).capacity(header.length).get(header);
        primingSamples = Math.max(0, context.initial_padding());
        planar = av_sample_fmt_is_planar(sampleFormat) != 0;
        packet = av_packet_alloc();
        frame = av_frame_alloc();
        frame.format(sampleFormat).nb_samples(frameSamples).sample_rate(settings.sampleRateHz());
        av_channel_layout_default(frame.ch_layout(), settings.channels());
        rc = av_frame_get_buffer(frame, 0);
        if (rc < 0) {
            close();
            throw new EncoderException("cannot allocate an input frame for " + label + ": " + FfmpegErrors.describe(rc));
        }
        planes = new FloatBuffer[planar ? settings.channels() : 1];
    }

    /** What an opened encoder must satisfy. */
    @FunctionalInterface
    interface OpenCheck {
        /** Null when {@code frameSize} and {@code headerBytes} suit the codec, else why not. */
        String problem(int frameSize, int headerBytes);
    }
    public AacSettings settings() {
        return settings;
    }

    /** The codec's header, from the encoder's extradata. */
    @Override
    public byte[] decoderConfig() {
        return header.clone();
    }

    /** Samples per channel in each frame the encoder takes (1024 for AAC-LC, 960 for 20 ms of Opus). */
    public int frameSamples() {
        return frameSamples;
    }

    /** Samples of silence the encoder puts before the first input sample (its priming, or pre-skip). */
    public int primingSamples() {
        return primingSamples;
    }

    /**
     * Encodes {@code length} interleaved samples from {@code pcm[offset]} (a multiple of the channel
     * count). {@code captureTimeUs} is the capture time of the first sample; only the first call's
     * is used (see the class comment). Returns the frames completed.
     */
    @Override
    public List<EncodedPacket> encode(short[] pcm, int offset, int length, long captureTimeUs)
            throws EncoderException {
        if (offset < 0 || length < 0 || offset > pcm.length - length) {
            throw new IndexOutOfBoundsException("offset " + offset + " length " + length + " in " + pcm.length);
        }
        return encode(ShortSource.of(pcm, offset), length, captureTimeUs);
    }

    /**
     * Encodes 16-bit interleaved samples from the buffer's position to its limit, in the buffer's
     * byte order (javax.sound lines are usually little-endian: set {@link ByteOrder#LITTLE_ENDIAN}).
     */
    public List<EncodedPacket> encode(ByteBuffer pcm, long captureTimeUs) throws EncoderException {
        if ((pcm.remaining() & 1) != 0) {
            throw new IllegalArgumentException("16-bit PCM has an even number of bytes, got " + pcm.remaining());
        }
        int base = pcm.position();
        List<EncodedPacket> out = encode(i -> pcm.getShort(base + 2 * i), pcm.remaining() / 2, captureTimeUs);
        pcm.position(pcm.limit());
        return out;
    }

    /** Reads sample i of a chunk. */
    private interface ShortSource {
        short get(int i);

        static ShortSource of(short[] a, int offset) {
            return i -> a[offset + i];
        }
    }

    private List<EncodedPacket> encode(ShortSource src, int length, long captureTimeUs) throws EncoderException {
        if (flushed) {
            throw new IllegalStateException("the encoder was flushed and takes no more samples");
        }
        int channels = settings.channels();
        if (length % channels != 0) {
            throw new IllegalArgumentException(length + " samples do not divide into " + channels + " channels");
        }
        if (!anchored) {
            anchorUs = captureTimeUs;
            anchored = true;
        }
        List<EncodedPacket> out = new ArrayList<>(2);
        int frames = length / channels;
        for (int f = 0; f < frames; f++) {
            if (filled == 0) {
                startFrame();
            }
            for (int c = 0; c < channels; c++) {
                float v = src.get(f * channels + c) * SCALE;
                if (planar) {
                    planes[c].put(filled, v);
                } else {
                    planes[0].put(filled * channels + c, v);
                }
            }
            if (++filled == frameSamples) {
                sendFrame(out);
            }
        }
        return out;
    }

    /** End of stream: encodes the partial last frame and drains the encoder. */
    @Override
    public List<EncodedPacket> flush() throws EncoderException {
        if (flushed) {
            return List.of();
        }
        flushed = true;
        List<EncodedPacket> out = new ArrayList<>(3);
        if (filled > 0) {
            frame.nb_samples(filled);
            sendFrame(out);
        }
        drain(null, out);
        return out;
    }

    private void startFrame() throws EncoderException {
        int rc = av_frame_make_writable(frame);
        if (rc < 0) {
            throw new EncoderException("cannot reuse the input frame of " + label + ": " + FfmpegErrors.describe(rc));
        }
        long planeBytes = frameSamples * (long) Float.BYTES * (planar ? 1 : settings.channels());
        for (int c = 0; c < planes.length; c++) {
            planes[c] = frame.data(c).position(0).capacity(planeBytes).asByteBuffer()
                    .order(ByteOrder.nativeOrder()).asFloatBuffer();
        }
    }

    private void sendFrame(List<EncodedPacket> out) throws EncoderException {
        frame.pts(samplesQueued);
        samplesQueued += filled;
        filled = 0;
        drain(frame, out);
    }

    private void drain(AVFrame input, List<EncodedPacket> out) throws EncoderException {
        int rc = avcodec_send_frame(context, input);
        if (rc < 0 && rc != AVERROR_EOF) {
            throw new EncoderException(label + " refused samples: " + FfmpegErrors.describe(rc));
        }
        while (true) {
            rc = avcodec_receive_packet(context, packet);
            if (rc == FfmpegErrors.EAGAIN || rc == AVERROR_EOF) {
                return;
            }
            if (rc < 0) {
                throw new EncoderException(label + " failed: " + FfmpegErrors.describe(rc));
            }
            try {
                int size = packet.size();
                if (size <= 0) {
                    throw new EncoderException(label + " produced an empty frame");
                }
                byte[] data = new byte[size];
                packet.data().position(0).capacity(size).get(data);
                // packet.pts counts samples from the first input sample, minus the priming.
                long samples = packet.pts() + primingSamples;
                long ptsUs = anchorUs + Math.floorDiv(samples * 1_000_000L, settings.sampleRateHz());
                out.add(new EncodedPacket(ptsUs, ptsUs, true, data));
            } finally {
                av_packet_unref(packet);
            }
        }
    }

    @Override
    public final void close() {
        if (frame != null) {
            av_frame_free(frame);
        }
        if (packet != null) {
            av_packet_free(packet);
        }
        avcodec_free_context(context);
    }
}
