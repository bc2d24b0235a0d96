package org.netstreamfx.capture.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamException;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class CameraWebcamDeviceTest {
    private final Devices devices = new Devices(new CameraDiscovery("video4linux2"), List::of);
    private final FfmpegWebcamDriver driver = new FfmpegWebcamDriver(devices, CaptureClock.system());

    @Test
    void theTestCameraCapturesThroughTheWebcamCaptureApi() {
        WebcamDevice device = driver.getDevices().stream()
                .filter(d -> d.getName().endsWith("[test]")).findFirst().orElseThrow();
        assertTrue(List.of(device.getResolutions()).contains(new Dimension(640, 360)));
        device.setResolution(new Dimension(320, 240));
        device.open();
        try {
            assertTrue(device.isOpen());
            assertEquals(30.0, ((WebcamDevice.FPSSource) device).getFPS());
            long previous = -1;
            for (int i = 0; i < 3; i++) {
                BufferedImage image = device.getImage();
                assertNotNull(image);
                assertEquals(320, image.getWidth());
                assertEquals(240, image.getHeight());
                long number = TestPattern.readFrameNumber(bgra(image), 320, 240);
                assertTrue(number > previous, "frame " + number + " after " + previous);
                previous = number;
            }
            ByteBuffer rgb = ((WebcamDevice.BufferAccess) device).getImageBytes();
            assertEquals(320 * 240 * 3, rgb.remaining());
            assertEquals(255, rgb.get(0) & 0xFF, "the code row's first cell is white");
        } finally {
            device.close();
        }
        assertFalse(device.isOpen());
    }

    @Test
    void aMissingDeviceFailsToOpenWithOurSentence() throws Exception {
        WebcamDevice device = driver.device(devices.camera("/dev/video99"));
        WebcamException e = assertThrows(WebcamException.class, device::open);
        assertTrue(e.getMessage().contains("\"/dev/video99\" was not found"), e.getMessage());
        assertFalse(device.isOpen());
    }

    @Test
    void itSaysItCanScan() {
        assertTrue(driver.isScanPossible());
        assertNotEquals(0, driver.getScanInterval());
    }

    private static ByteBuffer bgra(BufferedImage image) {
        ByteBuffer b = ByteBuffer.allocate(image.getWidth() * image.getHeight() * 4);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                b.put((byte) rgb).put((byte) (rgb >> 8)).put((byte) (rgb >> 16)).put((byte) 255);
            }
        }
        return b.flip();
    }
}
