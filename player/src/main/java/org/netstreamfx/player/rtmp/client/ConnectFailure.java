package org.netstreamfx.player.rtmp.client;

import java.io.IOException;
import java.util.Map;

/**
 * Why a connect did not succeed.
 *
 * @param serverInfo the info object of the server's {@code _error} answer (code, level,
 *     description, application data...), whole; null when the server never answered
 * @param description a sentence naming what failed: refused, DNS, TLS, handshake, timeout, closed
 *     before answering, or the malformed field with its limit and value. Never holds a query value.
 * @param cause the exception, or null for an {@code _error} answer
 */
public record ConnectFailure(Map<String, Object> serverInfo, String description, IOException cause) {
}
