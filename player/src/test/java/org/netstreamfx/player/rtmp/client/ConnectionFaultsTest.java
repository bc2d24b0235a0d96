package org.netstreamfx.player.rtmp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netstreamfx.player.rtmp.client.FakeRtmpServer.info;
import static org.netstreamfx.player.rtmp.client.FakeRtmpServer.num;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.player.amf.Amf0Writer;
import org.netstreamfx.player.amf.AmfValue.AmfString;
import org.netstreamfx.player.amf.AmfValues;
import org.netstreamfx.player.publish.FeedConfig;
import org.netstreamfx.player.publish.FeedPacket;
import org.netstreamfx.player.publish.FeedSink;
import org.netstreamfx.player.publish.MediaFeed;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.net.NetStreamClient;
import org.netstreamfx.player.rtmp.message.MessageType;
import org.netstreamfx.player.rtmp.message.RtmpMessage;
import org.netstreamfx.player.rtmp.message.SetPeerBandwidth;
import org.netstreamfx.player.rtmp.message.UserControl;
import org.netstreamfx.player.sink.NullAudioSink;
import org.netstreamfx.testkit.tls.TestCertificates;

/**
 * Connection-level faults against the engine, each with the NetStatus sequence written out and
 * asserted: DNS failure, TLS refusals that say which check failed, a reset in the middle of a
 * chunked message (play and publish), and a server that goes silent without closing.
 */
class ConnectionFaultsTest {
    @TempDir
    static Path dir;
    private static TestCertificates.Identity selfSigned;
    private static TestCertificates.Identity otherHost;
    private static TestCertificates.ExpiredChain expired;

    @BeforeAll
    static void makeCertificates() throws Exception {
        selfSigned = TestCertificates.selfSigned(dir, "selfsigned", "CN=NetStreamFX self-signed test",
                "IP:127.0.0.1,DNS:localhost");
        otherHost = TestCertificates.selfSigned(dir, "other", "CN=other.example", "DNS:other.example,DNS:www.other.example");
        expired = TestCertificates.expiredSignedByCa(dir, "IP:127.0.0.1,DNS:localhost");
    }

    /** Connects with {@code options}; every event until {@code last}, printed. */
    private static List<NetStatusEvent> connect(String name, String url, RtmpOptions options, String last)
            throws Exception {
        Events events = new Events();
        NetConnection nc = new NetConnection();
        nc.addNetStatusListener(events);
        nc.setRtmpOptions(options);
        nc.connect(url);
        List<NetStatusEvent> seen = new ArrayList<>();
        NetStatusEvent e;
        do {
            e = events.next(10);
            seen.add(e);
        } while (!e.code().equals(last));
        nc.close();
        print(name, seen);
        return seen;
    }

    private static void print(String name, List<NetStatusEvent> events) {
        System.out.println("[" + name + "] NetStatus sequence:");
        for (NetStatusEvent e : events) {
            System.out.println("  " + e.code() + "  " + e.description());
        }
    }

    private static List<String> codes(List<NetStatusEvent> events) {
        return events.stream().map(NetStatusEvent::code).toList();
    }

    // DNS

