package org.netstreamfx.player.net;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.netstreamfx.player.amf.AmfValues;
import org.netstreamfx.player.rtmp.client.Command;
import org.netstreamfx.player.rtmp.client.RtmpConnection;

/**
 * What an RTMP server sends a {@link NetConnection} besides media: its status info objects, turned
 * into events whole, and its calls of methods on the {@link NetConnectionClient} (RTMP 7.2.1),
 * answered with {@code _result} or {@code _error} when the server waits for an answer.
 *
 * <p>Thread ownership: stateless; called on the connection's reader thread, the client runs on
 * the callback executor.
 */
final class ServerCalls {
    private ServerCalls() {
    }

    /** The details of NetStreamFX.Connect.Stalled: how long silent, the limit, pings unanswered. */
    static Map<String, Object> stallDetails(org.netstreamfx.player.rtmp.client.ConnectionStalledException stalled) {
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("silentMs", stalled.silentMs());
        details.put("silenceTimeoutMs", stalled.limitMs());
        details.put("unansweredPings", stalled.unansweredPings());
        return details;
    }

    /** An event carrying a server's info object whole; {@code fallback} when it has no code. */
    static NetStatusEvent serverEvent(Map<String, Object> info, NetStatusCode fallback) {
        Object code = info.get("code");
        Object level = info.get("level");
        Object description = info.get("description");
        String c = code instanceof String s && !s.isEmpty() ? s : fallback.code();
        StatusLevel l = level instanceof String s ? StatusLevel.fromWireName(s) : fallback.level();
        Map<String, Object> whole = new LinkedHashMap<>(info);
        whole.putIfAbsent("code", c);
        whole.putIfAbsent("level", l.wireName());
        return new NetStatusEvent(c, l, description instanceof String s ? s : "", info.get("details"), whole,
                System.nanoTime());
    }

    /**
     * Calls the client's method for {@code command} on {@code executor}; a method the client does
     * not handle becomes NetStreamFX.Client.NoHandler, and a call with a transaction id is answered.
     * Events go to {@code status}.
     */
    static void callClient(RtmpConnection c, Command command, NetConnectionClient cl, Executor executor,
                           Consumer<NetStatusEvent> status) {
        List<Object> args = command.javaArgs();
        executor.execute(() -> {
            Object result;
            if (command.name().equals("onBWDone")) {
                result = cl.onBWDone(args) ? null : NetConnectionClient.NOT_HANDLED;
            } else {
                result = cl.onCall(command.name(), args);
            }
            boolean handled = result != NetConnectionClient.NOT_HANDLED;
            if (!handled) {
                status.accept(NetStatusEvent.of(NetStatusCode.NSFX_CLIENT_NOHANDLER, "The server called \""
                        + command.name() + "\", which the NetConnection client does not handle.", command.name(),
                        System.nanoTime()));
            }
            if (command.transactionId() != 0) {
                try {
                    c.answer(command, handled, handled ? AmfValues.of(result) : AmfValues.of(Map.of(
                            "level", "error", "code", NetStatusCode.NETCONNECTION_CALL_FAILED.code(),
                            "description", "Method not found (" + command.name() + ").")));
                } catch (IOException | IllegalArgumentException e) {
                    status.accept(NetStatusEvent.of(NetStatusCode.NETCONNECTION_CALL_FAILED, "Could not answer the "
                            + "server's call to \"" + command.name() + "\": " + e.getMessage(), command.name(),
                            System.nanoTime()));
                }
            }
        });
    }
}
