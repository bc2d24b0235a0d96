package org.netstreamfx.capture.device;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.netstreamfx.capture.device.DeviceException.Reason;

/**
 * The cameras and microphones of this machine, plus the virtual ones. Listing never fails (a
 * device that cannot be asked is left out) and finds at least the test camera, the tone and
 * "none". Cameras are real ones, then the screen ({@link ScreenCamera}), then the test camera.
 *
 * <p>{@link #Devices()} lists cameras through the Webcam Capture API ({@link WebcamCameras}: as of
 * its discovery service's last scan, every {@link FfmpegWebcamDriver#SCAN_INTERVAL_MS}; see
 * {@link #watchCameras}); the other constructor asks FFmpeg directly at each call.
 */
public final class Devices {
    private final CameraDiscovery cameraDiscovery;
    private final WebcamCameras webcams;
    private final Supplier<List<Camera>> directCameras;
    private final Supplier<List<? extends Microphone>> soundMicrophones;

    /**
     * Real cameras and the screen through the Webcam Capture API (installing our driver once per
     * JVM), microphones through javax.sound.
     */
    public Devices() {
        this(CameraDiscovery.forThisPlatform(), WebcamCameras.system(), ScreenCamera::listedForThisPlatform,
                SoundMicrophone::listAll);
    }

    /**
     * Cameras from FFmpeg's listing, asked at each call, without the Webcam Capture API and
     * without listing the screen (for tests that must not depend on the per-JVM state of the one
     * or the {@code DISPLAY} of the other); {@code screen:…} ids still open.
     *
     * @param soundMicrophones lists the real microphones (javax.sound's, or a test's)
     */
    public Devices(CameraDiscovery cameraDiscovery, Supplier<List<? extends Microphone>> soundMicrophones) {
        this(cameraDiscovery, null, List::of, soundMicrophones);
    }

    private Devices(CameraDiscovery cameraDiscovery, WebcamCameras webcams, Supplier<List<ScreenCamera>> screens,
                    Supplier<List<? extends Microphone>> soundMicrophones) {
        this.cameraDiscovery = cameraDiscovery;
        this.webcams = webcams;
        this.directCameras = directCameras(cameraDiscovery, screens);
        this.soundMicrophones = soundMicrophones;
    }

    /** Real cameras, then the screens, then the test camera, asked now. */
    static Supplier<List<Camera>> directCameras(CameraDiscovery discovery, Supplier<List<ScreenCamera>> screens) {
        return () -> {
            List<Camera> cameras = new ArrayList<>(discovery.cameras());
            cameras.addAll(screens.get());
            cameras.add(new TestCamera());
            return cameras;
        };
    }

    /**
     * Calls {@code changed} (on a discovery thread) when a camera is plugged in or out, for a
     * list to refresh; close the result to stop. Without the Webcam Capture API, never called.
     */
    public AutoCloseable watchCameras(Runnable changed) {
        return webcams != null ? webcams.watch(changed) : () -> { };
    }

    /** Real cameras, the screen, then "test"; real microphones then "tone" and "none". */
    public DeviceList list() {
        List<Camera> cameras = new ArrayList<>(listCameras());
        if (cameras.stream().noneMatch(TestCamera.class::isInstance)) {
            cameras.add(new TestCamera());
        }
        List<Microphone> mics = new ArrayList<>(soundMicrophones.get());
        mics.add(new ToneMicrophone());
        mics.add(new NoMicrophone());
        return new DeviceList(cameras, mics);
    }

    private List<Camera> listCameras() {
        if (webcams == null) {
            return directCameras.get();
        }
        try {
            return webcams.cameras();
        } catch (DeviceException e) {
            // Listing never fails: the Webcam API's discovery timed out or failed, so ask FFmpeg directly.
            return directCameras.get();
        }
    }

    /**
     * The camera with this id: "test", a screen ({@code screen:…}, see {@link ScreenSpec}), a
     * listed camera, a device this platform's input opens directly (e.g. "/dev/video2", even
     * unlisted: opening it says whether it is there), or the path of a media file.
     *
     * @throws DeviceException NOT_FOUND naming the id and what to give instead; FAILED for a
     *                         file FFmpeg cannot play; INVALID_ID for a malformed screen id
     */
    public Camera camera(String id) throws DeviceException {
        if (id.equals(TestCamera.ID)) {
            return new TestCamera();
        }
        if (ScreenSpec.isScreen(id)) {
            return ScreenCamera.of(id);
        }
        if (cameraDiscovery.looksLikeDevice(id)) {
            return cameraDiscovery.cameras().stream().filter(c -> c.id().equals(id)).findFirst()
                    .orElseGet(() -> new DeviceCamera(id, id, cameraDiscovery.inputFormat()));
        }
        Optional<Camera> listed = listCameras().stream().filter(c -> c.id().equals(id)).findFirst();
        if (listed.isPresent()) {
            return listed.get();
        }
        return FileCamera.of(Path.of(id));
    }

    /**
     * The microphone with this id: "tone", "none", or a listed one.
     *
     * @throws DeviceException NOT_FOUND naming the id and what to give instead
     */
    public Microphone microphone(String id) throws DeviceException {
        if (id.equals(ToneMicrophone.ID)) {
            return new ToneMicrophone();
        }
        if (id.equals(NoMicrophone.ID)) {
            return new NoMicrophone();
        }
        for (Microphone mic : soundMicrophones.get()) {
            if (mic.id().equals(id)) {
                return mic;
            }
        }
        throw new DeviceException(id, Reason.NOT_FOUND, "No microphone \"" + id + "\": it may be unplugged. "
                + "Run `nsfx devices` to list the microphones there are, or give \"tone\" or \"none\".");
    }

    /**
     * The microphone with this id, or one whose opening fails with the reason it is not there
     * (a {@link MissingMicrophone}): for a publisher that goes on with its camera and reports the
     * microphone as the feed's error.
     */
    public Microphone microphoneOrMissing(String id) {
        try {
            return microphone(id);
        } catch (DeviceException e) {
            return new MissingMicrophone(e);
        }
    }
}