    @Test
    void anUnresolvableHostIsConnectFailedNamingTheName() throws Exception {
        long start = System.nanoTime();
        List<NetStatusEvent> seen = connect("DNS", "rtmp://nsfx-no-such-host.invalid/live?key=s3cret",
                RtmpOptions.DEFAULTS, "NetConnection.Connect.Failed");
        assertEquals(List.of("NetConnection.Connect.Failed"), codes(seen));
        String d = seen.get(0).description();
        assertTrue(d.contains("nsfx-no-such-host.invalid") && d.contains("resolve"), d);
        assertFalse(d.contains("s3cret"), d);
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "fast: .invalid resolves nowhere (RFC 2606)");
    }

    // TLS: each refusal says which check failed.

    private static FakeRtmpServer tlsServer(TestCertificates.Identity id) throws Exception {
        return new FakeRtmpServer(id.listen(), p -> {
            p.connectOk();
            p.awaitClose();
        });
    }

    @Test
    void aCertificateForAnotherHostIsAHostNameMismatchNamingBoth() throws Exception {
        try (FakeRtmpServer server = tlsServer(otherHost)) {
            List<NetStatusEvent> seen = connect("TLS host name", "rtmps://localhost:" + server.port() + "/app",
                    RtmpOptions.DEFAULTS.withTrustedCertificate(otherHost.certificate()), "NetConnection.Connect.Failed");
            assertEquals(List.of("NetConnection.Connect.Failed"), codes(seen));
            String d = seen.get(0).description();
            assertTrue(d.contains("host name mismatch") && d.contains("not localhost")
                    && d.contains("DNS:other.example") && d.contains("DNS:www.other.example"), d);
        }
    }

    @Test
    void anExpiredCertificateSaysWhenItExpired() throws Exception {
        try (FakeRtmpServer server = tlsServer(expired.server())) {
            List<NetStatusEvent> seen = connect("TLS expired", "rtmps://127.0.0.1:" + server.port() + "/app",
                    RtmpOptions.DEFAULTS.withTrustedCertificate(expired.caCertificate()), "NetConnection.Connect.Failed");
            assertEquals(List.of("NetConnection.Connect.Failed"), codes(seen));
            String d = seen.get(0).description();
            Instant notAfter = expired.server().leaf().getNotAfter().toInstant();
            assertTrue(notAfter.isBefore(Instant.now()));
            assertTrue(d.contains("expired on " + notAfter), d);
        }
    }

    @Test
    void aSelfSignedCertificateWithoutTrustCertIsNotTrustedNamingTheIssuer() throws Exception {
        try (FakeRtmpServer server = tlsServer(selfSigned)) {
            List<NetStatusEvent> seen = connect("TLS self-signed", "rtmps://127.0.0.1:" + server.port() + "/app",
                    RtmpOptions.DEFAULTS, "NetConnection.Connect.Failed");
            assertEquals(List.of("NetConnection.Connect.Failed"), codes(seen));
            String d = seen.get(0).description();
            assertTrue(d.contains("not trusted") && d.contains("self-signed")
                    && d.contains("CN=NetStreamFX self-signed test") && d.contains("--trust-cert"), d);
        }
    }

    @Test
    void theSameSelfSignedCertificateIsAcceptedWhenTrusted() throws Exception {
        try (FakeRtmpServer server = tlsServer(selfSigned)) {
            List<NetStatusEvent> seen = connect("TLS trusted", "rtmps://127.0.0.1:" + server.port() + "/app",
                    RtmpOptions.DEFAULTS.withTrustedCertificate(selfSigned.certificate()), "NetConnection.Connect.Success");
            assertEquals(List.of("NetConnection.Connect.Success"), codes(seen));
        }
    }

    @Test
    void anRtmpsConnectionOutlivesItsSilenceProbes() throws Exception {
        CompletableFuture<Integer> pinged = new CompletableFuture<>();
        try (FakeRtmpServer server = new FakeRtmpServer(selfSigned.listen(), p -> {
            p.connectOk();
            int answered = 0;
            while (answered < 4) {
                RtmpMessage m = p.read();
                if (m.type() == MessageType.USER_CONTROL
                        && UserControl.parse(m.payload()) instanceof UserControl.PingRequest ping) {
                    p.control(ping.response());
                    answered++;
                }
            }
            pinged.complete(answered);
            p.awaitClose();
        })) {
            Events events = new Events();
            NetConnection nc = new NetConnection();
            nc.addNetStatusListener(events);
            nc.setRtmpOptions(RtmpOptions.DEFAULTS.withTrustedCertificate(selfSigned.certificate())
                    .withSilenceTimeoutMs(600));
            nc.connect("rtmps://127.0.0.1:" + server.port() + "/app");
            events.await("NetConnection.Connect.Success", 10);
            // Four answered pings, 200 ms of silence each: a read timeout leaves the TLS socket usable.
            assertEquals(4, pinged.get(10, TimeUnit.SECONDS));
            assertEquals(null, events.poll(100));
            System.out.println("[rtmps, silence probes answered] NetStatus sequence: " + events.codes());
            assertEquals(List.of("NetConnection.Connect.Success"), events.codes());
            assertTrue(nc.connected());
            nc.close();
        }
    }

    // A reset in the middle of a chunked message.

    /** Resets the connection (RST: SO_LINGER 0, then close). */
    private static void reset(FakeRtmpServer.Peer p) throws Exception {
        p.socket.setSoLinger(true, 0);
        p.socket.close();
    }

    @Test
    void playResetHalfwayThroughAMessageIsConnectClosedAndNothingOfItReachesTheClient() throws Exception {
        CompletableFuture<Void> whole = new CompletableFuture<>();
        try (FakeRtmpServer server = new FakeRtmpServer(p -> {
            p.connectOk();
            Command c;
            do {
                c = p.readCommand();
                if (c.name().equals("createStream")) {
                    p.result(c.transactionId(), num(1));
                }
            } while (!c.name().equals("play"));
            p.onStatus(1, info("status", "NetStream.Play.Start", "Start live"));
            // onTextData with 40 kB of text: at the default chunk size of 128, over 300 chunks.
            byte[] payload = Amf0Writer.encode(new AmfString("onTextData"),
                    AmfValues.of(Map.of("text", "x".repeat(40_000))));
            java.io.ByteArrayOutputStream encoded = new java.io.ByteArrayOutputStream();
            p.encoder.encode(RtmpMessage.of(5, MessageType.DATA_AMF0, 0, 1, payload), encoded);
            byte[] bytes = encoded.toByteArray();
            p.raw(java.util.Arrays.copyOf(bytes, bytes.length / 2));
            whole.complete(null);
            reset(p);
        })) {
            Events ncEvents = new Events();
            NetConnection nc = new NetConnection();
            nc.addNetStatusListener(ncEvents);
            nc.connect(server.url("live"));
            ncEvents.await("NetConnection.Connect.Success", 5);
            Events events = new Events();
            NetStream ns = new NetStream(nc);
            ns.setAudioSink(new NullAudioSink());
            ns.addNetStatusListener(events);
            List<Map<String, Object>> texts = new CopyOnWriteArrayList<>();
            ns.setClient(new NetStreamClient() {
                @Override
                public void onTextData(Map<String, Object> info) {
                    texts.add(info);
                }
            });
            ns.play("cam");
            whole.get(5, TimeUnit.SECONDS);
            NetStatusEvent closed = ncEvents.await("NetConnection.Connect.Closed", 5);
            NetStatusEvent failed = events.await("NetStream.Play.Failed", 5);
            assertEquals(null, ncEvents.poll(200), "nothing after Connect.Closed");
            System.out.println("[play, RST mid-message] NetConnection: " + ncEvents.codes() + ", NetStream: "
                    + events.codes());
            System.out.println("  " + closed);
            System.out.println("  " + failed);
            assertEquals(List.of("NetConnection.Connect.Success", "NetConnection.Connect.Closed"), ncEvents.codes());
            assertEquals(List.of("NetStream.Play.Start", "NetStream.Play.Failed"), events.codes());
            assertTrue(closed.description().contains("reset"), closed.description());
            assertEquals(List.of(), texts, "the half message is not delivered");
            ns.close();
            nc.close();
        }
    }

    /** A video feed the test pushes 64 kB frames into. */
    private static final class BigFrames implements MediaFeed {
        volatile FeedSink sink;
        volatile boolean stopped;

        @Override
        public TrackKind kind() {
            return TrackKind.VIDEO;
        }

        @Override
        public void start(FeedSink s) {
            sink = s;
            s.configure(new FeedConfig(TrackKind.VIDEO, new byte[] {1, 66, 0, 30, (byte) 0xFF, (byte) 0xE1, 0, 0, 1, 0},
                    Map.of("width", 320.0, "height", 240.0, "videocodecid", 7.0)));
        }

        @Override
        public void requestKeyframe() {
        }

        @Override
        public void stop() {
            stopped = true;
        }
    }

    @Test
    void publishResetHalfwayThroughAMessageIsConnectClosedWithoutAHang() throws Exception {
        CompletableFuture<Long> resetAfterBytes = new CompletableFuture<>();
        try (FakeRtmpServer server = new FakeRtmpServer(p -> {
            p.connectOk();
            Command c;
            do {
                c = p.readCommand();
                if (c.name().equals("createStream")) {
                    p.result(c.transactionId(), num(1));
                }
            } while (!c.name().equals("publish"));
            p.onStatus(1, info("status", "NetStream.Publish.Start", "Start publishing"));
            // Reads raw bytes into the first 64 kB video frame (16 chunks of 4096), then resets.
            InputStream in = p.in;
            byte[] buf = new byte[1];
            long n = 0;
            while (n < 20_000 && in.read(buf) > 0) {
                n++;
            }
            resetAfterBytes.complete(n);
            reset(p);
        })) {
            Events events = new Events();
            NetConnection nc = new NetConnection();
            nc.addNetStatusListener(events);
            nc.connect(server.url("live"));
            events.await("NetConnection.Connect.Success", 5);
            NetStream ns = new NetStream(nc);
            ns.addNetStatusListener(events);
            BigFrames camera = new BigFrames();
            ns.attachCamera(camera);
            ns.publish("cam", "live");
            events.await("NetStream.Publish.Start", 5);
            Thread pusher = new Thread(() -> {
                byte[] frame = new byte[64 * 1024];
                for (long t = 0; !camera.stopped && t < 10_000_000; t += 40_000) {
                    camera.sink.packet(new FeedPacket(TrackKind.VIDEO, t, t, true, frame));
                    try {
                        Thread.sleep(40);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "test-pusher");
            pusher.start();
            long read = resetAfterBytes.get(10, TimeUnit.SECONDS);
            long resetAt = System.nanoTime();
            events.await("NetConnection.Connect.Closed", 5);
            long tookMs = (System.nanoTime() - resetAt) / 1_000_000;
            pusher.join(5000);
            List<String> seen = events.codes();
            System.out.println("[publish, RST mid-message after " + read + " bytes] NetStatus sequence, Closed "
                    + tookMs + " ms after the reset:");
            System.out.println("  " + seen);
            assertEquals(List.of("NetConnection.Connect.Success", "NetStream.Publish.Start"), seen.subList(0, 2));
            assertEquals("NetConnection.Connect.Closed", seen.get(seen.size() - 1), seen.toString());
            assertFalse(seen.contains("NetStreamFX.Publish.Stalled"), "a reset is seen at once, not after 8 s");
            assertTrue(camera.stopped, "the feeds stop when the connection is lost for good");
            assertTrue(tookMs < 3000, "Closed " + tookMs + " ms after the reset");
            ns.close();
            nc.close();
        }
    }

    // Half-open: the server goes silent, answering nothing, closing nothing.

    @Test
    void aServerThatGoesSilentIsStalledThenClosed() throws Exception {
        CompletableFuture<Void> release = new CompletableFuture<>();
        List<String> serverSaw = new CopyOnWriteArrayList<>();
        try (FakeRtmpServer server = new FakeRtmpServer(p -> {
            p.connectOk();
            try {
                while (!release.isDone()) {
                    RtmpMessage m = p.read();
                    serverSaw.add(m.type().name());
                }
            } catch (java.io.IOException e) {
                // The client gave up.
            }
        })) {
            long start = System.nanoTime();
            List<NetStatusEvent> seen = connect("silent server", server.url("live"),
                    RtmpOptions.DEFAULTS.withSilenceTimeoutMs(600), "NetConnection.Connect.Closed");
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            release.complete(null);
            assertEquals(List.of("NetConnection.Connect.Success", "NetStreamFX.Connect.Stalled",
                    "NetConnection.Connect.Closed"), codes(seen));
            NetStatusEvent stalled = seen.get(1);
            assertEquals("warning", stalled.level().wireName());
            assertTrue(stalled.description().contains("silence timeout 600 ms")
                    && stalled.description().contains("2 pings went unanswered"), stalled.description());
            assertTrue(tookMs >= 600 && tookMs < 5000, tookMs + " ms");
            assertEquals(2, serverSaw.stream().filter("USER_CONTROL"::equals).count(), "two PingRequests: " + serverSaw);
        }
    }

    // The server stops acknowledging (RTMP 5.4.3) what the publisher sends.

    /**
     * A server that asks for an Acknowledgement window of 64 kB (Set Peer Bandwidth, hard), reads
     * everything the publisher sends and never acknowledges any of it; it answers PingRequests
     * when {@code answerPings}, else sends nothing at all. {@code received} completes after 1 MB.
     */
    private static FakeRtmpServer noAckServer(boolean answerPings, CompletableFuture<Long> received,
            List<String> serverSent) throws Exception {
        return new FakeRtmpServer(p -> {
            p.connectOk();
            p.control(new SetPeerBandwidth(64 * 1024, SetPeerBandwidth.LimitType.HARD));
            Command c;
            do {
                c = p.readCommand();
                if (c.name().equals("createStream")) {
                    p.result(c.transactionId(), num(1));
                }
            } while (!c.name().equals("publish"));
            p.onStatus(1, info("status", "NetStream.Publish.Start", "Start publishing"));
            long media = 0;
            try {
                while (true) {
                    RtmpMessage m = p.read();
                    if (m.type() == MessageType.VIDEO || m.type() == MessageType.AUDIO) {
                        media += m.payload().length;
                        if (media >= 1_000_000) {
                            received.complete(media);
                        }
                    } else if (m.type() == MessageType.USER_CONTROL && answerPings
                            && UserControl.parse(m.payload()) instanceof UserControl.PingRequest ping) {
                        p.control(ping.response());
                        serverSent.add("PingResponse");
                    }
                }
            } catch (java.io.IOException e) {
                // The client closed.
            }
        });
    }

    /** Publishes 64 kB frames every 40 ms until the feed stops; returns the pushing thread. */
    private static Thread push(BigFrames camera) {
        Thread pusher = new Thread(() -> {
            byte[] frame = new byte[64 * 1024];
            for (long t = 0; !camera.stopped && t < 20_000_000; t += 40_000) {
                camera.sink.packet(new FeedPacket(TrackKind.VIDEO, t, t, true, frame));
                try {
                    Thread.sleep(40);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "test-pusher");
        pusher.start();
        return pusher;
    }

    @Test
    void publishingGoesOnWhenTheServerStopsAcknowledgingButIsAlive() throws Exception {
        CompletableFuture<Long> received = new CompletableFuture<>();
        List<String> serverSent = new CopyOnWriteArrayList<>();
        try (FakeRtmpServer server = noAckServer(true, received, serverSent)) {
            Events events = new Events();
            NetConnection nc = new NetConnection();
            nc.setRtmpOptions(RtmpOptions.DEFAULTS.withSilenceTimeoutMs(600));
            nc.addNetStatusListener(events);
            nc.connect(server.url("live"));
            events.await("NetConnection.Connect.Success", 5);
            NetStream ns = new NetStream(nc);
            ns.addNetStatusListener(events);
            BigFrames camera = new BigFrames();
            ns.attachCamera(camera);
            ns.publish("cam", "live");
            events.await("NetStream.Publish.Start", 5);
            Thread pusher = push(camera);
            long bytes = received.get(20, TimeUnit.SECONDS);
            List<String> seen = events.codes();
            System.out.println("[publish, no acknowledgements, " + bytes + " bytes of media in (window 65536), "
                    + serverSent.size() + " pings answered] NetStatus sequence: " + seen);
            assertEquals(List.of("NetConnection.Connect.Success", "NetStream.Publish.Start"), seen,
                    "no Dropped, no Stalled: acknowledgements are not flow control here, TCP is");
            assertTrue(nc.connected());
            ns.close();
            nc.close();
            pusher.join(5000);
        }
    }

    @Test
    void publishingToAServerThatStopsAcknowledgingAndAnsweringIsStalledThenClosed() throws Exception {
        CompletableFuture<Long> received = new CompletableFuture<>();
        try (FakeRtmpServer server = noAckServer(false, received, new CopyOnWriteArrayList<>())) {
            Events events = new Events();
            NetConnection nc = new NetConnection();
            nc.setRtmpOptions(RtmpOptions.DEFAULTS.withSilenceTimeoutMs(600));
            nc.addNetStatusListener(events);
            nc.connect(server.url("live"));
            events.await("NetConnection.Connect.Success", 5);
            NetStream ns = new NetStream(nc);
            ns.addNetStatusListener(events);
            BigFrames camera = new BigFrames();
            ns.attachCamera(camera);
            ns.publish("cam", "live");
            events.await("NetStream.Publish.Start", 5);
            Thread pusher = push(camera);
            events.await("NetConnection.Connect.Closed", 10);
            List<String> seen = events.codes();
            System.out.println("[publish, no acknowledgements and no answers] NetStatus sequence: " + seen);
            assertEquals(List.of("NetConnection.Connect.Success", "NetStream.Publish.Start",
                    "NetStreamFX.Connect.Stalled", "NetConnection.Connect.Closed"), seen);
            pusher.join(5000);
            assertTrue(camera.stopped, "the feeds stop when the connection is lost for good");
            ns.close();
            nc.close();
        }
    }
}
