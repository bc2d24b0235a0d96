package org.netstreamfx.player.net;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.netstreamfx.player.source.DataMessage;

/**
 * Hands a {@link NetStream}'s client callbacks (onMetaData, onCuePoint, onTextData, onPlayStatus
 * and any other handler of a data message) to the client on the connection's callback executor.
 * A handler the client does not know becomes NetStreamFX.Client.NoHandler when {@code report},
 * except the protocol's own messages whose names start with '|' (nginx-rtmp, Wowza and FMS send
 * {@code |RtmpSampleAccess} on every play; Flash Player consumes it itself and never calls the
 * client): those still reach {@link NetStreamClient#onData} but are never reported.
 *
 * <p>Thread ownership: called on the playback thread; the client runs on the executor.
 */
final class ClientDispatch {
    private final NetStream stream;
    private final Executor executor;

    ClientDispatch(NetStream stream, Executor executor) {
        this.stream = stream;
        this.executor = executor;
    }

    void metaData(Map<String, Object> meta) {
        NetStreamClient c = stream.client();
        executor.execute(() -> c.onMetaData(meta));
    }

    void playStatus(String code) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("code", code);
        info.put("level", "status");
        NetStreamClient c = stream.client();
        executor.execute(() -> c.onPlayStatus(info));
    }

    @SuppressWarnings("unchecked")
    void data(DataMessage m, boolean report) {
        NetStreamClient c = stream.client();
        Object first = m.args().isEmpty() ? null : m.args().get(0);
        Map<String, Object> map = first instanceof Map<?, ?> mm ? (Map<String, Object>) mm : Map.of();
        List<Object> args = new ArrayList<>(m.args());
        executor.execute(() -> {
            switch (m.handler()) {
                case "onMetaData" -> c.onMetaData(map);
                case "onCuePoint" -> c.onCuePoint(map);
                case "onTextData" -> c.onTextData(map);
                case "onPlayStatus" -> c.onPlayStatus(map);
                default -> {
                    if (!c.onData(m.handler(), args) && report && !isProtocolMessage(m.handler())) {
                        stream.deliverHere(NetStatusEvent.of(NetStatusCode.NSFX_CLIENT_NOHANDLER, "The stream "
                                + "carries data for \"" + m.handler() + "\", which the NetStream client does not "
                                + "handle.", m.handler(), stream.nanoTime()));
                    }
                }
            }
        });
    }

    /** Flash's own data messages (|RtmpSampleAccess): the player handles them, never the client. */
    static boolean isProtocolMessage(String handler) {
        return handler.startsWith("|");
    }
}
