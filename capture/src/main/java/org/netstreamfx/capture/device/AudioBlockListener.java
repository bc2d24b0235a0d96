package org.netstreamfx.capture.device;

/** Receives a microphone's audio. Both methods are called on the capture's own thread. */
public interface AudioBlockListener {

    /** A block; its samples are valid only during this call (see {@link AudioBlock}). */
    void onAudio(AudioBlock block);

    /** The capture stopped because the device failed; at most once, never after {@code close()}. */
    void onCaptureFailed(DeviceException failure);
}
