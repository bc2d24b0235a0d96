package org.netstreamfx.capture.device;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import org.netstreamfx.capture.device.DeviceException.Reason;

/** What every camera capture shares: its thread, its format, and handing frames to the listener. */
abstract class VideoCaptureWorker extends CaptureWorker implements VideoCapture {
    private final Camera camera;
    private final VideoFormat format;
    private final CaptureClock clock;
    private final VideoFrameListener listener;
    private final AtomicLong delivered = new AtomicLong();

    VideoCaptureWorker(Camera camera, VideoFormat format, CaptureClock clock, VideoFrameListener listener) {
        super("nsfx-camera-" + camera.id());
        this.camera = camera;
        this.format = format;
        this.clock = clock;
        this.listener = listener;
    }

    @Override
    public final Camera camera() {
        return camera;
    }

    @Override
    public final VideoFormat format() {
        return format;
    }

    @Override
    public final long framesDelivered() {
        return delivered.get();
    }

    final CaptureClock clock() {
        return clock;
    }

    // Called on the capture thread.

    /** Hands one BGRA picture of {@link #format()}'s size to the listener. */
    final void deliver(ByteBuffer bgra, int strideBytes, long captureTimeUs, long frameNumber) throws DeviceException {
        ByteBuffer view = bgra.asReadOnlyBuffer();
        view.clear();
        try {
            listener.onFrame(new VideoFrame(format.width(), format.height(), strideBytes, view, captureTimeUs,
                    frameNumber));
        } catch (RuntimeException e) {
            throw new DeviceException(camera.id(), Reason.FAILED, "The capture of camera \"" + camera.id()
                    + "\" stopped: its frame listener failed (" + e + ").", e);
        }
        delivered.incrementAndGet();
    }

    @Override
    protected final void failed(DeviceException failure) {
        listener.onCaptureFailed(failure);
    }
}
