package org.netstreamfx.app.ui.publisher;

import java.util.function.Consumer;
import org.netstreamfx.capture.device.CaptureClock;
import org.netstreamfx.capture.device.DeviceException;
import org.netstreamfx.capture.device.Devices;
import org.netstreamfx.capture.encode.AacSettings;
import org.netstreamfx.capture.encode.CodecChoice;
import org.netstreamfx.capture.encode.EncoderPick;
import org.netstreamfx.capture.encode.H264Settings;
import org.netstreamfx.capture.encode.Renditions;
import org.netstreamfx.capture.feed.CameraEncodingFeed;
import org.netstreamfx.capture.feed.CameraFeed;
import org.netstreamfx.capture.feed.MicrophoneFeed;
import org.netstreamfx.capture.feed.MultitrackCameraFeed;

/**
 * The camera and microphone feeds the publisher's setup asks for, as going live and "Check my
 * stream" both encode them: the chosen devices, sizes, rates, codecs and renditions, taken on the
 * FX thread ({@link #of}) and opened later on the I/O thread ({@link #open}).
 *
 * @param camera     the camera's id, "none" for no video
 * @param microphone the microphone's id, "none" for no audio
 */
public record PublishFeeds(String camera, String microphone, H264Settings video, AacSettings audio, CodecChoice codecs,
                    Renditions renditions) {
    /** What "none" means in a device choice. */
    public static final String NONE = "none";

    /** The setup's choices now (FX thread). */
    static PublishFeeds of(PublishSetup setup) {
        return new PublishFeeds(setup.cameraIdProperty().get(), setup.microphoneIdProperty().get(), setup.video(),
                setup.audio(), setup.codecs(), setup.renditions());
    }

    /** The opened feeds, either null for "none". */
    public record Opened(CameraEncodingFeed<?> camera, MicrophoneFeed microphone) {
    }

    /**
     * Opens the devices and makes their feeds (I/O thread); the encoder really used (a hardware
     * fallback included) goes to {@code picks}. A missing microphone is a feed that reports itself
     * failed once started (the session's FeedFailed notice); the camera goes on.
     */
    public Opened open(Devices devices, CaptureClock clock, Consumer<EncoderPick> picks) throws DeviceException {
        CameraEncodingFeed<?> cam = camera.equals(NONE) ? null : renditions == null
                ? new CameraFeed(devices.camera(camera), video, codecs.video(), codecs.encoder(), clock)
                : new MultitrackCameraFeed(devices.camera(camera), video, renditions, codecs.video(),
                        codecs.encoder(), clock);
        if (cam != null) {
            cam.setEncoderListener(picks::accept);
        }
        MicrophoneFeed mic = microphone.equals(NONE) ? null
                : new MicrophoneFeed(devices.microphoneOrMissing(microphone), audio, codecs.audio(), clock);
        return new Opened(cam, mic);
    }

    /** {@link #open} for a stream check: no encoder report; pictures to {@code frames}, levels to {@code blocks}. */
    org.netstreamfx.player.publish.MediaFeed[] openWatched(Devices devices, CaptureClock clock,
            Consumer<org.netstreamfx.capture.device.VideoFrame> frames,
            Consumer<org.netstreamfx.capture.device.AudioBlock> blocks) throws DeviceException {
        Opened o = open(devices, clock, pick -> { });
        if (o.camera() != null) {
            o.camera().setFrameObserver(frames);
        }
        if (o.microphone() != null) {
            o.microphone().setBlockObserver(blocks);
        }
        return new org.netstreamfx.player.publish.MediaFeed[] {o.camera(), o.microphone()};
    }
}
