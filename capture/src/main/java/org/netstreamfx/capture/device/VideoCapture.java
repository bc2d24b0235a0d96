package org.netstreamfx.capture.device;

/** A running camera capture. Its owner closes it; closing twice is harmless. */
public interface VideoCapture extends AutoCloseable {

    Camera camera();

    /** The negotiated format: the size of every frame delivered and the rate they come at. */
    VideoFormat format();

    /** Frames handed to the listener so far. */
    long framesDelivered();

    /** Stops the capture thread (waiting for it) and releases the device. */
    @Override
    void close();
}
