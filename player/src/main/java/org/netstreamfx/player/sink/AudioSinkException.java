package org.netstreamfx.player.sink;

/** An audio device could not be opened. */
public class AudioSinkException extends Exception {
    private static final long serialVersionUID = 1L;

    public AudioSinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
