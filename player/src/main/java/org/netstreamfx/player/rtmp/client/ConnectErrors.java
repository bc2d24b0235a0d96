package org.netstreamfx.player.rtmp.client;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import org.netstreamfx.player.rtmp.handshake.HandshakeRejectedException;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * Turns what went wrong on a connection into the sentence of its Connect.Failed or Connect.Closed
 * event: refused, DNS, TLS, handshake, timeout, closed before answering, or malformed data with
 * the field, limit and value. Messages carry host and port only, never the query string.
 */
final class ConnectErrors {
    private ConnectErrors() {
    }

    static String describe(IOException e, RtmpUrl url, String phase, long timeoutMs) {
        String at = url.endpoint();
        if (e instanceof UnknownHostException) {
            return "Cannot resolve the host name " + url.host() + " (DNS): unknown host.";
        }
        if (e instanceof ConnectException) {
            return "Connection refused by " + at + ": no RTMP server listens there.";
        }
        if (e instanceof NoRouteToHostException) {
            return "No route to " + at + ".";
        }
        if (e instanceof SocketTimeoutException) {
            return "Timed out after " + timeoutMs + " ms " + phase + ": the server did not answer in time.";
        }
        if (e instanceof ConnectionStalledException || e instanceof WriteFailedException) {
            return e.getMessage();
        }
        if (e instanceof TlsRefusedException tls) {
            return "TLS with " + at + " failed: " + tls.getMessage() + ".";
        }
        if (e instanceof SSLException) {
            return "TLS with " + at + " failed (certificate or host name not trusted, or not a TLS server): "
                    + e.getMessage();
        }
        if (e instanceof HandshakeRejectedException) {
            return "RTMP handshake with " + at + " failed: " + e.getMessage()
                    + " (tried the Flash Player 9 digest handshake, then the plain one).";
        }
        if (e instanceof WireFormatException) {
            if (phase.startsWith("in the RTMP handshake")) {
                return "RTMP handshake with " + at + " failed: " + e.getMessage();
            }
            return "Malformed data from " + at + ": " + e.getMessage();
        }
        if (e instanceof EOFException) {
            return e.getMessage();
        }
        if (e instanceof java.net.SocketException && e.getMessage() != null
                && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("connection reset")) {
            return "The connection to " + at + " was reset (TCP RST) " + phase + ".";
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "Connection to " + at + " failed " + phase + ": " + m;
    }
}
