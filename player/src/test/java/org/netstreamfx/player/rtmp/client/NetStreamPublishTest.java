package org.netstreamfx.player.rtmp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.netstreamfx.player.rtmp.client.FakeRtmpServer.info;
import static org.netstreamfx.player.rtmp.client.FakeRtmpServer.num;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.publish.FeedConfig;
import org.netstreamfx.player.publish.FeedPacket;
import org.netstreamfx.player.publish.FeedSink;
import org.netstreamfx.player.publish.MediaFeed;
import org.netstreamfx.player.rtmp.message.MessageType;
import org.netstreamfx.player.rtmp.message.RtmpMessage;

/** NetStream publishing against the fake server: the commands and messages it sends, in order. */
class NetStreamPublishTest {
    private static final byte[] AVCC = {1, 66, 0, 30, (byte) 0xFF, (byte) 0xE1, 0, 0, 1, 0};
    private static final byte[] ASC = {0x12, 0x10};

    /** A feed the test drives by hand (NetStreamPublishCloseTest makes one whose stop is slow). */
    static class HandFeed implements MediaFeed {
        private final TrackKind kind;
        volatile FeedSink sink;
        volatile int keyframeRequests;
        /** Completes at the first keyframe request: the session asks once its media has begun. */
        final java.util.concurrent.CompletableFuture<Void> keyframeRequested = new java.util.concurrent.CompletableFuture<>();
        volatile boolean stopped;

        HandFeed(TrackKind kind) {
            this.kind = kind;
        }

        @Override
        public TrackKind kind() {
            return kind;
        }

        @Override
        public void start(FeedSink s) {
            sink = s;
            s.configure(kind == TrackKind.VIDEO
                    ? new FeedConfig(kind, AVCC, Map.of("width", 320.0, "height", 240.0, "videocodecid", 7.0))
                    : new FeedConfig(kind, ASC, Map.of("audiocodecid", 10.0, "audiosamplerate", 44100.0)));
        }

        @Override
        public void requestKeyframe() {
            keyframeRequests++;
            keyframeRequested.complete(null);
        }

        @Override
        public void stop() {
            stopped = true;
        }
    }

    private static String describe(FakeRtmpServer.Peer p, RtmpMessage m) throws Exception {
        return switch (m.type()) {
            case COMMAND_AMF0 -> {
                Command c = p.codec.decode(m);
                yield c.name() + "@" + m.messageStreamId() + " " + c.javaArgs();
            }
            case DATA_AMF0 -> "data@" + m.messageStreamId() + " t" + m.timestampMs() + " "
                    + new String(m.payload(), 3, 13, java.nio.charset.StandardCharsets.ISO_8859_1);
            case VIDEO -> String.format("video@%d t%d %02x %02x", m.messageStreamId(), m.timestampMs(),
                    m.payload()[0], m.payload()[1]);
            case AUDIO -> String.format("audio@%d t%d %02x %02x", m.messageStreamId(), m.timestampMs(),
                    m.payload()[0], m.payload()[1]);
            default -> m.type().toString();
        };
    }

