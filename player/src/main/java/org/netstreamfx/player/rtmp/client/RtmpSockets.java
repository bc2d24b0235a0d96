package org.netstreamfx.player.rtmp.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Opens the TCP or TLS socket under an RTMP connection. TLS (rtmps://) checks the server's
 * certificate chain against the JDK's trust store, or against exactly one certificate file when
 * one is given, and always checks the host name ({@code SSLParameters} endpoint identification
 * "HTTPS", RFC 2818). Nothing is trusted silently.
 */
final class RtmpSockets {
    private RtmpSockets() {
    }

    /**
     * Connects within {@code timeoutMs} and, for rtmps, completes the TLS handshake within what
     * is left of it.
     */
    static Socket open(RtmpUrl url, RtmpOptions options, long deadlineNanos) throws IOException {
        Socket plain = new Socket();
        try {
            plain.setTcpNoDelay(true);
            plain.connect(new InetSocketAddress(url.host(), url.port()), remainingMs(deadlineNanos));
            if (!url.secure()) {
                return plain;
            }
            SSLSocketFactory factory = sslFactory(options.trustedCertificate());
            SSLSocket tls = (SSLSocket) factory.createSocket(plain, url.host(), url.port(), true);
            SSLParameters p = tls.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(p);
            tls.setSoTimeout(remainingMs(deadlineNanos));
            tls.startHandshake();
            return tls;
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    /** Milliseconds to the deadline, at least 1 (0 would mean "forever" to a socket). */
    static int remainingMs(long deadlineNanos) {
        long ms = (deadlineNanos - System.nanoTime()) / 1_000_000;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, ms));
    }

    private static SSLSocketFactory sslFactory(Path trusted) throws IOException {
        if (trusted == null) {
            return (SSLSocketFactory) SSLSocketFactory.getDefault();
        }
        try (InputStream in = Files.newInputStream(trusted)) {
            Certificate cert = CertificateFactory.getInstance("X.509").generateCertificate(in);
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            ks.setCertificateEntry("trusted", cert);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use " + trusted + " as the trusted certificate: " + e.getMessage(), e);
        }
    }
}
