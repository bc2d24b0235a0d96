package org.netstreamfx.player.net;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.netstreamfx.player.rtmp.client.RtmpUrl;
import org.netstreamfx.player.util.Redact;

/**
 * The words of reconnecting, kept apart from the {@link NetConnection} that does it (and from its
 * {@link ConnectionMove}): what makes a server's onStatus an Enhanced RTMP v2 Reconnect Request,
 * its tcUrl masked for the listeners and read as the place to go, and the sentences of
 * NetStreamFX.Connect.Reconnecting, Reconnected and of giving up.
 */
final class Reconnects {
    /** Why the connection is left when the server asks for it (the Reconnecting sentence's "after: ..."). */
    static final String REQUESTED = "the server asked to reconnect";

    private Reconnects() {
    }

    /** Whether the server's onStatus {@code info} is a Reconnect Request. */
    static boolean isRequest(Map<String, Object> info) {
        return NetStatusCode.NETCONNECTION_CONNECT_RECONNECTREQUEST.code().equals(info.get("code"));
    }

    /** {@code info} with its tcUrl's query values masked: a stream key in it never reaches a listener. */
    static Map<String, Object> maskedTcUrl(Map<String, Object> info) {
        if (!(info.get("tcUrl") instanceof String tcUrl) || Redact.url(tcUrl).equals(tcUrl)) {
            return info;
        }
        Map<String, Object> masked = new LinkedHashMap<>(info);
        masked.put("tcUrl", Redact.url(tcUrl));
        return masked;
    }

    /**
     * Where the request sends the client: its rtmp[s] tcUrl, else {@code current}. A tcUrl that
     * cannot be parsed is said to {@code dispatch} (Reconnecting, naming {@code current}) and left.
     */
    static RtmpUrl target(Map<String, Object> info, RtmpUrl current, Consumer<NetStatusEvent> dispatch) {
        if (info.get("tcUrl") instanceof String tcUrl && RtmpUrl.isRtmp(tcUrl)) {
            try {
                return RtmpUrl.parse(tcUrl);
            } catch (IllegalArgumentException e) {
                dispatch.accept(NetStatusEvent.of(NetStatusCode.NSFX_CONNECT_RECONNECTING, "The server asked to "
                        + "reconnect to an address that cannot be parsed (" + e.getMessage() + "); reconnecting to "
                        + current.masked() + ".", null, System.nanoTime()));
            }
        }
        return current;
    }

    /**
     * The Reconnecting sentence: {@code moved}, a request naming another server, else a reconnect
     * to {@code target} after {@code after}; try {@code attempt} of {@code tries}.
     */
    static String reconnecting(boolean moved, RtmpUrl target, long delayMs, int attempt, int tries, String after) {
        return moved ? "The server asked to move to " + target.masked() + "; reconnecting in " + delayMs + " ms (try "
                + attempt + " of " + tries + ")." : "Reconnecting to " + target.masked() + " in " + delayMs
                + " ms (try " + attempt + " of " + tries + ") after: " + after;
    }

    /** NetStreamFX.Connect.Reconnected: connected to {@code url} again, at try {@code tries}. */
    static NetStatusEvent reconnected(RtmpUrl url, int tries) {
        return NetStatusEvent.of(NetStatusCode.NSFX_CONNECT_RECONNECTED, "Reconnected to " + url.masked() + " (try "
                + tries + ").", tries, System.nanoTime());
    }

    /** Connect.Closed's sentence once {@code tries} reconnects to {@code url} have failed. */
    static String gaveUp(RtmpUrl url, String because, int tries) {
        return "Connection to " + url.masked() + " lost (" + because + "); gave up after " + tries + " reconnect "
                + (tries == 1 ? "try." : "tries.");
    }
}