    @Test
    void publishSendsTheFmleSequenceThenMetadataHeadersAndMediaFromAKeyframeAndUnpublishes() throws Exception {
        CompletableFuture<List<String>> wire = new CompletableFuture<>();
        CompletableFuture<Void> started = new CompletableFuture<>();
        CompletableFuture<Void> mediaSent = new CompletableFuture<>();
        try (FakeRtmpServer server = new FakeRtmpServer(p -> {
            p.connectOk();
            List<String> got = new ArrayList<>();
            while (got.size() < 3) {
                Command c = p.readCommand();
                got.add(c.name() + " " + c.javaArgs());
                if (c.name().equals("createStream")) {
                    p.result(c.transactionId(), num(1));
                }
            }
            Command publish = p.readCommand();
            got.add(publish.name() + " " + publish.javaArgs());
            p.onStatus(1, info("status", "NetStream.Publish.Start", "key is now published."));
            started.complete(null);
            while (got.stream().noneMatch(s -> s.startsWith("closeStream"))) {
                RtmpMessage m = p.read();
                if (m.type() != MessageType.SET_CHUNK_SIZE && m.type() != MessageType.USER_CONTROL) {
                    got.add(describe(p, m));
                }
                if (m.type() == MessageType.AUDIO && m.timestampMs() > 0) {
                    mediaSent.complete(null);
                }
            }
            p.onStatus(1, info("status", "NetStream.Unpublish.Success", "key is now unpublished."));
            got.add(describe(p, p.readCommandMessage()));
            wire.complete(got);
            p.awaitClose();
        })) {
            Events ncEvents = new Events();
            NetConnection nc = new NetConnection();
            nc.addNetStatusListener(ncEvents);
            nc.connect(server.url("live"));
            ncEvents.await("NetConnection.Connect.Success", 5);
            Events events = new Events();
            NetStream ns = new NetStream(nc);
            ns.addNetStatusListener(events);
            HandFeed camera = new HandFeed(TrackKind.VIDEO);
            HandFeed mic = new HandFeed(TrackKind.AUDIO);
            ns.attachCamera(camera);
            ns.attachAudio(mic);
            ns.publish("key", "live");
            events.await("NetStream.Publish.Start", 5);
            started.get(5, TimeUnit.SECONDS);
            // Publish.Start reaches the callback thread before the session has begun its media; it asks the
            // camera for a keyframe once it has, and only then are packets sent.
            camera.keyframeRequested.get(5, TimeUnit.SECONDS);
            camera.sink.packet(new FeedPacket(TrackKind.VIDEO, 1_000_000, 1_000_000, false, new byte[] {0, 0, 0, 1, 1}));
            camera.sink.packet(new FeedPacket(TrackKind.VIDEO, 1_040_000, 1_040_000, true, new byte[] {0, 0, 0, 1, 5}));
            mic.sink.packet(new FeedPacket(TrackKind.AUDIO, 1_050_000, 1_050_000, true, new byte[] {33, 1}));
            camera.sink.packet(new FeedPacket(TrackKind.VIDEO, 1_080_000, 1_080_000, false, new byte[] {0, 0, 0, 1, 1}));
            mediaSent.get(5, TimeUnit.SECONDS);
            ns.publish(null);
            events.await("NetStream.Unpublish.Success", 6);

            assertEquals(List.of(
                    "releaseStream [key]",
                    "FCPublish [key]",
                    "createStream []",
                    "publish [key, live]",
                    "data@1 t0 @setDataFrame",
                    "video@1 t0 17 00",
                    "audio@1 t0 af 00",
                    "video@1 t0 17 01",
                    "audio@1 t10 af 01",
                    "video@1 t40 27 01",
                    "FCUnpublish@0 [key]",
                    "closeStream@1 []",
                    "deleteStream@0 [1.0]"), wire.get(5, TimeUnit.SECONDS));
            assertEquals(List.of("NetStream.Publish.Start", "NetStream.Unpublish.Success"), events.codes());
            assertEquals(true, camera.stopped && mic.stopped, "the feeds stop with the stream");
            assertEquals(true, camera.keyframeRequests >= 1, "a keyframe is asked for at the start");
            nc.close();
        }
    }

    @Test
    void aServerBadNameIsPassedOnWholeAndNoMediaIsSent() throws Exception {
        try (FakeRtmpServer server = new FakeRtmpServer(p -> {
            p.connectOk();
            Command c;
            do {
                c = p.readCommand();
                if (c.name().equals("createStream")) {
                    p.result(c.transactionId(), num(1));
                }
            } while (!c.name().equals("publish"));
            p.onStatus(1, info("error", "NetStream.Publish.BadName", "Already publishing"));
            p.awaitClose();
        })) {
            Events ncEvents = new Events();
            NetConnection nc = new NetConnection();
            nc.addNetStatusListener(ncEvents);
            nc.connect(server.url("live"));
            ncEvents.await("NetConnection.Connect.Success", 5);
            Events events = new Events();
            NetStream ns = new NetStream(nc);
            ns.addNetStatusListener(events);
            ns.attachCamera(new HandFeed(TrackKind.VIDEO));
            ns.publish("taken", "live");
            var bad = events.await("NetStream.Publish.BadName", 5);
            assertEquals("Already publishing", bad.description());
            assertThrows(IllegalStateException.class, () -> ns.send("onCustom", 1.0), "nothing to send to");
            assertEquals("error", bad.level().wireName());
            ns.close();
            nc.close();
            assertEquals(List.of("NetStream.Publish.BadName"), events.codes());
        }
    }

