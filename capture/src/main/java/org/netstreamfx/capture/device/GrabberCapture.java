package org.netstreamfx.capture.device;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.netstreamfx.capture.device.DeviceException.Reason;

/**
 * A live FFmpeg capture input (a camera, a screen) read frame after frame: its thread owns the
 * started grabber, blocks in it until the next picture (the input paces itself: a camera's
 * sensor, x11grab's or gdigrab's {@code framerate}), stamps each picture with the
 * {@link CaptureClock} when it arrives, and ends with a {@link Reason#DISCONNECTED} failure when
 * the input fails or stops delivering.
 *
 * <p>Some inputs never fail when their device goes: x11grab answers every read on a dead X
 * connection with EAGAIN, which JavaCV retries forever. So a watchdog thread
 * ({@code nsfx-camera-watch-<id>}) interrupts a read that has brought no picture for
 * {@link #stallLimitMs(VideoFormat)}; JavaCV then returns no frame and the capture fails. The
 * watchdog also asks the input's {@link Liveness} every {@link #LIVENESS_INTERVAL_MS}, for inputs
 * that go on returning stale pictures (x11grab with MIT-SHM after its X server has ended).
 */
final class GrabberCapture extends VideoCaptureWorker {
    /** Silence after which a live input counts as gone, unless 3 frame intervals are longer. */
    static final long STALL_LIMIT_MS = 5000;
    /** How often a {@link Liveness} is asked. */
    static final long LIVENESS_INTERVAL_MS = 1000;

    /** Says whether the device behind an input is still there. Called on the watchdog thread. */
    @FunctionalInterface
    interface Liveness {
        /** Always there, as far as anyone can tell: only the stall limit applies. */
        Liveness UNKNOWN = () -> null;

        /** Null while the device is there; else why it is gone, for the failure's sentence. */
        String goneReason();
    }

    private final FFmpegFrameGrabber grabber;
    private final String what;
    private final String advice;
    private final long stallLimitNs;
    private final Object watchLock = new Object();
    // Guarded by watchLock.
    private long lastPictureNs = System.nanoTime();
    private boolean ended;
    private final Liveness liveness;
    private volatile boolean stalled;
    private volatile String goneReason;

    /**
     * @param what   how failures name the device: "The camera \"/dev/video0\""
     * @param advice the sentence that ends a failure: what the user can do
     */
    GrabberCapture(Camera camera, VideoFormat format, CaptureClock clock, VideoFrameListener listener,
                   FFmpegFrameGrabber grabber, String what, String advice, Liveness liveness) {
        super(camera, format, clock, listener);
        this.liveness = liveness;
        this.grabber = grabber;
        this.what = what;
        this.advice = advice;
        this.stallLimitNs = stallLimitMs(format) * 1_000_000L;
    }

    /** How long without a picture means the input is gone: {@link #STALL_LIMIT_MS}, or 3 frame intervals. */
    static long stallLimitMs(VideoFormat format) {
        return Math.max(STALL_LIMIT_MS, Math.round(3000 / format.fps()));
    }

    /** Starts the capture thread and returns the running capture. */
    static GrabberCapture start(Camera camera, VideoFormat format, CaptureClock clock, VideoFrameListener listener,
                                FFmpegFrameGrabber grabber, String what, String advice, Liveness liveness) {
        GrabberCapture capture = new GrabberCapture(camera, format, clock, listener, grabber, what, advice, liveness);
        capture.start();
        Thread watchdog = new Thread(capture::watch, "nsfx-camera-watch-" + camera.id());
        watchdog.setDaemon(true);
        watchdog.start();
        return capture;
    }

    // Called on the watchdog thread.

    private void watch() {
        try {
            while (true) {
                String gone = liveness.goneReason(); // outside the lock: a TCP probe may take a second
                synchronized (watchLock) {
                    if (ended || closing()) {
                        return;
                    }
                    long leftNs = lastPictureNs + stallLimitNs - System.nanoTime();
                    if (leftNs <= 0 || gone != null) {
                        goneReason = gone;
                        stalled = true;
                        interruptCapture();
                        return;
                    }
                    long waitNs = liveness == Liveness.UNKNOWN ? leftNs
                            : Math.min(leftNs, TimeUnit.MILLISECONDS.toNanos(LIVENESS_INTERVAL_MS));
                    TimeUnit.NANOSECONDS.timedWait(watchLock, waitNs);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // nobody interrupts the watchdog; end it if it happens
        }
    }

    // Called on the capture thread.

    @Override
    protected void loop() throws InterruptedException, DeviceException {
        for (long n = 0; !closing(); n++) {
            Frame frame = grab();
            long nowUs = clock().nowUs();
            if (Thread.interrupted()) {
                if (stalled) {
                    throw stall();
                }
                throw new InterruptedException("capture closed");
            }
            synchronized (watchLock) {
                lastPictureNs = System.nanoTime();
            }
            if (frame.imageWidth != format().width() || frame.imageHeight != format().height()) {
                throw new DeviceException(camera().id(), Reason.DISCONNECTED, what + " changed its picture size to "
                        + frame.imageWidth + "x" + frame.imageHeight + " while capturing; open it again.");
            }
            deliver((ByteBuffer) frame.image[0], frame.imageStride, nowUs, n);
        }
    }

    private Frame grab() throws DeviceException {
        try {
            Frame frame = grabber.grabImage();
            if (stalled) {
                Thread.interrupted(); // the watchdog's, not a close
                throw stall();
            }
            if (frame == null || frame.image == null) {
                throw new DeviceException(camera().id(), Reason.DISCONNECTED, what
                        + " stopped delivering pictures. " + advice);
            }
            return frame;
        } catch (FrameGrabber.Exception e) {
            throw new DeviceException(camera().id(), Reason.DISCONNECTED, what + " failed while capturing (FFmpeg: "
                    + e.getMessage() + "). " + advice, e);
        }
    }

    private DeviceException stall() {
        String gone = goneReason;
        return new DeviceException(camera().id(), Reason.DISCONNECTED, what + (gone != null ? " is gone: " + gone + "."
                : " delivered no picture for " + stallLimitNs / 1_000_000 + " ms.") + " " + advice);
    }

    @Override
    protected void release() {
        synchronized (watchLock) {
            ended = true;
            watchLock.notifyAll();
        }
        FfmpegGrabbers.closeQuietly(grabber);
    }
}
