package org.netstreamfx.player.rtmp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netstreamfx.player.rtmp.client.FakeRtmpServer.info;
import static org.netstreamfx.player.rtmp.client.FakeRtmpServer.num;
import static org.netstreamfx.player.rtmp.client.FakeRtmpServer.object;
import static org.netstreamfx.player.rtmp.client.FakeRtmpServer.str;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.amf.AmfValue;
import org.netstreamfx.player.amf.AmfValue.AmfNull;
import org.netstreamfx.player.amf.AmfValue.AmfObject;
import org.netstreamfx.player.amf.AmfValues;
import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetConnectionClient;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.Responder;
import org.netstreamfx.player.net.StatusLevel;
import org.netstreamfx.player.rtmp.message.MessageType;
import org.netstreamfx.player.rtmp.message.RtmpMessage;
import org.netstreamfx.player.rtmp.message.SetChunkSize;
import org.netstreamfx.player.rtmp.message.SetPeerBandwidth;
import org.netstreamfx.player.rtmp.message.UserControl;
import org.netstreamfx.player.rtmp.message.WindowAckSize;

/** NetConnection over RTMP against the scripted fake server: every connect outcome, calls, server calls. */
class NetConnectionRtmpTest {

    private static NetConnection connection(Events events) {
        NetConnection nc = new NetConnection();
        nc.addNetStatusListener(events);
        return nc;
    }

    /**
     * Enhanced RTMP v2: the client sends its FourCC maps and capsEx; the server's answer (capsEx
     * written as Red5 writes it, with a capital C, in the properties; the maps in the information)
     * is what {@link NetConnection#serverCapabilities()} reports, and is gone after close.
     */
    @Test
    void theServersEnhancedRtmpCapabilitiesAreReadFromItsAnswer() throws Exception {
        CompletableFuture<Command> connect = new CompletableFuture<>();
        try (FakeRtmpServer server = new FakeRtmpServer(p -> {
            connect.complete(p.acceptConnect());
            p.command(0, "_result", 1, object("fmsVer", "FMS/3,5,7,7009", "CapsEx", 1.0),
                    object("level", "status", "code", "NetConnection.Connect.Success",
                            "videoFourCcInfoMap", Map.of("hvc1", 1.0), "audioFourCcInfoMap", Map.of("Opus", 4.0)));
            p.awaitClose();
        })) {
            Events events = new Events();
            NetConnection nc = connection(events);
            assertEquals(ServerCaps.NONE, nc.serverCapabilities());
            nc.connect(server.url("live"));
            assertEquals("NetConnection.Connect.Success", events.next(5).code());
            ServerCaps caps = nc.serverCapabilities();
            assertEquals(EnhancedCaps.RECONNECT, caps.capsEx());
            assertEquals(Map.of("hvc1", 1), caps.videoFourCcInfoMap());
            assertEquals(Map.of("Opus", 4), caps.audioFourCcInfoMap());

            @SuppressWarnings("unchecked")
            Map<String, Object> o = (Map<String, Object>) AmfValues.toJava(connect.get(1, TimeUnit.SECONDS).commandObject());
            assertEquals(15.0, o.get("capsEx"), "Reconnect | Multitrack | ModEx | TimestampNanoOffset");
            @SuppressWarnings("unchecked")
            Map<String, Object> video = (Map<String, Object>) o.get("videoFourCcInfoMap");
            assertEquals(List.of("avc1", "hvc1", "av01", "vp09"), List.copyOf(video.keySet()));
            @SuppressWarnings("unchecked")
            Map<String, Object> audio = (Map<String, Object>) o.get("audioFourCcInfoMap");
            assertEquals(List.of("mp4a", "Opus", "fLaC", "ac-3", "ec-3", ".mp3"), List.copyOf(audio.keySet()));
            nc.close();
            assertEquals(ServerCaps.NONE, nc.serverCapabilities());
        }
    }