    @Test
    void afterAReconnectPublishIsRetriedWhileTheServerStillHoldsTheName() throws Exception {
        FakeRtmpServer.Script firstConnection = p -> {
            p.connectOk();
            Command c;
            do {
                c = p.readCommand();
                if (c.name().equals("createStream")) {
                    p.result(c.transactionId(), num(1));
                }
            } while (!c.name().equals("publish"));
            p.onStatus(1, info("status", "NetStream.Publish.Start", "Start publishing"));
            // The client has taken Publish.Start once its media begins: @setDataFrame comes first.
            RtmpMessage m;
            do {
                m = p.read();
            } while (m.type() != MessageType.DATA_AMF0);
            // Returning closes the socket: an unexpected close for the client.
        };
        FakeRtmpServer.Script secondConnection = p -> {
            p.connectOk();
            Command c;
            do {
                c = p.readCommand();
                if (c.name().equals("createStream")) {
                    p.result(c.transactionId(), num(1));
                }
            } while (!c.name().equals("publish"));
            p.onStatus(1, info("error", "NetStream.Publish.BadName", "Already publishing"));
            do {
                c = p.readCommand();
            } while (!c.name().equals("publish"));
            p.onStatus(1, info("status", "NetStream.Publish.Start", "Start publishing"));
            p.awaitClose();
        };
        try (FakeRtmpServer server = new FakeRtmpServer(firstConnection, secondConnection)) {
            Events ncEvents = new Events();
            NetConnection nc = new NetConnection();
            nc.setRtmpOptions(RtmpOptions.DEFAULTS.withReconnect(new ReconnectPolicy(3, 50, 1.5, 30_000, 0.2)));
            nc.addNetStatusListener(ncEvents);
            nc.connect(server.url("live"));
            ncEvents.await("NetConnection.Connect.Success", 5);
            Events events = new Events();
            NetStream ns = new NetStream(nc);
            ns.addNetStatusListener(events);
            HandFeed camera = new HandFeed(TrackKind.VIDEO);
            ns.attachCamera(camera);
            ns.publish("again", "live");
            events.await("NetStream.Publish.Start", 5);
            ncEvents.await("NetStreamFX.Connect.Reconnected", 5);
            var retry = events.await("NetStreamFX.Publish.Republishing", 5);
            assertEquals(true, retry.description().contains("Already publishing") && retry.description().contains(
                    "try 1 of 10"), retry.description());
            events.await("NetStream.Publish.Start", 5);
            assertEquals(List.of("NetStream.Publish.Start", "NetStreamFX.Publish.Republishing",
                    "NetStream.Publish.Start"), events.codes());
            assertEquals(false, camera.stopped, "the camera goes on across the reconnect");
            assertEquals(List.of(), server.errors());
            ns.close();
            nc.close();
        }
    }

    @Test
    void aWriteWithoutProgressFor8SecondsIsADeadConnection() throws Exception {
        CompletableFuture<Void> stopReading = new CompletableFuture<>();
        CompletableFuture<Void> release = new CompletableFuture<>();
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
            stopReading.complete(null);
            release.get(30, TimeUnit.SECONDS); // Reads nothing more: the client's writes stall once buffers fill.
        })) {
            Events ncEvents = new Events();
            NetConnection nc = new NetConnection();
            nc.addNetStatusListener(ncEvents);
            nc.connect(server.url("live"));
            ncEvents.await("NetConnection.Connect.Success", 5);
            Events events = new Events();
            NetStream ns = new NetStream(nc);
            ns.addNetStatusListener(events);
            HandFeed camera = new HandFeed(TrackKind.VIDEO);
            ns.attachCamera(camera);
            ns.publish("stuck", "live");
            events.await("NetStream.Publish.Start", 5);
            stopReading.get(5, TimeUnit.SECONDS);
            Thread pusher = new Thread(() -> {
                byte[] frame = new byte[64 * 1024];
                for (long t = 0; !camera.stopped && t < 30_000_000; t += 100_000) {
                    camera.sink.packet(new FeedPacket(TrackKind.VIDEO, t, t, true, frame));
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "test-pusher");
            pusher.start();
            var stalled = events.await("NetStreamFX.Publish.Stalled", 20);
            assertEquals(true, stalled.description().contains("no progress for 8 s"), stalled.description());
            ncEvents.await("NetConnection.Connect.Closed", 5);
            pusher.join(5000);
            assertEquals(true, camera.stopped, "the feeds stop when the connection is lost for good");
            release.complete(null);
            ns.close();
            nc.close();
        }
    }
}
