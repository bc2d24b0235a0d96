package org.netstreamfx.player.rtmp.handshake;

import java.util.Optional;

/**
 * How the client signs its handshake.
 *
 * <p>{@link #PLAIN} is the handshake of the Adobe RTMP specification 1.0, section 5.2: C1 carries
 * time, four zero bytes and 1528 random bytes, C2 echoes S1. {@link #DIGEST_FP9} is the handshake
 * Flash Player 9.0.115 and later use, as documented by librtmp and crtmpserver: C1 carries the
 * player version and an HMAC-SHA256 digest keyed with "Genuine Adobe Flash Player 001", and C2 is
 * signed with a key derived from the server's S1 digest. Some servers (Flash Media Server
 * configured for it, and some CDNs) only stream H.264 to clients that use it; a few old or
 * minimal servers drop a connection whose C1 they do not recognise, for which
 * {@link #fallback()} names the mode to try on a new connection.
 */
public enum HandshakeMode {
    /** The plain handshake of section 5.2. */
    PLAIN,
    /** The Flash Player 9 digest handshake. */
    DIGEST_FP9;

    /** The mode to try on a new connection if the server dropped this one during the handshake. */
    public Optional<HandshakeMode> fallback() {
        return this == DIGEST_FP9 ? Optional.of(PLAIN) : Optional.empty();
    }
}
