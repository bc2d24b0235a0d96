package org.netstreamfx.player.decode;

import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGRA;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.netstreamfx.player.media.TrackFormat;

/**
 * Decodes a video track to BGRA frames in pooled native buffers (libswscale converts from the
 * decoder's format). Thread ownership: the track's decoder thread.
 */
public final class FfmpegVideoDecoder extends FfmpegDecoder {
    private final VideoFramePool pool;
    private final FrameConsumer<VideoFramePool.PooledFrame> out;
    private final AtomicLong decodedFrames = new AtomicLong();
    private final long defaultDurationUs;
    private SwsContext sws;
    private final PointerPointer<?> dstData = new PointerPointer<>(4);
    private final IntPointer dstStride = new IntPointer(4);

    public FfmpegVideoDecoder(TrackFormat format, VideoFramePool pool, FrameConsumer<VideoFramePool.PooledFrame> out)
            throws DecoderException {
        this(format, pool, out, false);
    }

    /**
     * @param live a live stream: each picture is handed on as soon as it can be shown (no frame
     *             threading, whose pipeline holds one picture back; see {@link FfmpegDecoder})
     */
    public FfmpegVideoDecoder(TrackFormat format, VideoFramePool pool, FrameConsumer<VideoFramePool.PooledFrame> out,
            boolean live) throws DecoderException {
        super(format, 2, live);
        this.pool = pool;
        this.out = out;
        this.defaultDurationUs = format.frameRate() > 0 ? Math.round(1_000_000 / format.frameRate()) : 40_000;
    }

    /** Pictures decoded so far (every one, shown or not). */
    public long decodedFrames() {
        return decodedFrames.get();
    }

    @Override
    protected void onFrame(AVFrame f, long epoch) throws InterruptedException {
        decodedFrames.incrementAndGet();
        int w = f.width();
        int h = f.height();
        if (w <= 0 || h <= 0) {
            return;
        }
        sws = sws_getCachedContext(sws, w, h, f.format(), w, h, AV_PIX_FMT_BGRA, SWS_BILINEAR,
                null, null, (DoublePointer) null);
        if (sws == null || sws.isNull()) {
            throw new IllegalStateException(describe() + ": no converter from pixel format " + f.format() + " to BGRA");
        }
        VideoFramePool.PooledFrame target = pool.acquire(w, h);
        if (target == null) {
            return; // pool closed: the stream is closing
        }
        dstData.put(0, target.memory());
        dstStride.put(0, w * 4);
        sws_scale(sws, f.data(), f.linesize(), 0, h, dstData, dstStride);
        long pts = f.best_effort_timestamp();
        if (pts == AV_NOPTS_VALUE) {
            pts = f.pts();
        }
        long dur = f.duration() > 0 ? f.duration() : defaultDurationUs;
        target.setTiming(pts == AV_NOPTS_VALUE ? 0 : pts, dur, epoch);
        out.accept(target, epoch);
    }

    @Override
    public void close() {
        super.close();
        if (sws != null) {
            sws_freeContext(sws);
            sws = null;
        }
        dstData.close();
        dstStride.close();
    }
}
