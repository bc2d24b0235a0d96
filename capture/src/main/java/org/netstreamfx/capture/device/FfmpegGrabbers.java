package org.netstreamfx.capture.device;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGRA;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.global.avfilter;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;
import org.netstreamfx.capture.device.DeviceException.Reason;
import org.netstreamfx.player.ffmpeg.FfmpegLog;

/** Opens JavaCV grabbers that deliver BGRA, and turns FFmpeg's failures into {@link DeviceException}s. */
final class FfmpegGrabbers {
    private static final Pattern ERROR_CODE = Pattern.compile("error (-\\d+)");
    // AVERROR(errno) values FFmpeg's device inputs return (POSIX numbering, as FFmpeg uses everywhere).
    private static final int ENOENT = -2;
    private static final int ENXIO = -6;
    private static final int EACCES = -13;
    private static final int EBUSY = -16;
    private static final int ENODEV = -19;

    private FfmpegGrabbers() {
    }

    /**
     * Starts a grabber.
     *
     * @param input   file name, device name or lavfi graph
     * @param format  FFmpeg input format ("lavfi", "video4linux2", …) or null to probe
     * @param options demuxer or device options (video_size, framerate, …)
     * @param scaleTo output size (frames scaled to it), or null for the input's own size
     */
    static FFmpegFrameGrabber start(String deviceId, String input, String format, Map<String, String> options,
                                    VideoFormat scaleTo) throws DeviceException {
        FfmpegLog.configure();
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(input);
        boolean started = false;
        try {
            if (format != null) {
                grabber.setFormat(format);
            }
            options.forEach(grabber::setOption);
            grabber.setPixelFormat(AV_PIX_FMT_BGRA);
            if (scaleTo != null) {
                grabber.setImageWidth(scaleTo.width());
                grabber.setImageHeight(scaleTo.height());
            }
            grabber.start(false);
            if (grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
                throw new DeviceException(deviceId, Reason.FAILED, "\"" + deviceId
                        + "\" has no picture: it holds no video stream. Choose a video file or camera.");
            }
            started = true;
            return grabber;
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw openFailure(deviceId, e);
        } finally {
            if (!started) {
                closeQuietly(grabber);
            }
        }
    }

    /** A sentence for a device that failed to open, from FFmpeg's error code. */
    static DeviceException openFailure(String deviceId, Exception e) {
        String ffmpeg = e.getMessage() == null ? e.toString() : e.getMessage();
        Matcher m = ERROR_CODE.matcher(ffmpeg);
        int code = m.find() ? Integer.parseInt(m.group(1)) : 0;
        return switch (code) {
            case ENOENT, ENXIO, ENODEV -> new DeviceException(deviceId, Reason.NOT_FOUND, "The camera \""
                    + deviceId + "\" was not found: it may be unplugged. Plug it in, or run `nsfx devices` "
                    + "to list the cameras there are.", e);
            case EBUSY -> new DeviceException(deviceId, Reason.BUSY, "The camera \"" + deviceId
                    + "\" is busy: another program is using it. Close that program, or choose another camera.", e);
            case EACCES -> new DeviceException(deviceId, Reason.FAILED, "The camera \"" + deviceId
                    + "\" cannot be opened: permission denied. Give this user access to it (on Linux, the "
                    + "\"video\" group).", e);
            default -> new DeviceException(deviceId, Reason.FAILED, "The camera \"" + deviceId
                    + "\" could not be opened (FFmpeg: " + ffmpeg + "). Check it works in another program, "
                    + "or choose another camera.", e);
        };
    }

    /** Whether the FFmpeg natives in use have the drawtext filter (they need libfreetype). */
    static boolean hasDrawtext() {
        FfmpegLog.configure();
        try {
            FFmpegFrameGrabber.tryLoad();
            return avfilter.avfilter_get_by_name("drawtext") != null;
        } catch (FrameGrabber.Exception | LinkageError e) {
            return false;
        }
    }

    /** Stops and frees a grabber; a failure while freeing is not worth more than the caller's error. */
    static void closeQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            // Releasing a half-opened grabber: the open failure is what gets reported.
        }
    }
}