    @Test
    void connectSuccessPassesTheServersInfoWholeOnTheCallbackThread() throws Exception {
        CompletableFuture<Command> connect = new CompletableFuture<>();
        CompletableFuture<RtmpMessage> first = new CompletableFuture<>();
        try (FakeRtmpServer server = new FakeRtmpServer(p -> {
            p.handshake();
            first.complete(p.read());
            connect.complete(p.readCommand());
            p.result(1, object("level", "status", "code", "NetConnection.Connect.Success",
                    "description", "Connection succeeded.", "objectEncoding", 0.0,
                    "data", Map.of("version", "3,5,7,7009")));
            p.awaitClose();
        })) {
            Events events = new Events();
            NetConnection nc = connection(events);
            nc.connect(server.url("live/inst?token=s3cret"), "user", 42.0);
            NetStatusEvent e = events.next(5);
            assertEquals("NetConnection.Connect.Success", e.code());
            assertEquals(StatusLevel.STATUS, e.level());
            assertEquals("Connection succeeded.", e.description());
            assertEquals(Map.of("version", "3,5,7,7009"), e.info().get("data"));
            assertEquals(0.0, e.info().get("objectEncoding"));
            assertTrue(nc.connected());
            assertEquals("rtmp://127.0.0.1:" + server.port() + "/live/inst?token=***", nc.uri());
            assertTrue(events.threads.get(0).startsWith("nsfx-events-"), events.threads.get(0));

            assertEquals(new SetChunkSize(4096), org.netstreamfx.player.rtmp.message.ControlMessage
                    .parse(first.get(1, TimeUnit.SECONDS)).orElseThrow());
            Command c = connect.get(1, TimeUnit.SECONDS);
            assertEquals(1.0, c.transactionId());
            @SuppressWarnings("unchecked")
            Map<String, Object> o = (Map<String, Object>) AmfValues.toJava(c.commandObject());
            assertEquals("live/inst?token=s3cret", o.get("app"));
            assertEquals("rtmp://127.0.0.1:" + server.port() + "/live/inst?token=s3cret", o.get("tcUrl"));
            assertEquals(List.of("avc1", "hvc1", "av01", "vp09", "mp4a"), o.get("fourCcList"));
            assertEquals(0.0, o.get("objectEncoding"));
            assertEquals(List.of("user", 42.0), c.javaArgs());
            nc.close();
            assertEquals("NetConnection.Connect.Closed", events.next(5).code());
            assertEquals(List.of(), server.errors());
        }
    }

    private static NetStatusEvent connectAnsweredWithError(AmfObject info) throws Exception {
        try (FakeRtmpServer server = new FakeRtmpServer(p -> {
            p.acceptConnect();
            p.error(1, info);
            p.awaitClose();
        })) {
            Events events = new Events();
            NetConnection nc = connection(events);
            nc.connect(server.url("app"));
            NetStatusEvent e = events.next(5);
            assertFalse(nc.connected());
            assertEquals(null, events.poll(200), "one event only");
            nc.close();
            return e;
        }
    }

    @Test
    void connectRejected() throws Exception {
        NetStatusEvent e = connectAnsweredWithError(object("level", "error", "code", "NetConnection.Connect.Rejected",
                "description", "[ Server.Reject ] : Access denied", "application", Map.of("reason", "no token")));
        assertEquals("NetConnection.Connect.Rejected", e.code());
        assertEquals(StatusLevel.ERROR, e.level());
        assertEquals("[ Server.Reject ] : Access denied", e.description());
        assertEquals(Map.of("reason", "no token"), e.info().get("application"));
    }

    @Test
    void connectAppShutdown() throws Exception {
        NetStatusEvent e = connectAnsweredWithError(info("error", "NetConnection.Connect.AppShutdown",
                "The application is shutting down."));
        assertEquals("NetConnection.Connect.AppShutdown", e.code());
        assertEquals("The application is shutting down.", e.description());
    }

    @Test
    void connectInvalidAppPassesTheInfoObjectWhole() throws Exception {
        AmfObject info = object("level", "error", "code", "NetConnection.Connect.InvalidApp",
                "description", "Application (nosuch) is not defined.", "clientid", 7.0,
                "application", Map.of("hint", "try live", "codes", List.of(1.0, 2.0)));
        NetStatusEvent e = connectAnsweredWithError(info);
        assertEquals("NetConnection.Connect.InvalidApp", e.code());
        assertEquals(AmfValues.toJava(info), e.info());
    }

