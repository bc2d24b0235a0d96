package org.netstreamfx.capture.device;

import java.util.List;
import java.util.Map;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.netstreamfx.capture.device.DeviceException.Reason;

/**
 * A real camera opened through one of FFmpeg's capture inputs: {@code video4linux2} with a
 * device path on Linux, {@code avfoundation} with a device index on macOS, {@code dshow} with
 * {@code video=<name>} on Windows.
 *
 * <p>Negotiation: the camera is asked for the closest of its {@link #formats()} to the wanted
 * one (FFmpeg's {@code video_size} and {@code framerate} options); a driver that cannot do it
 * exactly picks its own nearest mode, and a device that refuses the request outright is opened
 * in its default mode. Either way {@link VideoCapture#format()} reports what the device delivers,
 * and frames come at the device's own size (not scaled), stamped with the {@link CaptureClock}
 * when they arrive.
 */
public final class DeviceCamera implements Camera {
    /** Sizes asked of a real camera: what FFmpeg cannot list, every UVC camera offers most of. */
    static final List<VideoFormat> COMMON_FORMATS = List.of(
            new VideoFormat(320, 240, 30), new VideoFormat(640, 480, 30), new VideoFormat(640, 360, 30),
            new VideoFormat(1280, 720, 30), new VideoFormat(1920, 1080, 30));

    private final String id;
    private final String name;
    private final String inputFormat;

    /**
     * @param id          the FFmpeg device name ("/dev/video0", "video=Integrated Camera", "0")
     * @param name        for people
     * @param inputFormat FFmpeg input format ("video4linux2", "avfoundation", "dshow")
     */
    public DeviceCamera(String id, String name, String inputFormat) {
        this.id = id;
        this.name = name;
        this.inputFormat = inputFormat;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<VideoFormat> formats() {
        return COMMON_FORMATS;
    }

    @Override
    public VideoCapture open(VideoFormat wanted, CaptureClock clock, VideoFrameListener listener)
            throws DeviceException {
        VideoFormat asked = VideoFormat.closest(formats(), wanted);
        FFmpegFrameGrabber grabber;
        try {
            grabber = FfmpegGrabbers.start(id, id, inputFormat, Map.of(
                    "video_size", asked.width() + "x" + asked.height(),
                    "framerate", String.valueOf(asked.fps())), null);
        } catch (DeviceException refused) {
            if (refused.reason() != Reason.FAILED) {
                throw refused; // missing or busy: another mode would not help
            }
            grabber = FfmpegGrabbers.start(id, id, inputFormat, Map.of(), null);
        }
        double fps = grabber.getFrameRate() > 0 && grabber.getFrameRate() <= VideoFormat.MAX_FPS
                ? grabber.getFrameRate() : asked.fps();
        VideoFormat got = new VideoFormat(grabber.getImageWidth(), grabber.getImageHeight(), fps);
        return GrabberCapture.start(this, got, clock, listener, grabber, "The camera \"" + id + "\"",
                "It may have been unplugged: plug it back in and open it again, or choose another camera.",
                GrabberCapture.Liveness.UNKNOWN);
    }
}
