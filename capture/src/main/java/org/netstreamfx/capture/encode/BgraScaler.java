package org.netstreamfx.capture.encode;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGRA;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Scales one BGRA camera picture to several sizes of packed YUV 4:2:0 (BT.601 limited range, the
 * form {@link VideoEncoder#encodeYuv420p} takes), one libswscale context per size: a multitrack
 * camera's renditions. The picture is copied in once ({@link #load}), then each size is made
 * from that copy ({@link #scaled}). Nothing picture-sized is allocated per picture.
 *
 * <p>Thread ownership: the camera's capture thread.
 */
public final class BgraScaler implements AutoCloseable {
    private static final int BGRA_BYTES = 4;
    private static final int PLANES = 3;

    private final int width;
    private final int height;
    private final BytePointer source;
    private final PointerPointer<BytePointer> sourcePlanes;
    private final IntPointer sourceStrides;
    private final List<Target> targets = new ArrayList<>();

    /** One output size: its scaler and its packed Y, U, V planes. */
    private record Target(int width, int height, SwsContext context, BytePointer planes,
            PointerPointer<BytePointer> planePointers, IntPointer strides) {
        int bytes() {
            return width * height + 2 * (width / 2) * (height / 2);
        }
    }

    /**
     * @param width   the camera's picture width
     * @param height  the camera's picture height
     * @param sizes   each output's width and height ({@code {w, h}}), even
     */
    public BgraScaler(int width, int height, List<int[]> sizes) throws EncoderException {
        this.width = width;
        this.height = height;
        source = new BytePointer((long) width * height * BGRA_BYTES);
        sourcePlanes = new PointerPointer<>(4);
        sourcePlanes.put(0, source);
        sourceStrides = new IntPointer(4).put(0, width * BGRA_BYTES);
        try {
            for (int[] wh : sizes) {
                targets.add(target(wh[0], wh[1]));
            }
        } catch (EncoderException e) {
            close();
            throw e;
        }
    }

    private Target target(int w, int h) throws EncoderException {
        SwsContext c = sws_getContext(width, height, AV_PIX_FMT_BGRA, w, h, AV_PIX_FMT_YUV420P, SWS_BILINEAR, null,
                null, (DoublePointer) null);
        if (c == null || c.isNull()) {
            throw new EncoderException("libswscale cannot scale BGRA " + width + "x" + height + " to YUV 4:2:0 "
                    + w + "x" + h);
        }
        long luma = (long) w * h;
        long chroma = (long) (w / 2) * (h / 2);
        BytePointer planes = new BytePointer(luma + 2 * chroma);
        PointerPointer<BytePointer> p = new PointerPointer<>(4);
        p.put(0, planes.getPointer(0)).put(1, planes.getPointer(luma)).put(2, planes.getPointer(luma + chroma));
        IntPointer strides = new IntPointer(4).put(0, w).put(1, w / 2).put(2, w / 2);
        return new Target(w, h, c, planes, p, strides);
    }

    /** Copies in a BGRA picture of the camera's size whose rows are {@code strideBytes} apart. */
    public void load(ByteBuffer pixels, int strideBytes) {
        int rowBytes = width * BGRA_BYTES;
        long needed = (long) strideBytes * (height - 1) + rowBytes;
        if (strideBytes < rowBytes || pixels.remaining() < needed) {
            throw new IllegalArgumentException("BGRA picture of " + pixels.remaining() + " bytes, rows " + strideBytes
                    + " apart, is not a " + width + "x" + height + " picture");
        }
        ByteBuffer staging = source.position(0).capacity((long) rowBytes * height).asByteBuffer();
        int base = pixels.position();
        for (int y = 0; y < height; y++) {
            staging.put(y * rowBytes, pixels, base + y * strideBytes, rowBytes);
        }
    }

    /** The loaded picture at output {@code index}'s size, as packed YUV 4:2:0; valid until the next call. */
    public ByteBuffer scaled(int index) throws EncoderException {
        Target t = targets.get(index);
        int rows = sws_scale(t.context(), sourcePlanes, sourceStrides, 0, height, t.planePointers(), t.strides());
        if (rows != t.height()) {
            throw new EncoderException("scaling to " + t.width() + "x" + t.height() + " produced " + rows + " rows");
        }
        return t.planes().position(0).capacity(t.bytes()).asByteBuffer();
    }

    @Override
    public void close() {
        for (Target t : targets) {
            sws_freeContext(t.context());
            t.planes().close();
            t.planePointers().close();
            t.strides().close();
        }
        targets.clear();
        source.close();
        sourcePlanes.close();
        sourceStrides.close();
    }
}
