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
 * Decodes an audio track (AAC including SBR and PS, MP3, Opus, FLAC, AC-3, E-AC-3) to 16-bit
 * interleaved PCM with at most two channels (libswresample converts and downmixes). Thread
 * ownership: the decoder thread.
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
        int inChannels = f.ch_layout().nb_channels();
        if (swr == null || f.sample_rate() != swrInRate || f.format() != swrInFormat || inChannels != swrInChannels) {
            if (!configure(f)) {
                // A corrupt packet can decode to a frame no stream of this track has: in one fuzzed MP4,
                // AAC-LC stereo gave a 47-channel frame. That packet is a decode error, not the end of
                // the track (found by FileMutantFuzzTest, "mp4:dup@35804+2006").
                rejectFrame(AVERROR_INVALIDDATA);
                return;
            }
        }
        int bytes = samples * outChannels * 2;
        if (outBuffer.capacity() < bytes) {
            outBuffer.close();
            outBuffer = new BytePointer((long) bytes);
        }
        outPlanes.put(0, outBuffer);
        int converted = swr_convert(swr, outPlanes, samples, f.extended_data(), samples);
        if (converted < 0) {
            rejectFrame(converted);
            return;
        }
        decodedSamples.addAndGet(samples);
        int n = converted * outChannels * 2;
        byte[] pcm = new byte[n];
        outBuffer.position(0).get(pcm, 0, n);
        long pts = f.best_effort_timestamp();
        if (pts == AV_NOPTS_VALUE) {
            pts = f.pts();
        }
        out.accept(new AudioChunk(pts == AV_NOPTS_VALUE ? 0 : pts, f.sample_rate(), outChannels, pcm, n), epoch);
    }

    /** Sets up the converter for {@code f}'s rate, format and channels; false if libswresample cannot. */
    private boolean configure(AVFrame f) {
        if (swr != null) {
            swr_free(swr);
            swr = null;
            swrInFormat = -1;
        }
        int inChannels = f.ch_layout().nb_channels();
        int channels = Math.min(2, Math.max(1, inChannels));
        AVChannelLayout outLayout = new AVChannelLayout();
        av_channel_layout_default(outLayout, channels);
        SwrContext ctx = new SwrContext(null);
        int rc = swr_alloc_set_opts2(ctx, outLayout, AV_SAMPLE_FMT_S16, f.sample_rate(),
                f.ch_layout(), f.format(), f.sample_rate(), 0, null);
        av_channel_layout_uninit(outLayout);
        if (rc < 0 || swr_init(ctx) < 0) {
            swr_free(ctx);
            return false;
        }
        swr = ctx;
        outChannels = channels;
        swrInRate = f.sample_rate();
        swrInFormat = f.format();
        swrInChannels = inChannels;
        return true;
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
