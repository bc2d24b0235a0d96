package org.netstreamfx.player.source;

import java.io.IOException;

/** Data that is not media the engine can play (unknown container, no supported track). Play.Failed. */
public class UnsupportedMediaException extends IOException {
    private static final long serialVersionUID = 1L;

    public UnsupportedMediaException(String message) {
        super(message);
    }

    public UnsupportedMediaException(String message, Throwable cause) {
        super(message, cause);
    }
}
