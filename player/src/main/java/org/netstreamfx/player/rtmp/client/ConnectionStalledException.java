package org.netstreamfx.player.rtmp.client;

import java.io.IOException;

/**
 * The server sent nothing for {@link RtmpOptions#silenceTimeoutMs()} and answered none of the
 * PingRequests sent meanwhile: the connection is taken as dead (half-open TCP, a frozen server).
 * The cause of the {@link RtmpConnection.Listener#closed} that follows; NetConnection reports it
 * as {@code NetStreamFX.Connect.Stalled} before Connect.Closed or a reconnect.
 */
public final class ConnectionStalledException extends IOException {
    private static final long serialVersionUID = 1L;
    private final long silentMs;
    private final long limitMs;
    private final int unansweredPings;

    ConnectionStalledException(String message, long silentMs, long limitMs, int unansweredPings) {
        super(message);
        this.silentMs = silentMs;
        this.limitMs = limitMs;
        this.unansweredPings = unansweredPings;
    }

    /** How long nothing came from the server. */
    public long silentMs() {
        return silentMs;
    }

    /** The limit it went over: {@link RtmpOptions#silenceTimeoutMs()}. */
    public long limitMs() {
        return limitMs;
    }

    /** How many PingRequests went out in the silence, unanswered. */
    public int unansweredPings() {
        return unansweredPings;
    }
}
