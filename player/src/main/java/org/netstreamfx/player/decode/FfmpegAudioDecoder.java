package org.netstreamfx.player.decode;

import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_uninit;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc_set_opts2;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;
import static org.bytedeco.ffmpeg.global.swresample.swr_init;

import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.sink.AudioChunk;

/**
 * Decodes an audio track (AAC including SBR and PS, MP3) to 16-bit interleaved PCM with at most
 * two channels (libswresample converts and downmixes). Thread ownership: the decoder thread.
 */
public final class FfmpegAudioDecoder extends FfmpegDecoder {
    private final FrameConsumer<AudioChunk> out;
    private final AtomicLong decodedSamples = new AtomicLong();
    private SwrContext swr;
    private int swrInRate;
    private int swrInFormat = -1;
    private int swrInChannels;
    private int outChannels;
    private BytePointer outBuffer = new BytePointer(0);
    private final PointerPointer<?> outPlanes = new PointerPointer<>(1);

    public FfmpegAudioDecoder(TrackFormat format, FrameConsumer<AudioChunk> out) throws DecoderException {
        super(format, 1);
        this.out = out;
    }

    /** Samples per channel decoded so far. */
    public long decodedSamples() {
        return decodedSamples.get();
    }

    @Override
    protected void onFrame(AVFrame f, long epoch) throws InterruptedException {
        int samples = f.nb_samples();
        if (samples <= 0) {
            return;
        }
        decodedSamples.addAndGet(samples);
        int inChannels = f.ch_layout().nb_channels();
        if (swr == null || f.sample_rate() != swrInRate || f.format() != swrInFormat || inChannels != swrInChannels) {
            configure(f);
        }
        int bytes = samples * outChannels * 2;
        if (outBuffer.capacity() < bytes) {
            outBuffer.close();
            outBuffer = new BytePointer((long) bytes);
        }
        outPlanes.put(0, outBuffer);
        int converted = swr_convert(swr, outPlanes, samples, f.extended_data(), samples);
        if (converted < 0) {
            throw new IllegalStateException(describe() + ": audio conversion failed (" + converted + ")");
        }
        int n = converted * outChannels * 2;
        byte[] pcm = new byte[n];
        outBuffer.position(0).get(pcm, 0, n);
        long pts = f.best_effort_timestamp();
        if (pts == AV_NOPTS_VALUE) {
            pts = f.pts();
        }
        out.accept(new AudioChunk(pts == AV_NOPTS_VALUE ? 0 : pts, f.sample_rate(), outChannels, pcm, n), epoch);
    }

    private void configure(AVFrame f) {
        if (swr != null) {
            swr_free(swr);
        }
        int inChannels = f.ch_layout().nb_channels();
        outChannels = Math.min(2, Math.max(1, inChannels));
        AVChannelLayout outLayout = new AVChannelLayout();
        av_channel_layout_default(outLayout, outChannels);
        SwrContext ctx = new SwrContext(null);
        int rc = swr_alloc_set_opts2(ctx, outLayout, AV_SAMPLE_FMT_S16, f.sample_rate(),
                f.ch_layout(), f.format(), f.sample_rate(), 0, null);
        av_channel_layout_uninit(outLayout);
        if (rc < 0 || swr_init(ctx) < 0) {
            throw new IllegalStateException(describe() + ": cannot convert audio from sample format "
                    + f.format() + " with " + inChannels + " channels");
        }
        swr = ctx;
        swrInRate = f.sample_rate();
        swrInFormat = f.format();
        swrInChannels = inChannels;
    }

    @Override
    public void close() {
        super.close();
        if (swr != null) {
            swr_free(swr);
            swr = null;
        }
        outBuffer.close();
        outPlanes.close();
    }
}
