package org.netstreamfx.capture.device;

import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamException;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;

/**
 * One of our {@link Camera}s as a Webcam Capture {@link WebcamDevice}: the pull API on top of
 * our push capture. The capture thread copies each frame into one reused buffer; {@link #getImage()}
 * waits for a frame newer than the last one it returned. Thread-safe (one lock).
 */
final class CameraWebcamDevice implements WebcamDevice, WebcamDevice.BufferAccess, WebcamDevice.FPSSource {
    /** How long {@link #getImage()} waits for the next frame before giving up with null. */
    static final long FRAME_WAIT_MS = 5000;
    private static final VideoFormat PREFERRED = new VideoFormat(640, 480, 30);

    private final Camera camera;
    private final CaptureClock clock;
    private final Object lock = new Object();
    private VideoFormat format;
    private VideoCapture capture;
    private ByteBuffer latest;
    private long latestSequence;
    private long returnedSequence;
    private DeviceException failure;

    CameraWebcamDevice(Camera camera, CaptureClock clock) {
        this.camera = camera;
        this.clock = clock;
        this.format = VideoFormat.closest(camera.formats(), PREFERRED);
    }

    /** The camera this device captures from; the publish pipeline opens it directly. */
    Camera camera() {
        return camera;
    }

    @Override
    public String getName() {
        return camera.name() + " [" + camera.id() + "]";
    }

    @Override
    public Dimension[] getResolutions() {
        return camera.formats().stream().map(f -> new Dimension(f.width(), f.height())).distinct()
                .toArray(Dimension[]::new);
    }

    @Override
    public Dimension getResolution() {
        synchronized (lock) {
            return new Dimension(format.width(), format.height());
        }
    }

    /** Takes effect at the next {@link #open()}; the rate is the camera's closest for that size. */
    @Override
    public void setResolution(Dimension size) {
        synchronized (lock) {
            VideoFormat wanted = new VideoFormat(size.width, size.height, format.fps());
            format = camera.formats().stream().anyMatch(f -> f.width() == size.width && f.height() == size.height)
                    || camera instanceof TestCamera ? wanted : VideoFormat.closest(camera.formats(), wanted);
        }
    }

    @Override
    public double getFPS() {
        synchronized (lock) {
            return capture != null ? capture.format().fps() : format.fps();
        }
    }

    /** The newest frame as an RGB image, or null when the camera failed or sent nothing for 5 s. */
    @Override
    public BufferedImage getImage() {
        synchronized (lock) {
            if (!awaitNewFrame()) {
                return null;
            }
            VideoFormat f = capture.format();
            BufferedImage image = new BufferedImage(f.width(), f.height(), BufferedImage.TYPE_INT_RGB);
            int[] rgb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
            latest.duplicate().order(ByteOrder.LITTLE_ENDIAN).clear().asIntBuffer().get(rgb); // BGRA = 0xAARRGGBB
            return image;
        }
    }

    /** The newest frame as packed RGB, 3 bytes a pixel, as the Webcam Capture API specifies. */
    @Override
    public ByteBuffer getImageBytes() {
        synchronized (lock) {
            if (!awaitNewFrame()) {
                return null;
            }
            ByteBuffer rgb = ByteBuffer.allocate(latest.capacity() / 4 * 3);
            copyRgb(rgb);
            return rgb.flip();
        }
    }

    @Override
    public void getImageBytes(ByteBuffer target) {
        synchronized (lock) {
            if (awaitNewFrame()) {
                copyRgb(target);
            }
        }
    }

    private void copyRgb(ByteBuffer target) {
        for (int p = 0; p < latest.capacity(); p += 4) {
            target.put(latest.get(p + 2)).put(latest.get(p + 1)).put(latest.get(p));
        }
    }

    private boolean awaitNewFrame() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FRAME_WAIT_MS);
        try {
            while (capture != null && failure == null && latestSequence == returnedSequence) {
                long leftNs = deadline - System.nanoTime();
                if (leftNs <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, leftNs);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (capture == null || failure != null) {
            return false;
        }
        returnedSequence = latestSequence;
        return true;
    }

    /** Why the camera stopped, if it failed while open. */
    DeviceException failure() {
        synchronized (lock) {
            return failure;
        }
    }

    @Override
    public void open() {
        synchronized (lock) {
            if (capture != null) {
                return;
            }
            failure = null;
            try {
                capture = camera.open(format, clock, new Copier());
            } catch (DeviceException e) {
                throw new WebcamException(e.getMessage(), e);
            }
            VideoFormat got = capture.format();
            latest = ByteBuffer.allocate(got.width() * got.height() * 4);
        }
    }

    @Override
    public void close() {
        VideoCapture closing;
        synchronized (lock) {
            closing = capture;
            capture = null;
            lock.notifyAll();
        }
        if (closing != null) {
            closing.close(); // outside the lock: the capture thread may be waiting for it
        }
    }

    @Override
    public void dispose() {
        close();
    }

    @Override
    public boolean isOpen() {
        synchronized (lock) {
            return capture != null;
        }
    }

    /** Copies frames into {@link #latest}. Called on the capture thread. */
    private final class Copier implements VideoFrameListener {
        @Override
        public void onFrame(VideoFrame frame) {
            synchronized (lock) {
                if (latest == null) {
                    return; // open() has not stored the buffer yet
                }
                ByteBuffer src = frame.pixels();
                int rowBytes = frame.width() * 4;
                for (int y = 0; y < frame.height(); y++) {
                    src.limit(y * frame.strideBytes() + rowBytes).position(y * frame.strideBytes());
                    latest.position(y * rowBytes);
                    latest.put(src);
                }
                latest.clear();
                latestSequence++;
                lock.notifyAll();
            }
        }

        @Override
        public void onCaptureFailed(DeviceException e) {
            synchronized (lock) {
                failure = e;
                lock.notifyAll();
            }
        }
    }
}
