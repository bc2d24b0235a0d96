package org.netstreamfx.capture.device;

/** Receives a camera's pictures. Both methods are called on the capture's own thread. */
public interface VideoFrameListener {

    /** A picture; its pixels are valid only during this call (see {@link VideoFrame}). */
    void onFrame(VideoFrame frame);

    /**
     * The capture stopped because the device failed (unplugged, driver error, end of a file that
     * cannot be rewound). Called at most once; no frame follows. Not called after {@code close()}.
     */
    void onCaptureFailed(DeviceException failure);
}
