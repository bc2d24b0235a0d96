package org.netstreamfx.capture.device;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.netstreamfx.capture.device.DeviceException.Reason;

/**
 * The cameras and microphones of this machine, plus the virtual ones. Each call looks again, so
 * a device plugged in since the last call is found; listing never fails (a device that cannot be
 * asked is left out) and finds at least the test camera, the tone and "none".
 */
public final class Devices {
    private final CameraDiscovery cameraDiscovery;
    private final Supplier<List<? extends Microphone>> soundMicrophones;

    /** Real devices through FFmpeg's capture input for this platform and javax.sound. */
    public Devices() {
        this(CameraDiscovery.forThisPlatform(), SoundMicrophone::listAll);
    }

    /** @param soundMicrophones lists the real microphones (javax.sound's, or a test's) */
    public Devices(CameraDiscovery cameraDiscovery, Supplier<List<? extends Microphone>> soundMicrophones) {
        this.cameraDiscovery = cameraDiscovery;
        this.soundMicrophones = soundMicrophones;
    }

    /** Real cameras then "test"; real microphones then "tone" and "none". */
    public DeviceList list() {
        List<Camera> cameras = new ArrayList<>(cameraDiscovery.cameras());
        cameras.add(new TestCamera());
        List<Microphone> mics = new ArrayList<>(soundMicrophones.get());
        mics.add(new ToneMicrophone());
        mics.add(new NoMicrophone());
        return new DeviceList(cameras, mics);
    }

    /**
     * The camera with this id: "test", a listed camera, a device this platform's input opens
     * directly (e.g. "/dev/video2", even unlisted: opening it says whether it is there), or the
     * path of a media file.
     *
     * @throws DeviceException NOT_FOUND naming the id and what to give instead; FAILED for a
     *                         file FFmpeg cannot play
     */
    public Camera camera(String id) throws DeviceException {
        if (id.equals(TestCamera.ID)) {
            return new TestCamera();
        }
        if (cameraDiscovery.looksLikeDevice(id)) {
            return cameraDiscovery.cameras().stream().filter(c -> c.id().equals(id)).findFirst()
                    .orElseGet(() -> new DeviceCamera(id, id, cameraDiscovery.inputFormat()));
        }
        Optional<DeviceCamera> listed = cameraDiscovery.cameras().stream().filter(c -> c.id().equals(id)).findFirst();
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
