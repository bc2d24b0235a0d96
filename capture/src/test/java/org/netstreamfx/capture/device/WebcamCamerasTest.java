package org.netstreamfx.capture.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.sarxos.webcam.Webcam;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The machine's cameras through the Webcam Capture API: our driver installed once, the library's
 * own {@code Webcam.getWebcams()} listing what {@link Devices#list()} gives, and a listed camera
 * opened, read and closed through the library.
 */
class WebcamCamerasTest {

    @Test
    void theLibraryListsThroughOurDriverWhatDevicesGives() throws Exception {
        WebcamCameras cameras = WebcamCameras.system();
        assertSame(cameras, WebcamCameras.system(), "one instance per JVM");
        assertInstanceOf(FfmpegWebcamDriver.class, Webcam.getDriver());
        List<String> fromLibrary = Webcam.getWebcams().stream().map(Webcam::getName).toList();
        List<Camera> fromDevices = new Devices().list().cameras();
        assertEquals(fromDevices.stream().map(c -> c.name() + " [" + c.id() + "]").toList(), fromLibrary);
        assertEquals(TestCamera.ID, fromDevices.get(fromDevices.size() - 1).id(), "the test camera comes last");
        assertEquals(fromDevices.stream().map(Camera::id).toList(), cameras.cameras().stream().map(Camera::id).toList());
    }

    @Test
    void aListedCameraOpensReadsAndClosesThroughTheLibrary() {
        WebcamCameras.system();
        Webcam test = Webcam.getWebcams().stream().filter(w -> w.getName().endsWith("[test]")).findFirst()
                .orElseThrow();
        assertTrue(test.open());
        try {
            BufferedImage image = test.getImage();
            assertNotNull(image);
            assertEquals(640, image.getWidth());
            assertEquals(480, image.getHeight());
        } finally {
            assertTrue(test.close());
        }
        assertFalse(test.isOpen());
    }

    @Test
    void theScreenIsListedForADisplayAndNotWithout() {
        List<ScreenCamera> listed = ScreenCamera.listed("x11grab", ":5");
        assertEquals(List.of("screen::5"), listed.stream().map(ScreenCamera::id).toList());
        assertTrue(listed.get(0).name().startsWith("Screen :5 (whole"), listed.get(0).name());
        assertTrue(ScreenCamera.listed("x11grab", null).isEmpty());
        assertTrue(ScreenCamera.listed("x11grab", "").isEmpty());
        assertTrue(ScreenCamera.listed("no-such-input", ":5").isEmpty());
    }
}
