package org.netstreamfx.capture.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DevicesTest {
    /** This machine's discovery, but no sound devices (as on CI, where javax.sound has no mixers). */
    private final Devices devices = new Devices(new CameraDiscovery("video4linux2"), List::of);

    @Test
    void withNoRealDevicesListsTheTestCameraToneAndNone() {
        DeviceList list = devices.list();
        List<String> cameraIds = list.cameras().stream().map(Camera::id).toList();
        assertEquals(TestCamera.ID, cameraIds.get(cameraIds.size() - 1), "test comes after the real cameras");
        assertEquals(List.of(ToneMicrophone.ID, NoMicrophone.ID),
                list.microphones().stream().map(Microphone::id).toList());
        assertTrue(list.microphones().get(1).formats().isEmpty(), "none offers no format");
        assertTrue(DeviceList.FILE_CAMERA_NOTE.contains("file"));
    }

    @Test
    void theMachineDefaultsListWithoutFailing() {
        DeviceList list = new Devices().list();
        assertTrue(list.cameras().stream().anyMatch(c -> c.id().equals("test")));
        assertTrue(list.microphones().stream().anyMatch(m -> m.id().equals("tone")));
    }

    @Test
    void aMissingVideoDeviceFailsToOpenWithASentenceNamingIt() throws Exception {
        Camera camera = devices.camera("/dev/video99");
        DeviceException e = assertThrows(DeviceException.class,
                () -> camera.open(new VideoFormat(640, 480, 30), new JumpingClock(0), new FrameCollector(1,
                        new JumpingClock(0))));
        assertEquals(DeviceException.Reason.NOT_FOUND, e.reason());
        assertEquals("/dev/video99", e.deviceId());
        assertTrue(e.getMessage().contains("\"/dev/video99\" was not found") && e.getMessage().contains("nsfx devices"),
                e.getMessage());
    }

    @Test
    void aBogusCameraIdIsNotFound() {
        DeviceException e = assertThrows(DeviceException.class, () -> devices.camera("bogus-camera-42"));
        assertEquals(DeviceException.Reason.NOT_FOUND, e.reason());
        assertTrue(e.getMessage().contains("\"bogus-camera-42\"") && e.getMessage().contains("\"test\""),
                e.getMessage());
    }

    @Test
    void aBogusMicrophoneIdIsNotFound() {
        DeviceException e = assertThrows(DeviceException.class, () -> devices.microphone("bogus-mic"));
        assertEquals(DeviceException.Reason.NOT_FOUND, e.reason());
        assertTrue(e.getMessage().contains("\"bogus-mic\"") && e.getMessage().contains("\"tone\""), e.getMessage());
    }

    @Test
    void afterAFailedDeviceTheOthersStillWork() throws Exception {
        assertThrows(DeviceException.class, () -> devices.camera("/dev/video99")
                .open(new VideoFormat(640, 480, 30), new JumpingClock(0), new FrameCollector(1, new JumpingClock(0))));
        CaptureClock clock = new JumpingClock(0);
        FrameCollector frames = new FrameCollector(3, clock);
        try (VideoCapture capture = devices.camera("test").open(new VideoFormat(320, 240, 30), clock, frames)) {
            assertEquals(3, frames.await().size());
        }
        assertInstanceOf(ToneMicrophone.class, devices.microphone("tone"));
        assertInstanceOf(NoMicrophone.class, devices.microphone("none"));
    }

    @Test
    void closestFormatPrefersAreaThenAspectThenRate() {
        List<VideoFormat> offered = DeviceCamera.COMMON_FORMATS;
        assertEquals(new VideoFormat(1280, 720, 30), VideoFormat.closest(offered, new VideoFormat(1366, 768, 25)));
        assertEquals(new VideoFormat(640, 480, 30), VideoFormat.closest(offered, new VideoFormat(800, 600, 30)));
        assertEquals(new VideoFormat(640, 360, 30), VideoFormat.closest(offered, new VideoFormat(600, 340, 60)));
        assertEquals(new PcmFormat(44100, 2), PcmFormat.closest(
                List.of(new PcmFormat(48000, 1), new PcmFormat(44100, 2)), new PcmFormat(44100, 1)));
    }
}
