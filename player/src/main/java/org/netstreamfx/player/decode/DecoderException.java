package org.netstreamfx.player.decode;

import java.io.IOException;

/** A decoder could not be opened, or its data could not be decoded. Names the track and why. */
public class DecoderException extends IOException {
    private static final long serialVersionUID = 1L;

    public DecoderException(String message) {
        super(message);
    }
}
