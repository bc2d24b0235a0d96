package org.netstreamfx.player.source;

import java.io.IOException;

/** Nothing at the address given to play(): a missing file, an HTTP 404. Becomes Play.StreamNotFound. */
public class StreamNotFoundException extends IOException {
    private static final long serialVersionUID = 1L;

    public StreamNotFoundException(String message) {
        super(message);
    }
}
