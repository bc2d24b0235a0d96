package org.netstreamfx.capture.device;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.netstreamfx.capture.device.DeviceException.Reason;

/**
 * The virtual test camera, id {@value #ID}: FFmpeg's lavfi {@code testsrc2} pattern at any size
 * and rate, with the frame number and the wall-clock time burned in by {@code drawtext} when the
 * FFmpeg natives have it and a font is found, and always the {@link TestPattern} code row in the
 * top-left corner, so the counter stays machine-readable without drawtext.
 *
 * <p>Frames are paced by the {@link CaptureClock}: frame {@code n} is delivered at
 * {@code round(n * 1e6 / fps)} µs and carries {@code n} as its number and that time as its
 * capture time. A frame may be handed over up to {@value #MAX_LAG_US} µs after its time (thread
 * wake-up jitter, a pause of the listener) and keeps its number and time; beyond that the camera
 * skips to the current slot (numbers jump), as a real camera drops frames nobody took.
 */
public final class TestCamera implements Camera {
    public static final String ID = "test";
    /** How far behind its frame times the capture may run before it skips frames to catch up. */
    public static final long MAX_LAG_US = 200_000;
    /** Fonts tried for drawtext, in order. */
    static final List<Path> FONT_CANDIDATES = List.of(
            Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"),
            Path.of("/usr/share/fonts/dejavu/DejaVuSansMono.ttf"),
            Path.of("/usr/share/fonts/TTF/DejaVuSansMono.ttf"),
            Path.of("/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf"),
            Path.of("/System/Library/Fonts/Menlo.ttc"),
            Path.of("/Library/Fonts/Arial.ttf"),
            Path.of("C:\\Windows\\Fonts\\consola.ttf"),
            Path.of("C:\\Windows\\Fonts\\arial.ttf"));

    private static final int[][] SIZES = {{320, 240}, {640, 360}, {640, 480}, {1280, 720}, {1920, 1080}};
    private static final double[] RATES = {15, 25, 30};

    private final boolean drawText;

    /** A test camera that burns in text when FFmpeg and the fonts allow. */
    public TestCamera() {
        this(true);
    }

    /** @param drawText false for the code row only (no drawtext, whatever FFmpeg offers) */
    public TestCamera(boolean drawText) {
        this.drawText = drawText;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Test pattern (lavfi testsrc2, frame counter)";
    }

    @Override
    public List<VideoFormat> formats() {
        List<VideoFormat> formats = new ArrayList<>();
        for (int[] size : SIZES) {
            for (double fps : RATES) {
                formats.add(new VideoFormat(size[0], size[1], fps));
            }
        }
        return formats;
    }

    /** Any size at least 72x2 (the code row) and any rate in {@link VideoFormat}'s limits is delivered as asked. */
    @Override
    public VideoCapture open(VideoFormat wanted, CaptureClock clock, VideoFrameListener listener)
            throws DeviceException {
        if (!TestPattern.fits(wanted.width(), wanted.height())) {
            throw new DeviceException(ID, Reason.UNSUPPORTED_FORMAT, "The test camera cannot make "
                    + wanted.width() + "x" + wanted.height() + " pictures: the frame counter needs at least "
                    + "72x2. Ask for a larger size.");
        }
        long firstFrame = wanted.firstFrameAtOrAfter(clock.nowUs());
        FFmpegFrameGrabber grabber = startGrabber(wanted, firstFrame);
        Capture capture = new Capture(this, wanted, clock, listener, grabber, firstFrame);
        capture.start();
        return capture;
    }

    private FFmpegFrameGrabber startGrabber(VideoFormat format, long firstFrame) throws DeviceException {
        String pattern = "testsrc2=size=" + format.width() + "x" + format.height() + ":rate=" + format.fps();
        Optional<Path> font = drawText && FfmpegGrabbers.hasDrawtext()
                ? FONT_CANDIDATES.stream().filter(Files::isReadable).findFirst() : Optional.empty();
        if (font.isPresent()) {
            try {
                return FfmpegGrabbers.start(ID, pattern + "," + drawtext(format, font.get(), firstFrame), "lavfi",
                        Map.of(), null);
            } catch (DeviceException e) {
                // This drawtext cannot run (a font it cannot read, a build without freetype):
                // the code row alone still counts the frames.
            }
        }
        return FfmpegGrabbers.start(ID, pattern, "lavfi", Map.of(), null);
    }

    /** The drawtext filter: "frame N" where N is lavfi's frame number plus the first frame's index, and the local time. */
    static String drawtext(VideoFormat format, Path font, long firstFrame) {
        int fontSize = Math.max(10, format.height() / 16);
        String fontFile = font.toString().replace("\\", "/").replace(":", "\\\\:");
        return "drawtext=fontfile='" + fontFile + "':fontsize=" + fontSize
                + ":fontcolor=white:box=1:boxcolor=black@0.6:x=8:y=h-th-8"
                + ":text='frame %{eif\\:n+" + firstFrame + "\\:d}  %{localtime}'";
    }

    /** One test camera capture; its thread owns the lavfi grabber. */
    private static final class Capture extends VideoCaptureWorker {
        private final FFmpegFrameGrabber grabber;
        /** The clock-grid index that lavfi's next frame stands for. */
        private long lavfiNext;

        Capture(Camera camera, VideoFormat format, CaptureClock clock, VideoFrameListener listener,
                FFmpegFrameGrabber grabber, long firstFrame) {
            super(camera, format, clock, listener);
            this.grabber = grabber;
            this.lavfiNext = firstFrame;
        }

        // Called on the capture thread.

        @Override
        protected void loop() throws InterruptedException, DeviceException {
            VideoFormat format = format();
            long n = format.firstFrameAtOrAfter(clock().nowUs());
            while (!closing()) {
                clock().sleepUntilUs(format.frameTimeUs(n));
                long nowUs = clock().nowUs();
                if (nowUs - format.frameTimeUs(n) > MAX_LAG_US) {
                    n = format.firstFrameAtOrAfter(nowUs + 1) - 1; // too far behind: the slot of now
                }
                Frame frame = null;
                while (lavfiNext <= n) {
                    frame = grab();
                    lavfiNext++;
                }
                ByteBuffer pixels = (ByteBuffer) frame.image[0];
                TestPattern.stamp(pixels, format.width(), format.height(), frame.imageStride, n);
                deliver(pixels, frame.imageStride, format.frameTimeUs(n), n);
                n++;
            }
        }

        private Frame grab() throws DeviceException {
            try {
                Frame frame = grabber.grabImage();
                if (frame == null || frame.image == null) {
                    throw new DeviceException(ID, Reason.FAILED, "The test camera's lavfi source ended; "
                            + "open the test camera again.");
                }
                return frame;
            } catch (FrameGrabber.Exception e) {
                throw new DeviceException(ID, Reason.FAILED, "The test camera failed (FFmpeg: " + e.getMessage()
                        + "); open it again.", e);
            }
        }

        @Override
        protected void release() {
            FfmpegGrabbers.closeQuietly(grabber);
        }
    }
}
