package org.netstreamfx.player.rtmp.handshake;

import java.io.IOException;
import java.util.Optional;

/**
 * The server closed or reset the connection after our C0+C1, before sending S0: it did not
 * accept the handshake as sent. {@link #fallbackMode()} names the mode to retry with on a new
 * connection (see {@link HandshakeMode#fallback()}).
 */
public class HandshakeRejectedException extends IOException {
    private static final long serialVersionUID = 1L;

    private final HandshakeMode attemptedMode;

    public HandshakeRejectedException(HandshakeMode attemptedMode, String message, Throwable cause) {
        super(message, cause);
        this.attemptedMode = attemptedMode;
    }

    /** The mode the server rejected. */
    public HandshakeMode attemptedMode() {
        return attemptedMode;
    }

    /** The mode to try on a new connection, if any. */
    public Optional<HandshakeMode> fallbackMode() {
        return attemptedMode.fallback();
    }
}
