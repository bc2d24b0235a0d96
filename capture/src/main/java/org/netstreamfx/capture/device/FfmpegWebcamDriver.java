package org.netstreamfx.capture.device;

import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamDiscoverySupport;
import com.github.sarxos.webcam.WebcamDriver;
import java.util.List;

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
 * The engine itself uses {@link Camera} directly (frames pushed with capture timestamps); this
 * driver lets code written for the Webcam Capture API (panels, pickers, snapshots) use the same
 * devices. A media file is not listed, but {@link #device(Camera)} wraps any camera, files too.
 */
public final class FfmpegWebcamDriver implements WebcamDriver, WebcamDiscoverySupport {
    /** How often the Webcam library's discovery service asks again, in milliseconds. */
    static final long SCAN_INTERVAL_MS = 3000;

    private final Devices devices;
    private final CaptureClock clock;

    public FfmpegWebcamDriver(Devices devices, CaptureClock clock) {
        this.devices = devices;
        this.clock = clock;
    }

    /** Real cameras then the test camera, each a {@link WebcamDevice} that is not yet open. */
    @Override
    public List<WebcamDevice> getDevices() {
        return devices.list().cameras().stream().map(this::device).toList();
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
