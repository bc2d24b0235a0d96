package org.netstreamfx.player.source;

import java.io.IOException;

/**
 * A read that waited for data was woken by {@link MediaSource#wakeReader()}: nothing is wrong,
 * the reader has something else to do first (a seek). The stream goes on.
 */
public final class ReadWokenException extends IOException {
    private static final long serialVersionUID = 1L;

    public ReadWokenException(String source) {
        super("A read of " + source + " was woken for a seek");
    }
}