    @Test
    void callResultAndCallFailed() throws Exception {
        try (FakeRtmpServer server = new FakeRtmpServer(p -> {
            p.connectOk();
            Command add = p.readCommand();
            assertEquals("add", add.name());
            p.result(add.transactionId(), num(5));
            Command missing = p.readCommand();
            p.error(missing.transactionId(), info("error", "NetConnection.Call.Failed", "Method not found (missing)."));
            Command again = p.readCommand();
            p.error(again.transactionId(), info("error", "NetConnection.Call.Failed", "Method not found (again)."));
            p.awaitClose();
        })) {
            Events events = new Events();
            NetConnection nc = connection(events);
            nc.connect(server.url("app"));
            events.await("NetConnection.Connect.Success", 5);
            CompletableFuture<Object> result = new CompletableFuture<>();
            CompletableFuture<Map<String, Object>> status = new CompletableFuture<>();
            nc.call("add", new Responder(result::complete, status::complete), 2, 3);
            assertEquals(5.0, result.get(5, TimeUnit.SECONDS));
            nc.call("missing", new Responder(result::complete, status::complete));
            Map<String, Object> info = status.get(5, TimeUnit.SECONDS);
            assertEquals("NetConnection.Call.Failed", info.get("code"));
            assertEquals("Method not found (missing).", info.get("description"));
            nc.call("again", null);
            NetStatusEvent e = events.next(5);
            assertEquals("NetConnection.Call.Failed", e.code());
            assertEquals("Method not found (again).", e.description());
            nc.call("play", null);
            assertEquals("NetConnection.Call.Prohibited", events.next(5).code());
            server.close();
            events.await("NetConnection.Connect.Closed", 5);
            nc.call("late", null);
            assertEquals("NetConnection.Call.Failed", events.next(5).code());
            nc.close();
        }
    }

    @Test
    void serverCallsReachTheClientAndUnhandledOnesAreReported() throws Exception {
        CompletableFuture<Command> answer = new CompletableFuture<>();
        CompletableFuture<Command> unhandledAnswer = new CompletableFuture<>();
        try (FakeRtmpServer server = new FakeRtmpServer(p -> {
            p.connectOk();
            p.command(0, "onBWDone", 0, AmfNull.INSTANCE, num(1000));
            p.command(0, "whoAreYou", 9, AmfNull.INSTANCE, str("?"));
            answer.complete(p.readCommand());
            p.command(0, "nobodyHome", 10, AmfNull.INSTANCE);
            unhandledAnswer.complete(p.readCommand());
            p.awaitClose();
        })) {
            Events events = new Events();
            NetConnection nc = connection(events);
            CountDownLatch bw = new CountDownLatch(1);
            nc.setClient(new NetConnectionClient() {
                @Override
                public boolean onBWDone(List<Object> args) {
                    assertEquals(List.of(1000.0), args);
                    bw.countDown();
                    return true;
                }

                @Override
                public Object onCall(String method, List<Object> args) {
                    return method.equals("whoAreYou") ? Map.of("name", "nsfx") : NOT_HANDLED;
                }
            });
            nc.connect(server.url("app"));
            events.await("NetConnection.Connect.Success", 5);
            assertTrue(bw.await(5, TimeUnit.SECONDS));
            Command a = answer.get(5, TimeUnit.SECONDS);
            assertEquals("_result", a.name());
            assertEquals(9.0, a.transactionId());
            assertEquals(Map.of("name", "nsfx"), a.payloadMap());
            NetStatusEvent e = events.await("NetStreamFX.Client.NoHandler", 5);
            assertEquals("nobodyHome", e.details());
            Command u = unhandledAnswer.get(5, TimeUnit.SECONDS);
            assertEquals("_error", u.name());
            assertEquals("NetConnection.Call.Failed", u.payloadMap().get("code"));
            nc.close();
            assertEquals(List.of(), server.errors());
        }
    }

