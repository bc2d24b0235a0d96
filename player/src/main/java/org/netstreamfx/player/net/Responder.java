package org.netstreamfx.player.net;

import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Receives the answer to {@link NetConnection#call} (flash.net.Responder): {@code result} gets the
 * value of the server's {@code _result}, {@code status} the info object of its {@code _error}, or
 * of NetConnection.Call.Failed / Call.BadVersion when no answer can come. Both run on the
 * connection's callback executor.
 */
public final class Responder {
    private final Consumer<Object> result;
    private final Consumer<Map<String, Object>> status;

    /** A responder; {@code status} may be null to ignore errors (they are then dispatched on the connection). */
    public Responder(Consumer<Object> result, Consumer<Map<String, Object>> status) {
        this.result = Objects.requireNonNull(result, "result");
        this.status = status;
    }

    void result(Object value) {
        result.accept(value);
    }

    /** Whether errors go here; if not, the connection dispatches them as NetStatus events. */
    boolean hasStatus() {
        return status != null;
    }

    void status(Map<String, Object> info) {
        if (status != null) {
            status.accept(info);
        }
    }
}
