package org.netstreamfx.player.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.source.DataMessage;

class ClientDispatchTest {

    @Test
    void anUnknownHandlerIsReportedButTheProtocolsOwnSampleAccessIsNot() {
        NetConnection nc = new NetConnection();
        nc.connect(null);
        NetStream ns = new NetStream(nc);
        List<String> codes = new ArrayList<>();
        ns.addNetStatusListener(e -> codes.add(e.code() + " " + e.details()));
        List<String> seen = new ArrayList<>();
        ns.setClient(new NetStreamClient() {
            @Override
            public boolean onData(String handler, List<Object> args) {
                seen.add(handler);
                return false;
            }
        });
        ClientDispatch dispatch = new ClientDispatch(ns, Runnable::run);
        dispatch.data(new DataMessage(0, "|RtmpSampleAccess", List.of(true, true)), true);
        dispatch.data(new DataMessage(0, "onCustom", List.of("x")), true);
        dispatch.data(new DataMessage(0, "onQuiet", List.of()), false);
        assertEquals(List.of("|RtmpSampleAccess", "onCustom", "onQuiet"), seen, "the client sees every handler");
        assertEquals(List.of("NetStreamFX.Client.NoHandler onCustom"), codes);
    }
}
