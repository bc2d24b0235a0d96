package org.netstreamfx.capture.encode;

/** An encoder could not be opened or refused a frame; the message says which and why. */
public class EncoderException extends Exception {
    private static final long serialVersionUID = 1L;

    public EncoderException(String message) {
        super(message);
    }
}
