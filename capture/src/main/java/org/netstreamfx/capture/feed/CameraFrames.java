package org.netstreamfx.capture.feed;

import java.util.Objects;
import java.util.function.Consumer;
import org.netstreamfx.capture.device.DeviceException;
import org.netstreamfx.capture.device.VideoFrame;
import org.netstreamfx.capture.device.VideoFrameListener;

/**
 * What a camera feed listens to its camera with: each picture goes to the feed's encoding step,
 * a capture failure to the feed's failure report. Shared by the single-track and the multitrack
 * camera feeds, which differ only in how a picture is encoded.
 *
 * <p>Threads: called on the camera's capture thread.
 */
final class CameraFrames implements VideoFrameListener {
    private final Consumer<VideoFrame> onFrame;
    private final Consumer<DeviceException> onFailure;

    CameraFrames(Consumer<VideoFrame> onFrame, Consumer<DeviceException> onFailure) {
        this.onFrame = Objects.requireNonNull(onFrame, "onFrame");
        this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
    }

    @Override
    public void onFrame(VideoFrame frame) {
        onFrame.accept(Objects.requireNonNull(frame, "frame"));
    }

    @Override
    public void onCaptureFailed(DeviceException failure) {
        onFailure.accept(Objects.requireNonNull(failure, "failure"));
    }
}
