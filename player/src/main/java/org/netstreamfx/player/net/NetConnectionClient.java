package org.netstreamfx.player.net;

import java.util.List;

/**
 * The NetConnection's {@code client} object: methods the server calls on the client (Adobe RTMP
 * specification 1.0, section 7.2.1: command messages on message stream 0 that are not answers).
 * Called on the connection's callback executor. A method the client does not handle is reported
 * as NetStreamFX.Client.NoHandler, and a call that expects an answer gets an {@code _error}.
 */
public interface NetConnectionClient {
    /** Returned by {@link #onCall} for a method the client does not handle. */
    Object NOT_HANDLED = new Object() {
        @Override
        public String toString() {
            return "NOT_HANDLED";
        }
    };

    /** onBWDone: the server's bandwidth check finished (arguments often kbps and latency). */
    default boolean onBWDone(List<Object> args) {
        return false;
    }

    /**
     * Any other method ({@code _checkbw}, {@code onBWCheck}, custom methods). The value returned
     * goes back to the server as the {@code _result} when the server expects one.
     *
     * @return the result, or {@link #NOT_HANDLED}
     */
    default Object onCall(String method, List<Object> args) {
        return NOT_HANDLED;
    }
}