    @Test
    void controlMessagesAreAnswered() throws Exception {
        CompletableFuture<List<RtmpMessage>> seen = new CompletableFuture<>();
        try (FakeRtmpServer server = new FakeRtmpServer(p -> {
            p.connectOk();
            p.control(new WindowAckSize(1000));
            p.control(new SetPeerBandwidth(2_500_000, SetPeerBandwidth.LimitType.DYNAMIC));
            p.control(new SetPeerBandwidth(2_500_000, SetPeerBandwidth.LimitType.HARD));
            p.control(new UserControl.PingRequest(0xFFFFFFFEL));
            p.command(0, "onBWDone", 0, AmfNull.INSTANCE, new AmfValue.AmfString("x".repeat(1500)));
            java.util.List<RtmpMessage> got = new java.util.ArrayList<>();
            while (got.size() < 3) {
                RtmpMessage m = p.read();
                if (m.type().isControl()) {
                    got.add(m);
                }
            }
            seen.complete(got);
            p.awaitClose();
        })) {
            Events events = new Events();
            NetConnection nc = connection(events);
            nc.connect(server.url("app"));
            events.await("NetConnection.Connect.Success", 5);
            List<RtmpMessage> got = seen.get(5, TimeUnit.SECONDS);
            List<Object> controls = new java.util.ArrayList<>();
            for (RtmpMessage m : got) {
                controls.add(org.netstreamfx.player.rtmp.message.ControlMessage.parse(m).orElseThrow());
            }
            assertTrue(controls.contains(new WindowAckSize(2_500_000)), controls.toString());
            assertTrue(controls.contains(new UserControl.PingResponse(0xFFFFFFFEL)), controls.toString());
            assertTrue(controls.stream().anyMatch(c -> c instanceof org.netstreamfx.player.rtmp.message.Acknowledgement),
                    controls.toString());
            assertEquals(MessageType.USER_CONTROL, got.stream().filter(m -> m.type() == MessageType.USER_CONTROL)
                    .findFirst().orElseThrow().type());
            nc.close();
            assertEquals(List.of(), server.errors());
        }
    }

    @Test
    void amf3ObjectEncodingSendsType17Commands() throws Exception {
        CompletableFuture<RtmpMessage> call = new CompletableFuture<>();
        try (FakeRtmpServer server = new FakeRtmpServer(p -> {
            Command c = p.acceptConnect();
            assertEquals(3.0, c.payloadMap().get("objectEncoding"));
            p.result(1, object("level", "status", "code", "NetConnection.Connect.Success", "objectEncoding", 3.0));
            RtmpMessage m = p.readCommandMessage();
            call.complete(m);
            Command decoded = p.codec.decode(m);
            p.send(CommandCodec.encode(new Command("_result", decoded.transactionId(), AmfNull.INSTANCE,
                    List.of(AmfValues.of(Map.of("echo", decoded.javaArgs())))), 3, 3, 0));
            p.awaitClose();
        })) {
            Events events = new Events();
            NetConnection nc = connection(events);
            nc.setObjectEncoding(3);
            nc.connect(server.url("app"));
            events.await("NetConnection.Connect.Success", 5);
            assertEquals(3, nc.objectEncoding());
            CompletableFuture<Object> result = new CompletableFuture<>();
            nc.call("echo", new Responder(result::complete, null), Map.of("a", 1.0), "s");
            assertEquals(Map.of("echo", List.of(Map.of("a", 1.0), "s")), result.get(5, TimeUnit.SECONDS));
            RtmpMessage m = call.get(1, TimeUnit.SECONDS);
            assertEquals(MessageType.COMMAND_AMF3, m.type());
            assertEquals(0, m.payload()[0]);
            nc.close();
            assertEquals(List.of(), server.errors());
        }
    }

