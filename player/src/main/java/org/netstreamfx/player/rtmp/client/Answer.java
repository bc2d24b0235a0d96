package org.netstreamfx.player.rtmp.client;

/**
 * What happens to a command that expects an answer (Adobe RTMP specification 1.0, section 7.2.1.2:
 * the server answers with {@code _result} or {@code _error} carrying the same transaction id).
 * Called on the connection's reader thread, or on the caller's thread when sending failed.
 */
public interface Answer {
    /** {@code _result}. */
    void result(Command result);

    /** {@code _error}. */
    void error(Command error);

    /**
     * No answer will come: the connection closed or the answer could not be decoded
     * ({@code malformed}); {@code description} says which.
     */
    void failed(String description, boolean malformed);
}
