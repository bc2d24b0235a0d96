package org.netstreamfx.player.rtmp.handshake;

import java.util.Optional;

/**
 * What a completed handshake established. "Peer" is the server for
 * {@link RtmpHandshake#client} and the client for {@link RtmpHandshake#server}.
 *
 * @param mode the mode actually used: {@link HandshakeMode#PLAIN} if either side did not sign
 * @param scheme the digest scheme of the peer's C1/S1, empty unless its digest was valid
 * @param peerTime the time field of the peer's S1/C1 (32-bit unsigned), its epoch for timestamps
 * @param peerVersion the version field of the peer's S1/C1 (32-bit unsigned, 0 for a plain peer)
 * @param peerDigestValid whether the peer's S1/C1 carried a valid Flash Player 9 digest
 * @param peerResponseValid whether the peer's S2/C2 answered our packet: echoed it (section 5.2.4)
 *     or, in digest mode, carried the expected signature. Many servers do neither; this is
 *     informational and not checked by the handshake itself.
 */
public record HandshakeResult(HandshakeMode mode, Optional<DigestScheme> scheme, long peerTime,
        long peerVersion, boolean peerDigestValid, boolean peerResponseValid) {

    public HandshakeResult {
        if (mode == null || scheme == null) {
            throw new IllegalArgumentException("mode and scheme must be given");
        }
    }

    /** The peer version as four dotted bytes, for example "9.0.124.2". */
    public String peerVersionString() {
        return (peerVersion >>> 24) + "." + ((peerVersion >>> 16) & 0xFF) + "."
                + ((peerVersion >>> 8) & 0xFF) + "." + (peerVersion & 0xFF);
    }
}
