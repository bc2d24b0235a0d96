package org.netstreamfx.capture.device;

import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamDiscoverySupport;
import com.github.sarxos.webcam.WebcamDriver;
import java.util.List;
import java.util.function.Supplier;

/**
 * A Webcam Capture API driver over our cameras: FFmpeg's capture inputs through JavaCV and the
 * test camera, with no BridJ or OpenIMAJ grabber, so discovery and capture work on JDK 17 on
 * every platform FFmpeg's natives support.
 *
 * <pre>{@code
 * Webcam.setDriver(new FfmpegWebcamDriver(new Devices(), CaptureClock.system()));
 * Webcam webcam = Webcam.getDefault();
 * }</pre>
 *
 * The app and {@code nsfx devices} list cameras through it ({@link WebcamCameras}, which installs
 * it once per JVM); the engine captures from the {@link Camera} inside each device (frames pushed
 * with capture timestamps). Code written for the Webcam Capture API (panels, pickers, snapshots)
 * can use the same devices. A media file is not listed, but {@link #device(Camera)} wraps any
 * camera, files too.
 */
public final class FfmpegWebcamDriver implements WebcamDriver, WebcamDiscoverySupport {
    /** How often the Webcam library's discovery service asks again, in milliseconds. */
    static final long SCAN_INTERVAL_MS = 3000;

    private final Supplier<List<Camera>> cameras;
    private final CaptureClock clock;

    /** Lists what {@code devices} lists (real cameras, screens, then the test camera). */
    public FfmpegWebcamDriver(Devices devices, CaptureClock clock) {
        this(() -> devices.list().cameras(), clock);
    }

    /** @param cameras what to list, looked up again at each scan */
    public FfmpegWebcamDriver(Supplier<List<Camera>> cameras, CaptureClock clock) {
        this.cameras = cameras;
        this.clock = clock;
    }

    /** Each camera listed now as a {@link WebcamDevice} that is not yet open; called on the discovery thread. */
    @Override
    public List<WebcamDevice> getDevices() {
        return cameras.get().stream().map(this::device).toList();
    }

    /** A Webcam Capture device for any camera of ours. */
    public WebcamDevice device(Camera camera) {
        return new CameraWebcamDevice(camera, clock);
    }

    /** Our devices lock themselves: the library need not serialise calls through its own thread. */
    @Override
    public boolean isThreadSafe() {
        return true;
    }

    @Override
    public long getScanInterval() {
        return SCAN_INTERVAL_MS;
    }

    @Override
    public boolean isScanPossible() {
        return true;
    }

    @Override
    public String toString() {
        return "FfmpegWebcamDriver";
    }
}
