package org.netstreamfx.app.ui.player;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.netstreamfx.player.net.NetStatusCode;
import org.netstreamfx.player.net.NetStatusEvent;

/**
 * Why the player waits, from the events of its connection and stream: "Buffering" after
 * Play.Start, "Buffer empty: waiting for data" after Buffer.Empty, "Reconnecting" from
 * NetStreamFX.Connect.Reconnecting (whose description says "… in N ms (try k of n)"; the try is
 * its details) until Reconnected, Buffer.Full, Connect.Closed or an error; "" once playing.
 * FX thread.
 */
final class WaitReason {
    /** A reconnect delay longer than this (an hour) is taken as this. */
    static final long MAX_RECONNECT_DELAY_MS = 3_600_000L;
    private static final Pattern RECONNECT_DELAY = Pattern.compile(" in (\\d{1,12}) ms");

    private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper(this, "reason", "");
    /** When the pending reconnect try starts (System.nanoTime), or Long.MIN_VALUE when none is pending. */
    private long reconnectAtNs = Long.MIN_VALUE;
    private int reconnectTry;

    ReadOnlyStringProperty reasonProperty() {
        return reason.getReadOnlyProperty();
    }

    void note(NetStatusEvent e, long nowNs) {
        if (e.is(NetStatusCode.NSFX_CONNECT_RECONNECTING)) {
            Matcher m = RECONNECT_DELAY.matcher(e.description() == null ? "" : e.description());
            long delayMs = m.find() ? Math.min(Long.parseLong(m.group(1)), MAX_RECONNECT_DELAY_MS) : 0;
            reconnectTry = e.details() instanceof Number n ? n.intValue() : reconnectTry + 1;
            reconnectAtNs = nowNs + delayMs * 1_000_000L;
            reason.set("Reconnecting");
        } else if (e.is(NetStatusCode.NSFX_CONNECT_RECONNECTED) || e.is(NetStatusCode.NETCONNECTION_CONNECT_CLOSED)
                || e.isError()) {
            reconnectAtNs = Long.MIN_VALUE;
            if ("Reconnecting".equals(reason.get())) {
                reason.set("Buffering");
            }
        } else if (e.is(NetStatusCode.NETSTREAM_PLAY_START) && !reconnecting()) {
            reason.set("Buffering");
        } else if (e.is(NetStatusCode.NETSTREAM_BUFFER_EMPTY) && !reconnecting()) {
            reason.set("Buffer empty: waiting for data");
        } else if (e.is(NetStatusCode.NETSTREAM_BUFFER_FULL)) {
            reconnectAtNs = Long.MIN_VALUE;
            reason.set("");
        }
    }

    boolean reconnecting() {
        return reconnectAtNs != Long.MIN_VALUE;
    }

    /** "Reconnecting in n s (attempt k)" while the try is pending, "Reconnecting (attempt k)" once it runs, "" otherwise. */
    String reconnectText(long nowNs) {
        if (!reconnecting()) {
            return "";
        }
        double left = (reconnectAtNs - nowNs) / 1e9;
        return left > 0.05
                ? String.format(Locale.ROOT, "Reconnecting in %.0f s (attempt %d)", Math.ceil(left), reconnectTry)
                : "Reconnecting (attempt " + reconnectTry + ")";
    }

    void reset() {
        reason.set("");
        reconnectAtNs = Long.MIN_VALUE;
        reconnectTry = 0;
    }
}
