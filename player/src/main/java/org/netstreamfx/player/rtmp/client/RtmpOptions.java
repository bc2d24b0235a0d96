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
 * @param silenceTimeoutMs once connected, how long the server may send nothing at all before the
 *     connection counts as dead (half-open TCP: the peer is gone without a FIN or RST):
 *     {@code NetStreamFX.Connect.Stalled}, then Connect.Closed or a reconnect. Silence is not
 *     taken for death on its own: nginx-rtmp sends nothing to a player of a stream nobody
 *     publishes, so after a third of this limit without a byte the client sends a User Control
 *     PingRequest (RTMP 1.0 section 7.1.7), which every server answers with a PingResponse, and
 *     again after two thirds. Default {@link #DEFAULT_SILENCE_TIMEOUT_MS}
 */
public record RtmpOptions(long connectTimeoutMs, HandshakeMode handshakeMode, Path trustedCertificate,
        String flashVer, String swfUrl, String pageUrl, ChunkLimits chunkLimits, AmfLimits amfLimits,
        ReconnectPolicy reconnect, long silenceTimeoutMs) {

    /** The flashVer Flash Player 32 on Linux sends. */
    public static final String DEFAULT_FLASH_VER = "LNX 32,0,0,465";
    /** Default connect timeout. */
    public static final long DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

    /**
     * Default silence timeout: 15 s. Long enough that a link that is only slow is not dropped
     * (TCP's own retransmissions back off 0.2, 0.4, 0.8, 1.6, 3.2, 6.4 s: six losses in a row
     * take about 12.6 s to recover) and that two PingRequests (at 5 and 10 s) go unanswered
     * first; short enough that a viewer is told within seconds, not after the minutes TCP
     * keep-alive would take (2 h on Linux by default). A player's buffer rarely holds more.
     */
    public static final long DEFAULT_SILENCE_TIMEOUT_MS = 15_000;
    /** The shortest silence timeout accepted; each probe waits a third of it. */
    public static final long MIN_SILENCE_TIMEOUT_MS = 300;

    /** 10 s connect timeout, FP9 digest handshake, JDK trust store, no reconnect, 15 s silence timeout. */
    public static final RtmpOptions DEFAULTS = new RtmpOptions(DEFAULT_CONNECT_TIMEOUT_MS, HandshakeMode.DIGEST_FP9,
            null, DEFAULT_FLASH_VER, null, null, ChunkLimits.DEFAULTS, AmfLimits.DEFAULT, ReconnectPolicy.OFF,
            DEFAULT_SILENCE_TIMEOUT_MS);

    public RtmpOptions {
        if (connectTimeoutMs < 1) {
            throw new IllegalArgumentException("connect timeout " + connectTimeoutMs + " ms must be at least 1");
        }
        Objects.requireNonNull(handshakeMode, "handshakeMode");
        Objects.requireNonNull(flashVer, "flashVer");
        Objects.requireNonNull(chunkLimits, "chunkLimits");
        Objects.requireNonNull(amfLimits, "amfLimits");
        Objects.requireNonNull(reconnect, "reconnect");
        if (silenceTimeoutMs < MIN_SILENCE_TIMEOUT_MS) {
            throw new IllegalArgumentException("silence timeout " + silenceTimeoutMs + " ms must be at least "
                    + MIN_SILENCE_TIMEOUT_MS);
        }
    }

    public RtmpOptions withConnectTimeoutMs(long ms) {
        return new RtmpOptions(ms, handshakeMode, trustedCertificate, flashVer, swfUrl, pageUrl, chunkLimits,
                amfLimits, reconnect, silenceTimeoutMs);
    }

    public RtmpOptions withHandshakeMode(HandshakeMode mode) {
        return new RtmpOptions(connectTimeoutMs, mode, trustedCertificate, flashVer, swfUrl, pageUrl, chunkLimits,
                amfLimits, reconnect, silenceTimeoutMs);
    }

    public RtmpOptions withTrustedCertificate(Path certificateFile) {
        return new RtmpOptions(connectTimeoutMs, handshakeMode, certificateFile, flashVer, swfUrl, pageUrl,
                chunkLimits, amfLimits, reconnect, silenceTimeoutMs);
    }

    public RtmpOptions withFlashVer(String v) {
        return new RtmpOptions(connectTimeoutMs, handshakeMode, trustedCertificate, v, swfUrl, pageUrl, chunkLimits,
                amfLimits, reconnect, silenceTimeoutMs);
    }

    public RtmpOptions withSwfUrl(String url) {
        return new RtmpOptions(connectTimeoutMs, handshakeMode, trustedCertificate, flashVer, url, pageUrl,
                chunkLimits, amfLimits, reconnect, silenceTimeoutMs);
    }

    public RtmpOptions withPageUrl(String url) {
        return new RtmpOptions(connectTimeoutMs, handshakeMode, trustedCertificate, flashVer, swfUrl, url,
                chunkLimits, amfLimits, reconnect, silenceTimeoutMs);
    }

    public RtmpOptions withChunkLimits(ChunkLimits limits) {
        return new RtmpOptions(connectTimeoutMs, handshakeMode, trustedCertificate, flashVer, swfUrl, pageUrl,
                limits, amfLimits, reconnect, silenceTimeoutMs);
    }

    public RtmpOptions withAmfLimits(AmfLimits limits) {
        return new RtmpOptions(connectTimeoutMs, handshakeMode, trustedCertificate, flashVer, swfUrl, pageUrl,
                chunkLimits, limits, reconnect, silenceTimeoutMs);
    }

    public RtmpOptions withReconnect(ReconnectPolicy policy) {
        return new RtmpOptions(connectTimeoutMs, handshakeMode, trustedCertificate, flashVer, swfUrl, pageUrl,
                chunkLimits, amfLimits, policy, silenceTimeoutMs);
    }

    /** Sets how long a connected server may stay silent, probes unanswered, before the connection counts as dead. */
    public RtmpOptions withSilenceTimeoutMs(long ms) {
        return new RtmpOptions(connectTimeoutMs, handshakeMode, trustedCertificate, flashVer, swfUrl, pageUrl,
                chunkLimits, amfLimits, reconnect, ms);
    }
}
