package org.netstreamfx.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.net.NetStreamClient;

class RecordingClientTest {

    @Test
    void everyCallbackIsRecordedThenPassedOn() {
        SessionRecorder recorder = new SessionRecorder(System.nanoTime());
        List<String> passedOn = new ArrayList<>();
        NetStreamClient app = new NetStreamClient() {
            @Override
            public void onMetaData(Map<String, Object> info) {
                passedOn.add("onMetaData");
            }

            @Override
            public void onCuePoint(Map<String, Object> info) {
                passedOn.add("onCuePoint");
            }

            @Override
            public void onTextData(Map<String, Object> info) {
                passedOn.add("onTextData");
            }

            @Override
            public void onPlayStatus(Map<String, Object> info) {
                passedOn.add("onPlayStatus");
            }

            @Override
            public boolean onData(String handler, List<Object> args) {
                passedOn.add(handler);
                return false;
            }
        };
        RecordingClient client = new RecordingClient(recorder, app);
        client.onMetaData(Map.of("duration", 1.0));
        client.onCuePoint(Map.of("name", "c1"));
        client.onTextData(Map.of("text", "hi"));
        client.onPlayStatus(Map.of("code", "NetStream.Play.Complete"));
        assertTrue(client.onData("onXMPData", List.of("x")), "the recorder takes every handler");

        List<String> types = recorder.entries().stream().map(e -> e.line().type()).toList();
        assertEquals(List.of("onMetaData", "onCuePoint", "onTextData", "onPlayStatus", "onXMPData"), types);
        assertEquals(types, passedOn);
        assertEquals(List.of("x"), recorder.entries().get(4).line().payload());
    }

    @Test
    void aStatsSampleOfAnIdleStreamHasTheCommandLinesFieldsAndRttWhenKnown() {
        NetConnection nc = new NetConnection(Runnable::run);
        nc.connect(null);
        NetStream ns = new NetStream(nc);
        ns.setBufferTime(2.0);

        StatsSample known = StatsSample.of(ns, 42.5);
        assertEquals(List.of("time", "bufferLength", "bufferTime", "fps", "videoFrames", "audioSamples", "droppedFrames",
                "renderedFrames", "bytesLoaded", "bytesTotal", "avDriftMs", "decodeErrors", "rttMs"),
                List.copyOf(known.fields().keySet()));
        assertEquals(2.0, known.fields().get("bufferTime"));
        assertEquals(42.5, known.fields().get("rttMs"));
        assertTrue(!StatsSample.of(ns, StatsSample.UNKNOWN).fields().containsKey("rttMs"));
        ns.close();
        nc.close();
    }
}
