package org.netstreamfx.app.ui.publisher;

import java.util.function.Consumer;
import org.netstreamfx.capture.device.AudioBlock;
import org.netstreamfx.capture.device.AudioBlockListener;
import org.netstreamfx.capture.device.AudioCapture;
import org.netstreamfx.capture.device.CaptureClock;
import org.netstreamfx.capture.device.DeviceException;
import org.netstreamfx.capture.device.Devices;
import org.netstreamfx.capture.device.PcmFormat;
import org.netstreamfx.capture.device.VideoCapture;
import org.netstreamfx.capture.device.VideoFormat;
import org.netstreamfx.capture.device.VideoFrame;
import org.netstreamfx.capture.device.VideoFrameListener;

/**
 * The camera and microphone opened for looking and listening before going live: pictures go to
 * the preview, blocks to the level meter, nothing is encoded. Closed before the same devices are
 * opened to publish (a real camera opens once).
 *
 * <p>Owned by the publisher's I/O thread ("nsfx-publisher-io"): opening and closing block.
 */
final class DevicePreview {
    /** What the microphone is asked for: what the AAC encoder takes. */
    static final PcmFormat MIC_FORMAT = new PcmFormat(PublishSetup.SAMPLE_RATE_HZ, 2);

    private final Devices devices;
    private final CaptureClock clock;
    private VideoCapture camera;
    private AudioCapture microphone;

    DevicePreview(Devices devices, CaptureClock clock) {
        this.devices = devices;
        this.clock = clock;
    }

    // Called on the publisher's I/O thread.

    /**
     * Opens {@code cameraId} (unless "none") and {@code microphoneId}, closing what was open.
     *
     * @param failed told once for each device that stops on its own (on its capture thread)
     * @throws DeviceException a device is missing or refuses; what opened is closed again
     */
    void open(String cameraId, String microphoneId, VideoFormat format, Consumer<VideoFrame> pictures,
              Consumer<AudioBlock> blocks, Consumer<DeviceException> failed) throws DeviceException {
        close();
        try {
            if (!cameraId.equals("none")) {
                camera = devices.camera(cameraId).open(format, clock, new VideoFrameListener() {
                    @Override
                    public void onFrame(VideoFrame frame) {
                        pictures.accept(frame);
                    }

                    @Override
                    public void onCaptureFailed(DeviceException failure) {
                        failed.accept(failure);
                    }
                });
            }
            microphone = devices.microphone(microphoneId).open(MIC_FORMAT, clock, new AudioBlockListener() {
                @Override
                public void onAudio(AudioBlock block) {
                    blocks.accept(block);
                }

                @Override
                public void onCaptureFailed(DeviceException failure) {
                    failed.accept(failure);
                }
            });
        } catch (DeviceException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Closes what is open (waits for the capture threads). */
    void close() {
        VideoCapture c = camera;
        AudioCapture m = microphone;
        camera = null;
        microphone = null;
        if (c != null) {
            c.close();
        }
        if (m != null) {
            m.close();
        }
    }

    boolean open() {
        return camera != null || microphone != null;
    }
}
