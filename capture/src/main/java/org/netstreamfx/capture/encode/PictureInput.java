package org.netstreamfx.capture.encode;

import org.netstreamfx.player.ffmpeg.FfmpegErrors;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGRA;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import java.nio.ByteBuffer;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * The encoder's input picture: one YUV 4:2:0 AVFrame, filled from BGRA (through libswscale, BT.601
 * limited range) or from packed YUV 4:2:0 planes. Owns the frame, the scaler and a staging copy of
 * the BGRA picture; nothing frame-sized is allocated per frame.
 *
 * <p>Thread ownership: the encoder's thread.
 */
final class PictureInput implements AutoCloseable {
    private final int width;
    private final int height;
    private final AVFrame frame;
    private SwsContext scaler;
    private BytePointer bgraStaging;
    private PointerPointer<BytePointer> srcPlanes;
    private IntPointer srcStrides;
    private PointerPointer<BytePointer> dstPlanes;
    private IntPointer dstStrides;

    PictureInput(int width, int height) throws EncoderException {
        this.width = width;
        this.height = height;
        frame = av_frame_alloc();
        frame.format(AV_PIX_FMT_YUV420P).width(width).height(height);
        int rc = av_frame_get_buffer(frame, 0);
        if (rc < 0) {
            av_frame_free(frame);
            throw new EncoderException("cannot allocate a " + width + "x" + height + " picture: " + FfmpegErrors.describe(rc));
        }
    }

    AVFrame frame() {
        return frame;
    }

    /** Converts a BGRA picture whose rows are {@code strideBytes} apart. */
    void fillFromBgra(ByteBuffer pixels, int strideBytes) throws EncoderException {
        int rowBytes = width * 4;
        if (strideBytes < rowBytes) {
            throw new IllegalArgumentException("BGRA stride is " + strideBytes + " bytes, less than a row of "
                    + width + " pixels (" + rowBytes + " bytes)");
        }
        long needed = (long) strideBytes * (height - 1) + rowBytes;
        if (pixels.remaining() < needed) {
            throw new IllegalArgumentException("BGRA picture has " + pixels.remaining() + " bytes; " + width + "x"
                    + height + " with stride " + strideBytes + " needs " + needed);
        }
        if (scaler == null) {
            openScaler();
        }
        ByteBuffer staging = bgraStaging.position(0).capacity((long) rowBytes * height).asByteBuffer();
        int base = pixels.position();
        if (strideBytes == rowBytes) {
            staging.put(0, pixels, base, rowBytes * height);
        } else {
            for (int y = 0; y < height; y++) {
                staging.put(y * rowBytes, pixels, base + y * strideBytes, rowBytes);
            }
        }
        makeWritable();
        for (int i = 0; i < 3; i++) {
            dstPlanes.put(i, frame.data(i));
            dstStrides.put(i, frame.linesize(i));
        }
        int rows = sws_scale(scaler, srcPlanes, srcStrides, 0, height, dstPlanes, dstStrides);
        if (rows != height) {
            throw new EncoderException("BGRA to YUV conversion produced " + rows + " rows instead of " + height);
        }
    }

    /** Copies a packed YUV 4:2:0 picture: Y (width x height), then U and V (width/2 x height/2 each). */
    void fillFromYuv420p(ByteBuffer planes) throws EncoderException {
        int chromaW = width / 2;
        int chromaH = height / 2;
        long needed = (long) width * height + 2L * chromaW * chromaH;
        if (planes.remaining() < needed) {
            throw new IllegalArgumentException("YUV 4:2:0 picture has " + planes.remaining() + " bytes; " + width
                    + "x" + height + " needs " + needed);
        }
        makeWritable();
        int src = planes.position();
        src = copyPlane(planes, src, 0, width, height);
        src = copyPlane(planes, src, 1, chromaW, chromaH);
        copyPlane(planes, src, 2, chromaW, chromaH);
    }

    private int copyPlane(ByteBuffer planes, int src, int plane, int w, int h) {
        int stride = frame.linesize(plane);
        ByteBuffer dst = frame.data(plane).position(0).capacity((long) stride * h).asByteBuffer();
        for (int y = 0; y < h; y++) {
            dst.put(y * stride, planes, src + y * w, w);
        }
        return src + w * h;
    }

    private void makeWritable() throws EncoderException {
        int rc = av_frame_make_writable(frame);
        if (rc < 0) {
            throw new EncoderException("cannot reuse the input picture: " + FfmpegErrors.describe(rc));
        }
    }

    private void openScaler() throws EncoderException {
        scaler = sws_getContext(width, height, AV_PIX_FMT_BGRA, width, height, AV_PIX_FMT_YUV420P, SWS_BILINEAR,
                null, null, (DoublePointer) null);
        if (scaler == null || scaler.isNull()) {
            throw new EncoderException("libswscale cannot convert BGRA to YUV 4:2:0 at " + width + "x" + height);
        }
        bgraStaging = new BytePointer((long) width * height * 4);
        srcPlanes = new PointerPointer<>(4);
        srcPlanes.put(0, bgraStaging);
        srcStrides = new IntPointer(4).put(0, width * 4);
        dstPlanes = new PointerPointer<>(4);
        dstStrides = new IntPointer(4);
    }

    @Override
    public void close() {
        av_frame_free(frame);
        if (scaler != null) {
            sws_freeContext(scaler);
            scaler = null;
            bgraStaging.close();
            srcPlanes.close();
            srcStrides.close();
            dstPlanes.close();
            dstStrides.close();
        }
    }
}