    @Test
    void refusedPortIsConnectFailedSayingRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Events events = new Events();
        NetConnection nc = connection(events);
        nc.connect("rtmp://127.0.0.1:" + port + "/app");
        NetStatusEvent e = events.next(5);
        assertEquals("NetConnection.Connect.Failed", e.code());
        assertTrue(e.description().contains("refused"), e.description());
        assertFalse(nc.connected());
        nc.close();
    }

    @Test
    void unknownHostIsConnectFailedSayingDns() throws Exception {
        Events events = new Events();
        NetConnection nc = connection(events);
        nc.connect("rtmp://no-such-host.invalid/app");
        NetStatusEvent e = events.next(15);
        assertEquals("NetConnection.Connect.Failed", e.code());
        assertTrue(e.description().contains("DNS"), e.description());
        nc.close();
    }

    @Test
    void silentServerTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Events events = new Events();
            NetConnection nc = connection(events);
            nc.setRtmpOptions(RtmpOptions.DEFAULTS.withConnectTimeoutMs(400));
            long t0 = System.nanoTime();
            nc.connect("rtmp://127.0.0.1:" + silent.getLocalPort() + "/app");
            NetStatusEvent e = events.next(5);
            assertEquals("NetConnection.Connect.Failed", e.code());
            assertTrue(e.description().startsWith("Timed out after 400 ms in the RTMP handshake"), e.description());
            assertTrue(System.nanoTime() - t0 < 3_000_000_000L);
            nc.close();
        }
    }

    @Test
    void serverThatNeverAnswersConnectTimesOut() throws Exception {
        try (FakeRtmpServer server = new FakeRtmpServer(p -> {
            p.acceptConnect();
            p.awaitClose();
        })) {
            Events events = new Events();
            NetConnection nc = connection(events);
            nc.setRtmpOptions(RtmpOptions.DEFAULTS.withConnectTimeoutMs(500));
            nc.connect(server.url("app"));
            NetStatusEvent e = events.next(5);
            assertEquals("NetConnection.Connect.Failed", e.code());
            assertTrue(e.description().startsWith("Timed out after 500 ms waiting for the answer to connect"),
                    e.description());
            nc.close();
        }
    }

    @Test
    void serverClosingBeforeAnsweringIsConnectFailed() throws Exception {
        try (FakeRtmpServer server = new FakeRtmpServer(p -> p.acceptConnect())) {
            Events events = new Events();
            NetConnection nc = connection(events);
            nc.connect(server.url("nosuchapp"));
            NetStatusEvent e = events.next(5);
            assertEquals("NetConnection.Connect.Failed", e.code());
            assertEquals("The server closed the connection before answering connect.", e.description());
            nc.close();
        }
    }

    @Test
    void digestHandshakeDroppedFallsBackToPlain() throws Exception {
        try (FakeRtmpServer server = new FakeRtmpServer(p -> {
            p.in.readNBytes(1537);
        }, p -> {
            p.connectOk();
            p.awaitClose();
        })) {
            Events events = new Events();
            NetConnection nc = connection(events);
            nc.connect(server.url("app"));
            assertEquals("NetConnection.Connect.Success", events.next(5).code());
            assertEquals(2, server.accepted());
            nc.close();
        }
    }

    @Test
    void unexpectedCloseIsConnectClosedWithoutReconnect() throws Exception {
        try (FakeRtmpServer server = new FakeRtmpServer(p -> p.connectOk())) {
            Events events = new Events();
            NetConnection nc = connection(events);
            nc.connect(server.url("app"));
            events.await("NetConnection.Connect.Success", 5);
            NetStatusEvent e = events.next(5);
            assertEquals("NetConnection.Connect.Closed", e.code());
            assertEquals("The server closed the connection.", e.description());
            assertFalse(nc.connected());
            nc.close();
        }
    }

    @Test
    void automaticReconnectAfterAnUnexpectedClose() throws Exception {
        CompletableFuture<Command> secondConnect = new CompletableFuture<>();
        try (FakeRtmpServer server = new FakeRtmpServer(p -> p.connectOk(), p -> {
            p.handshake();
            p.in.readNBytes(3);
        }, p -> {
            secondConnect.complete(p.connectOk());
            p.awaitClose();
        })) {
            Events events = new Events();
            NetConnection nc = connection(events);
            nc.setRtmpOptions(RtmpOptions.DEFAULTS.withReconnect(new ReconnectPolicy(3, 50, 1.5, 30_000, 0.2)));
            nc.connect(server.url("app"), "arg");
            events.await("NetConnection.Connect.Success", 5);
            NetStatusEvent first = events.next(5);
            assertEquals("NetStreamFX.Connect.Reconnecting", first.code());
            assertEquals(1, first.details());
            assertTrue(first.description().contains("The server closed the connection."), first.description());
            NetStatusEvent second = events.next(5);
            assertEquals("NetStreamFX.Connect.Reconnecting", second.code());
            assertEquals(2, second.details());
            assertEquals("NetStreamFX.Connect.Reconnected", events.next(5).code());
            assertEquals(List.of("arg"), secondConnect.get(1, TimeUnit.SECONDS).javaArgs());
            assertTrue(nc.connected());
            nc.close();
            assertEquals(List.of(), server.errors());
        }
    }

    @Test
    void reconnectGivesUpAfterItsTries() throws Exception {
        try (FakeRtmpServer server = new FakeRtmpServer(p -> p.connectOk(), p -> { })) {
            Events events = new Events();
            NetConnection nc = connection(events);
            nc.setRtmpOptions(RtmpOptions.DEFAULTS.withReconnect(new ReconnectPolicy(2, 10, 1.5, 30_000, 0)));
            nc.connect(server.url("app"));
            events.await("NetConnection.Connect.Success", 5);
            assertEquals("NetStreamFX.Connect.Reconnecting", events.next(5).code());
            assertEquals("NetStreamFX.Connect.Reconnecting", events.next(5).code());
            NetStatusEvent e = events.next(5);
            assertEquals("NetConnection.Connect.Closed", e.code());
            assertTrue(e.description().contains("gave up after 2 reconnect tries"), e.description());
            assertFalse(nc.connected());
            nc.close();
        }
    }

    @Test
    void reconnectRequestGoesToTheGivenTcUrl() throws Exception {
        CompletableFuture<Command> moved = new CompletableFuture<>();
        try (FakeRtmpServer target = new FakeRtmpServer(p -> {
            moved.complete(p.connectOk());
            p.awaitClose();
        }); FakeRtmpServer server = new FakeRtmpServer(p -> {
            p.connectOk();
            p.onStatus(0, object("level", "status", "code", "NetConnection.Connect.ReconnectRequest",
                    "description", "Moving you.", "tcUrl", target.url("app2")));
            p.awaitClose();
        })) {
            Events events = new Events();
            NetConnection nc = connection(events);
            nc.connect(server.url("app"));
            events.await("NetConnection.Connect.Success", 5);
            NetStatusEvent request = events.next(5);
            assertEquals("NetConnection.Connect.ReconnectRequest", request.code());
            assertEquals(target.url("app2"), request.info().get("tcUrl"));
            assertEquals("NetStreamFX.Connect.Reconnecting", events.next(5).code());
            assertEquals("NetStreamFX.Connect.Reconnected", events.next(5).code());
            assertEquals(target.url("app2"), moved.get(1, TimeUnit.SECONDS).payloadMap().get("tcUrl"));
            assertEquals(target.url("app2"), nc.uri());
            nc.close();
            assertEquals(List.of(), server.errors());
            assertEquals(List.of(), target.errors());
        }
    }

    @Test
    void reconnectRequestWithoutTcUrlReconnectsToTheSameServer() throws Exception {
        try (FakeRtmpServer server = new FakeRtmpServer(p -> {
            p.connectOk();
            p.onStatus(0, info("status", "NetConnection.Connect.ReconnectRequest", "Reconnect, please."));
            p.awaitClose();
        }, p -> {
            p.connectOk();
            p.awaitClose();
        })) {
            Events events = new Events();
            NetConnection nc = connection(events);
            nc.connect(server.url("app"));
            events.await("NetConnection.Connect.Success", 5);
            assertEquals("NetConnection.Connect.ReconnectRequest", events.next(5).code());
            assertEquals("NetStreamFX.Connect.Reconnecting", events.next(5).code());
            assertEquals("NetStreamFX.Connect.Reconnected", events.next(5).code());
            assertEquals(2, server.accepted());
            nc.close();
        }
    }
}
