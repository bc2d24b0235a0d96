package org.netstreamfx.capture.device;

import com.github.sarxos.webcam.Webcam;
import com.github.sarxos.webcam.WebcamDiscoveryEvent;
import com.github.sarxos.webcam.WebcamDiscoveryListener;
import com.github.sarxos.webcam.WebcamException;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * The cameras (and screens) of this machine as the Webcam Capture API lists them, through our
 * {@link FfmpegWebcamDriver}. The only class that touches the library's static state
 * ({@code Webcam.setDriver}, {@code Webcam.getWebcams}, its discovery service and listeners): the
 * library keeps one driver and one discovery service per JVM, so this class installs the driver
 * once ({@link #system()}) and hands out that one instance; nothing else calls {@code Webcam.*}.
 *
 * <p>Discovery goes through the Webcam API; capture does not. The library's capture is pull
 * ({@code getImage()} copies the newest picture into a {@code BufferedImage}, with no capture
 * time), while the publish pipeline needs every picture pushed as it comes, stamped on the
 * {@link CaptureClock} shared with the microphone, with no copy. So each listed {@code Webcam}'s
 * device is one of our {@link CameraWebcamDevice}s, and {@link #cameras()} hands back the
 * {@link Camera} inside it: the preview and the {@code CameraFeed} open that directly. A
 * {@code Webcam} opened through the library (a panel, a snapshot) works too, on the same devices.
 *
 * <p>The library's discovery service scans again every {@link FfmpegWebcamDriver#SCAN_INTERVAL_MS}
 * on its own daemon thread ("webcam-discovery-service"), so the list follows cameras plugged in
 * and out; {@link #watch} hears about it.
 */
public final class WebcamCameras {
    /** How long the first listing may take (FFmpeg asks each device) before it gives up. */
    static final long DISCOVERY_TIMEOUT_MS = 10_000;

    // The library's state is per JVM; so is the one instance that owns it. Guarded by WebcamCameras.class.
    private static WebcamCameras installed;

    private final FfmpegWebcamDriver driver;

    private WebcamCameras(FfmpegWebcamDriver driver) {
        this.driver = driver;
    }

    /**
     * The instance for this JVM: on the first call, installs a driver over this platform's
     * cameras, its screen and the test camera with {@code Webcam.setDriver}.
     */
    public static synchronized WebcamCameras system() {
        if (installed == null) {
            installed = new WebcamCameras(new FfmpegWebcamDriver(Devices.directCameras(
                    CameraDiscovery.forThisPlatform(), ScreenCamera::listedForThisPlatform), CaptureClock.system()));
            Webcam.setDriver(installed.driver);
        }
        return installed;
    }

    /**
     * The cameras {@code Webcam.getWebcams()} lists, as ours (real cameras, screens, then the
     * test camera), as of the discovery service's last scan.
     *
     * @throws DeviceException FAILED when the listing timed out or the driver failed
     */
    public List<Camera> cameras() throws DeviceException {
        List<Webcam> webcams;
        try {
            webcams = Webcam.getWebcams(DISCOVERY_TIMEOUT_MS);
        } catch (TimeoutException | WebcamException e) {
            throw new DeviceException("webcam", DeviceException.Reason.FAILED, "The cameras could not be listed "
                    + "through the Webcam Capture API (" + e.getMessage() + ").", e);
        }
        return webcams.stream().map(Webcam::getDevice).filter(CameraWebcamDevice.class::isInstance)
                .map(d -> ((CameraWebcamDevice) d).camera()).toList();
    }

    /**
     * Calls {@code changed} (on the discovery thread) whenever a camera comes or goes; close the
     * result to stop.
     */
    public AutoCloseable watch(Runnable changed) {
        WebcamDiscoveryListener listener = new WebcamDiscoveryListener() {
            @Override
            public void webcamFound(WebcamDiscoveryEvent event) {
                changed.run();
            }

            @Override
            public void webcamGone(WebcamDiscoveryEvent event) {
                changed.run();
            }
        };
        Webcam.addDiscoveryListener(listener);
        return () -> Webcam.removeDiscoveryListener(listener);
    }

    /** A Webcam Capture device for {@code camera} from the installed driver (not yet open). */
    public com.github.sarxos.webcam.WebcamDevice device(Camera camera) {
        return driver.device(camera);
    }
}
