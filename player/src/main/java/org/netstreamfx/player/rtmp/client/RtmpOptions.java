package org.netstreamfx.player.rtmp.client;

import java.nio.file.Path;
import java.util.Objects;
import org.netstreamfx.player.amf.AmfLimits;
import org.netstreamfx.player.rtmp.chunk.ChunkLimits;
import org.netstreamfx.player.rtmp.handshake.HandshakeMode;

/**
 * How an RTMP connection is made. Immutable; change it with the {@code with...} methods.
 *
 * @param connectTimeoutMs how long the whole connect may take (TCP, TLS, handshake, the answer
 *     to the connect command) before Connect.Failed; default 10 000
 * @param handshakeMode the first handshake tried (RTMP 1.0 section 5.2); default
 *     {@link HandshakeMode#DIGEST_FP9}, with a fall back to {@link HandshakeMode#PLAIN} on a new
 *     socket when the server drops the digest one
 * @param trustedCertificate for rtmps://: a certificate file (PEM or DER) to trust in place of
 *     the JDK's trust store, for self-signed test servers; hostname checks stay on. null: the
 *     JDK's trust store
 * @param flashVer the connect command's flashVer
 * @param swfUrl the connect command's swfUrl, or null to leave it out
 * @param pageUrl the connect command's pageUrl, or null to leave it out
 * @param chunkLimits limits on the inbound chunk stream
 * @param amfLimits limits on inbound AMF
 * @param reconnect what to do after an unexpected close
 */
public record RtmpOptions(long connectTimeoutMs, HandshakeMode handshakeMode, Path trustedCertificate,
        String flashVer, String swfUrl, String pageUrl, ChunkLimits chunkLimits, AmfLimits amfLimits,
        ReconnectPolicy reconnect) {

    /** The flashVer Flash Player 32 on Linux sends. */
    public static final String DEFAULT_FLASH_VER = "LNX 32,0,0,465";
    /** Default connect timeout. */
    public static final long DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

    /** 10 s timeout, FP9 digest handshake, JDK trust store, no reconnect. */
    public static final RtmpOptions DEFAULTS = new RtmpOptions(DEFAULT_CONNECT_TIMEOUT_MS, HandshakeMode.DIGEST_FP9,
            null, DEFAULT_FLASH_VER, null, null, ChunkLimits.DEFAULTS, AmfLimits.DEFAULT, ReconnectPolicy.OFF);

    public RtmpOptions {
        if (connectTimeoutMs < 1) {
            throw new IllegalArgumentException("connect timeout " + connectTimeoutMs + " ms must be at least 1");
        }
        Objects.requireNonNull(handshakeMode, "handshakeMode");
        Objects.requireNonNull(flashVer, "flashVer");
        Objects.requireNonNull(chunkLimits, "chunkLimits");
        Objects.requireNonNull(amfLimits, "amfLimits");
        Objects.requireNonNull(reconnect, "reconnect");
    }

    public RtmpOptions withConnectTimeoutMs(long ms) {
        return new RtmpOptions(ms, handshakeMode, trustedCertificate, flashVer, swfUrl, pageUrl, chunkLimits,
                amfLimits, reconnect);
    }

    public RtmpOptions withHandshakeMode(HandshakeMode mode) {
        return new RtmpOptions(connectTimeoutMs, mode, trustedCertificate, flashVer, swfUrl, pageUrl, chunkLimits,
                amfLimits, reconnect);
    }

    public RtmpOptions withTrustedCertificate(Path certificateFile) {
        return new RtmpOptions(connectTimeoutMs, handshakeMode, certificateFile, flashVer, swfUrl, pageUrl,
                chunkLimits, amfLimits, reconnect);
    }

    public RtmpOptions withFlashVer(String v) {
        return new RtmpOptions(connectTimeoutMs, handshakeMode, trustedCertificate, v, swfUrl, pageUrl, chunkLimits,
                amfLimits, reconnect);
    }

    public RtmpOptions withSwfUrl(String url) {
        return new RtmpOptions(connectTimeoutMs, handshakeMode, trustedCertificate, flashVer, url, pageUrl,
                chunkLimits, amfLimits, reconnect);
    }

    public RtmpOptions withPageUrl(String url) {
        return new RtmpOptions(connectTimeoutMs, handshakeMode, trustedCertificate, flashVer, swfUrl, url,
                chunkLimits, amfLimits, reconnect);
    }

    public RtmpOptions withChunkLimits(ChunkLimits limits) {
        return new RtmpOptions(connectTimeoutMs, handshakeMode, trustedCertificate, flashVer, swfUrl, pageUrl,
                limits, amfLimits, reconnect);
    }

    public RtmpOptions withAmfLimits(AmfLimits limits) {
        return new RtmpOptions(connectTimeoutMs, handshakeMode, trustedCertificate, flashVer, swfUrl, pageUrl,
                chunkLimits, limits, reconnect);
    }

    public RtmpOptions withReconnect(ReconnectPolicy policy) {
        return new RtmpOptions(connectTimeoutMs, handshakeMode, trustedCertificate, flashVer, swfUrl, pageUrl,
                chunkLimits, amfLimits, policy);
    }
}
