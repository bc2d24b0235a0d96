package org.netstreamfx.player.net;

import java.util.Map;
import org.netstreamfx.player.amf.AmfValues;
import org.netstreamfx.player.rtmp.client.Answer;
import org.netstreamfx.player.rtmp.client.Command;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * The server's answer to {@link NetConnection#call}: {@code _result} to the responder's result,
 * {@code _error} to its status handler (or the connection's listeners as Call.Failed when it
 * has none), and a call that could not be made as Call.Failed or Call.BadVersion.
 */
final class CallAnswer implements Answer {
    private final NetConnection connection;
    private final String method;
    private final Responder responder;

    CallAnswer(NetConnection connection, String method, Responder responder) {
        this.connection = connection;
        this.method = method;
        this.responder = responder;
    }

    @Override
    public void result(Command result) {
        Object value;
        try {
            value = AmfValues.toJava(result.payload());
        } catch (WireFormatException e) {
            // CommandCodec checked the received answer already; this keeps a built one honest too.
            failed(e.getMessage(), true);
            return;
        }
        if (responder != null) {
            connection.callbackExecutor().execute(() -> responder.result(value));
        }
    }

    @Override
    public void error(Command error) {
        Map<String, Object> info = error.payloadMap();
        if (responder != null && responder.hasStatus()) {
            connection.callbackExecutor().execute(() -> responder.status(info));
        } else {
            connection.dispatch(NetConnection.serverEvent(info, NetStatusCode.NETCONNECTION_CALL_FAILED));
        }
    }

    @Override
    public void failed(String description, boolean malformed) {
        ClientCall.failed(connection, responder, malformed ? NetStatusCode.NETCONNECTION_CALL_BADVERSION
                : NetStatusCode.NETCONNECTION_CALL_FAILED, "Call to \"" + method + "\" failed: " + description);
    }
}
