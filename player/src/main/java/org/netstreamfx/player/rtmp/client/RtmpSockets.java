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
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
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
            RecordingTrustManager trust = trustManager(options.trustedCertificate());
            SSLSocketFactory factory = sslFactory(trust);
            SSLSocket tls = (SSLSocket) factory.createSocket(plain, url.host(), url.port(), true);
            SSLParameters p = tls.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(p);
            tls.setSoTimeout(remainingMs(deadlineNanos));
            try {
                tls.startHandshake();
            } catch (SSLException e) {
                throw TlsRefusedException.explain(e, url.host(), trust.serverChain(), options.trustedCertificate());
            }
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

    /**
     * The JDK's trust manager for the JDK's trust store, or for exactly the one certificate file,
     * wrapped to keep the chain the server presented, so a refusal can name what was wrong.
     */
    private static RecordingTrustManager trustManager(Path trusted) throws IOException {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (trusted == null) {
                tmf.init((KeyStore) null);
            } else {
                try (InputStream in = Files.newInputStream(trusted)) {
                    Certificate cert = CertificateFactory.getInstance("X.509").generateCertificate(in);
                    KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
                    ks.load(null, null);
                    ks.setCertificateEntry("trusted", cert);
                    tmf.init(ks);
                }
            }
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509ExtendedTrustManager x) {
                    return new RecordingTrustManager(x);
                }
            }
            throw new IOException("the JDK offers no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IOException(trusted == null ? "cannot load the JDK's trust store: " + e.getMessage()
                    : "cannot use " + trusted + " as the trusted certificate: " + e.getMessage(), e);
        }
    }

    private static SSLSocketFactory sslFactory(RecordingTrustManager trust) throws IOException {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {trust}, null);
            return ctx.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** Delegates every check to the JDK's trust manager (host name included), keeping the server's chain. */
    static final class RecordingTrustManager extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager delegate;
        private volatile X509Certificate[] serverChain;

        RecordingTrustManager(X509ExtendedTrustManager delegate) {
            this.delegate = delegate;
        }

        /** The chain the server presented, or null before it did. */
        X509Certificate[] serverChain() {
            return serverChain;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            serverChain = chain.clone();
            delegate.checkServerTrusted(chain, authType, socket);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            serverChain = chain.clone();
            delegate.checkServerTrusted(chain, authType, engine);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            serverChain = chain.clone();
            delegate.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            delegate.checkClientTrusted(chain, authType, socket);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            delegate.checkClientTrusted(chain, authType, engine);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }
}
