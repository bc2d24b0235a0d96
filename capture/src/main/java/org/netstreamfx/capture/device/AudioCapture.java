package org.netstreamfx.capture.device;

/** A running microphone capture. Its owner closes it; closing twice is harmless. */
public interface AudioCapture extends AutoCloseable {

    Microphone microphone();

    /** The negotiated format of every block delivered. */
    PcmFormat format();

    /** Blocks handed to the listener so far. */
    long blocksDelivered();

    /** Stops the capture thread (waiting for it) and releases the device. */
    @Override
    void close();
}
