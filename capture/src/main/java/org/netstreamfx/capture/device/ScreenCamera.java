package org.netstreamfx.capture.device;

import static org.bytedeco.ffmpeg.global.avformat.av_find_input_format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;
import org.netstreamfx.capture.device.DeviceException.Reason;
import org.netstreamfx.player.ffmpeg.FfmpegLog;

/**
 * The screen as a camera, as OBS's display capture: FFmpeg's {@code x11grab} on Linux/X11,
 * {@code gdigrab} on Windows, {@code avfoundation}'s "Capture screen N" on macOS. Its id is a
 * {@link ScreenSpec} ({@code screen:} + display, region or window, cursor).
 *
 * <p>Pictures come at the size asked for: the screen, region or window is scaled to it with
 * swscale (stretched when the shapes differ: ask for the region's own size, or one of the same
 * shape, to keep it undistorted). The input paces itself to the rate asked for ({@code framerate});
 * each picture is stamped with the {@link CaptureClock} when it arrives. A display that goes away
 * (the X server ends, the window closes) ends the capture with {@link Reason#DISCONNECTED}.
 */
public final class ScreenCamera implements Camera {
    /** Sizes listed for a whole screen: it is scaled to any size asked for. */
    static final List<VideoFormat> COMMON_FORMATS = List.of(
            new VideoFormat(1920, 1080, 30), new VideoFormat(1280, 720, 30), new VideoFormat(640, 360, 30));

    private final ScreenSpec spec;
    private final String defaultXDisplay;

    /**
     * @param defaultXDisplay the X display an x11grab id without one captures (the process's
     *                        {@code DISPLAY}), or null when there is none
     */
    ScreenCamera(ScreenSpec spec, String defaultXDisplay) {
        this.spec = spec;
        this.defaultXDisplay = defaultXDisplay;
    }

    /**
     * The screen camera for {@code id} on this platform.
     *
     * @throws DeviceException {@link Reason#INVALID_ID} for a malformed id or a number out of its limits
     */
    public static ScreenCamera of(String id) throws DeviceException {
        return new ScreenCamera(ScreenSpec.parse(id, inputForThisPlatform()), System.getenv("DISPLAY"));
    }

    /**
     * The screens to list: the default one of this platform, if its capture input is in the
     * FFmpeg build and (for X11) a display is set; none otherwise.
     */
    static List<ScreenCamera> listed(String input, String xDisplay) {
        List<ScreenCamera> screens = new ArrayList<>();
        if (!hasInput(input) || input.equals("x11grab") && (xDisplay == null || xDisplay.isBlank())) {
            return screens;
        }
        String display = switch (input) {
            case "x11grab" -> xDisplay;
            case "gdigrab" -> "desktop";
            default -> "0";
        };
        try {
            screens.add(new ScreenCamera(ScreenSpec.parse(ScreenSpec.PREFIX + display, input), xDisplay));
        } catch (DeviceException e) {
            // A DISPLAY we cannot name (e.g. a Wayland socket path): it is not listed; screen:… still opens it.
        }
        return screens;
    }

    /** {@link #listed} for this platform's input and the process's {@code DISPLAY}. */
    static List<ScreenCamera> listedForThisPlatform() {
        return listed(inputForThisPlatform(), System.getenv("DISPLAY"));
    }

    /** "x11grab", "gdigrab" or "avfoundation". */
    static String inputForThisPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return os.contains("win") ? "gdigrab" : os.contains("mac") ? "avfoundation" : "x11grab";
    }

    private static boolean hasInput(String input) {
        FfmpegLog.configure();
        try {
            FFmpegFrameGrabber.tryLoad(); // loads libavdevice and registers its inputs
        } catch (FrameGrabber.Exception | LinkageError e) {
            return false;
        }
        return av_find_input_format(input) != null;
    }

    public ScreenSpec spec() {
        return spec;
    }

    @Override
    public String id() {
        return spec.id();
    }

    @Override
    public String name() {
        String what = spec.window() != null ? "window " + spec.window()
                : spec.region() != null ? "region " + spec.region() : "whole";
        String display = spec.display().isEmpty() ? "default" : spec.display();
        return "Screen " + display + " (" + what + (spec.cursor() ? "" : ", no cursor") + ", " + spec.input() + ")";
    }

    /** The region's own size when there is one, else common sizes; any size is delivered by scaling. */
    @Override
    public List<VideoFormat> formats() {
        ScreenSpec.Region r = spec.region();
        return r == null ? COMMON_FORMATS : List.of(new VideoFormat(r.width(), r.height(), 30));
    }

    @Override
    public VideoCapture open(VideoFormat wanted, CaptureClock clock, VideoFrameListener listener)
            throws DeviceException {
        String input = spec.ffmpegInput(defaultXDisplay);
        if (input == null || input.isBlank()) {
            throw new DeviceException(id(), Reason.NOT_FOUND, "The screen \"" + id() + "\" names no X display and "
                    + "DISPLAY is not set: give one, e.g. screen::0.");
        }
        FFmpegFrameGrabber grabber;
        try {
            grabber = FfmpegGrabbers.start(id(), input, spec.input(), spec.ffmpegOptions(wanted.fps()), null);
        } catch (DeviceException e) {
            throw new DeviceException(id(), e.reason() == Reason.BUSY ? Reason.FAILED : e.reason(), "The screen \""
                    + id() + "\" could not be captured (" + ffmpegWords(e) + "). " + advice(), e.getCause());
        }
        // The grabber scales every picture to this size with swscale (its processImage).
        grabber.setImageWidth(wanted.width());
        grabber.setImageHeight(wanted.height());
        return GrabberCapture.start(this, wanted, clock, listener, grabber, "The screen \"" + id() + "\"",
                "The display may have closed" + (spec.window() != null ? " or the window gone" : "")
                        + ": choose the screen again once it is back, or another camera.", liveness(input));
    }

    /** x11grab cannot tell when its X server ends (see {@link XDisplayProbe}); the others fail by themselves. */
    private GrabberCapture.Liveness liveness(String input) {
        if (!spec.input().equals("x11grab")) {
            return GrabberCapture.Liveness.UNKNOWN;
        }
        return XDisplayProbe.of(input).<GrabberCapture.Liveness>map(p -> () -> p.reachable() ? null : p.goneReason())
                .orElse(GrabberCapture.Liveness.UNKNOWN);
    }

    private String advice() {
        return spec.input().equals("x11grab")
                ? "Check that the X display is running and this user may use it (xhost, XAUTHORITY), that a region "
                        + "lies inside the screen and that a window id is one xwininfo lists."
                : "Check that the screen or window is there and this program may record the screen.";
    }

    private static String ffmpegWords(DeviceException e) {
        Throwable cause = e.getCause();
        return "FFmpeg: " + (cause != null && cause.getMessage() != null ? cause.getMessage() : e.getMessage());
    }
}
