package org.netstreamfx.capture.device;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.netstreamfx.capture.device.DeviceException.Reason;

/**
 * Any media file with a video stream, played as a camera that loops forever. The file is scaled
 * to the size asked for and sampled at the rate asked for on the {@link CaptureClock}: output
 * frame {@code k} (at {@code k / fps} s after the first) shows the file's last picture due by
 * then, so a 25 fps file feeds a 30 fps capture with repeats and a 60 fps file with skips.
 * Its id is the file's path.
 */
public final class FileCamera implements Camera {
    /** Frame rate assumed when the file does not say. */
    static final double DEFAULT_FPS = 25;

    private final Path file;
    private final VideoFormat nativeFormat;

    private FileCamera(Path file, VideoFormat nativeFormat) {
        this.file = file;
        this.nativeFormat = nativeFormat;
    }

    /**
     * Opens the file once to learn its picture size and rate.
     *
     * @throws DeviceException NOT_FOUND when there is no such readable file, FAILED when it is
     *                         no video FFmpeg can read
     */
    public static FileCamera of(Path file) throws DeviceException {
        String id = file.toString();
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new DeviceException(id, Reason.NOT_FOUND, "No camera and no readable file \"" + id
                    + "\": give \"test\", the id of a camera listed by `nsfx devices`, or the path of a video file.");
        }
        FFmpegFrameGrabber probe = start(id, file, null);
        try {
            double fps = probe.getFrameRate() > 0 && probe.getFrameRate() <= VideoFormat.MAX_FPS
                    ? probe.getFrameRate() : DEFAULT_FPS;
            return new FileCamera(file, new VideoFormat(probe.getImageWidth(), probe.getImageHeight(), fps));
        } finally {
            FfmpegGrabbers.closeQuietly(probe);
        }
    }

    @Override
    public String id() {
        return file.toString();
    }

    @Override
    public String name() {
        return "File " + file.getFileName() + " (looped)";
    }

    /** The file's own size and rate; any other is delivered by scaling and resampling. */
    @Override
    public List<VideoFormat> formats() {
        return List.of(nativeFormat);
    }

    @Override
    public VideoCapture open(VideoFormat wanted, CaptureClock clock, VideoFrameListener listener)
            throws DeviceException {
        FFmpegFrameGrabber grabber = start(id(), file, wanted);
        Capture capture = new Capture(this, wanted, clock, listener, grabber);
        capture.start();
        return capture;
    }

    private static FFmpegFrameGrabber start(String id, Path file, VideoFormat scaleTo) throws DeviceException {
        try {
            return FfmpegGrabbers.start(id, file.toString(), null, Map.of(), scaleTo);
        } catch (DeviceException e) {
            if (e.getCause() == null) {
                throw e; // our own sentence already (no video stream)
            }
            throw new DeviceException(id, Reason.FAILED, "The file \"" + id + "\" cannot be played as a camera: "
                    + "FFmpeg cannot read its video (" + e.getCause().getMessage() + "). Choose another file.",
                    e.getCause());
        }
    }

    /** One file capture; its thread owns the grabber and the copy of the picture on show. */
    private static final class Capture extends VideoCaptureWorker {
        private final FFmpegFrameGrabber grabber;
        private final ByteBuffer shown;
        private final int strideBytes;
        private final long fileFrameUs;
        /** Media time, from the first picture of the first pass, of the pending picture. */
        private long pendingUs;
        private Frame pending;
        private long firstPtsUs = Long.MIN_VALUE;
        private long loopOffsetUs;
        private long lastPtsUs;

        Capture(FileCamera camera, VideoFormat format, CaptureClock clock, VideoFrameListener listener,
                FFmpegFrameGrabber grabber) {
            super(camera, format, clock, listener);
            this.grabber = grabber;
            this.strideBytes = format.width() * 4;
            this.shown = ByteBuffer.allocateDirect(strideBytes * format.height());
            this.fileFrameUs = Math.round(1e6 / camera.nativeFormat.fps());
        }

        // Called on the capture thread.

        @Override
        protected void loop() throws InterruptedException, DeviceException {
            VideoFormat format = format();
            long first = format.firstFrameAtOrAfter(clock().nowUs());
            pending = grab();
            for (long k = 0; !closing(); k++) {
                long dueUs = format.frameTimeUs(first + k);
                clock().sleepUntilUs(dueUs);
                long mediaUs = dueUs - format.frameTimeUs(first);
                while (pendingUs <= mediaUs) {
                    copy(pending);
                    pending = grab();
                }
                deliver(shown, strideBytes, dueUs, k);
            }
        }

        private void copy(Frame frame) {
            ByteBuffer src = ((ByteBuffer) frame.image[0]).duplicate();
            int rowBytes = format().width() * 4;
            for (int y = 0; y < format().height(); y++) {
                src.limit(y * frame.imageStride + rowBytes).position(y * frame.imageStride);
                shown.position(y * strideBytes);
                shown.put(src);
            }
            shown.clear();
        }

        /** The next picture, rewinding at the end of the file; sets {@link #pendingUs}. */
        private Frame grab() throws DeviceException {
            try {
                Frame frame = grabber.grabImage();
                if (frame == null) {
                    loopOffsetUs += lastPtsUs - firstPtsUs + fileFrameUs;
                    grabber.setTimestamp(0);
                    frame = grabber.grabImage();
                    if (frame == null) {
                        throw new DeviceException(camera().id(), Reason.FAILED, "The file \"" + camera().id()
                                + "\" cannot be looped: it has no picture after rewinding. Choose another file.");
                    }
                    firstPtsUs = frame.timestamp;
                }
                if (firstPtsUs == Long.MIN_VALUE) {
                    firstPtsUs = frame.timestamp;
                }
                lastPtsUs = frame.timestamp;
                pendingUs = loopOffsetUs + frame.timestamp - firstPtsUs;
                return frame;
            } catch (FrameGrabber.Exception e) {
                throw new DeviceException(camera().id(), Reason.FAILED, "The file \"" + camera().id()
                        + "\" stopped playing (FFmpeg: " + e.getMessage() + "). Choose another file.", e);
            }
        }

        @Override
        protected void release() {
            FfmpegGrabbers.closeQuietly(grabber);
        }
    }
}
