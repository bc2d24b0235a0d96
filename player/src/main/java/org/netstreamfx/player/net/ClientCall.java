package org.netstreamfx.player.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.netstreamfx.player.amf.AmfValue;
import org.netstreamfx.player.amf.AmfValue.AmfNull;
import org.netstreamfx.player.amf.AmfValues;
import org.netstreamfx.player.rtmp.client.RtmpConnection;

/**
 * {@link NetConnection#call}: a method of the server's application called with a new transaction id
 * (RTMP 7.2.1), its answer handed to a {@link CallAnswer}, and a call that cannot be made reported
 * as Call.Prohibited or Call.Failed, to the responder's status handler or else the connection's
 * listeners. Kept apart from the connection, whose job is the connection itself.
 */
final class ClientCall {
    /** Commands of the protocol itself, which call() refuses (Call.Prohibited). */
    private static final Set<String> RESERVED = Set.of("connect", "createStream", "deleteStream", "closeStream",
            "play", "play2", "publish", "pause", "seek", "receiveAudio", "receiveVideo", "_result", "_error");

    private ClientCall() {
    }

    /** Calls {@code method} with {@code args} over {@code c} (null when not connected to a server). */
    static void call(NetConnection nc, RtmpConnection c, String method, Responder responder, Object... args) {
        Objects.requireNonNull(method, "method");
        if (RESERVED.contains(method)) {
            failed(nc, responder, NetStatusCode.NETCONNECTION_CALL_PROHIBITED, "\"" + method
                    + "\" is a command of the RTMP protocol itself; NetConnection/NetStream send it.");
            return;
        }
        if (c == null || !c.isConnected()) {
            failed(nc, responder, NetStatusCode.NETCONNECTION_CALL_FAILED, "Cannot call \"" + method
                    + "\": the NetConnection is not connected to an RTMP server.");
            return;
        }
        c.call(method, AmfNull.INSTANCE, amfArgs(args), new CallAnswer(nc, method, responder));
    }

    /** {@code args} (plain Java values, or null for none) as AMF values, for call() and connect(). */
    static List<AmfValue> amfArgs(Object... args) {
        List<AmfValue> amfArgs = new ArrayList<>();
        for (Object a : args == null ? new Object[0] : args) {
            amfArgs.add(AmfValues.of(a));
        }
        return amfArgs;
    }

    /** A call that was not made or failed: to the responder's status handler, else the listeners. */
    static void failed(NetConnection nc, Responder responder, NetStatusCode code, String description) {
        NetStatusEvent e = NetStatusEvent.of(code, description, null, System.nanoTime());
        if (responder != null && responder.hasStatus()) {
            nc.callbackExecutor().execute(() -> responder.status(e.info()));
        } else {
            nc.dispatch(e);
        }
    }
}
