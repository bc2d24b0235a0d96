package org.netstreamfx.player.rtmp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netstreamfx.player.net.NetStatusCode.NETCONNECTION_CONNECT_RECONNECTREQUEST;
import static org.netstreamfx.player.net.NetStatusCode.NETSTREAM_PLAY_START;
import static org.netstreamfx.player.net.NetStatusCode.NETSTREAM_PUBLISH_START;
import static org.netstreamfx.player.net.NetStatusCode.NETSTREAM_UNPUBLISH_SUCCESS;
import static org.netstreamfx.player.net.NetStatusCode.NSFX_CONNECT_RECONNECTED;
import static org.netstreamfx.player.net.NetStatusCode.NSFX_CONNECT_RECONNECTING;
import static org.netstreamfx.player.net.NetStatusCode.NSFX_PUBLISH_MOVED;
import static org.netstreamfx.player.net.NetStatusCode.NSFX_PUBLISH_MOVEFAILED;
import static org.netstreamfx.player.rtmp.client.FakeRtmpServer.info;
import static org.netstreamfx.player.rtmp.client.FakeRtmpServer.num;
import static org.netstreamfx.player.rtmp.client.FakeRtmpServer.object;

import java.io.EOFException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.amf.AmfValue;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetStatusCode;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.publish.FeedPacket;
import org.netstreamfx.player.rtmp.message.MessageType;
import org.netstreamfx.player.rtmp.message.RtmpMessage;
import org.netstreamfx.player.sink.NullAudioSink;

/**
 * Enhanced RTMP v2's NetConnection.Connect.ReconnectRequest while publishing: the publisher moves
 * make-before-break. The old connection goes on carrying the media while the new one connects and
 * publishes; the media moves at a keyframe, so that the old server gets every frame before it and
 * the new one onMetaData, the sequence headers and every frame from it, timestamps continuous,
 * none lost or sent twice; then the old stream is unpublished and its connection closed. A new
 * server that refuses the publish leaves publishing on the old one, with a warning.
 */
class ReconnectRequestPublishTest {
    private static final String STREAM = "cam";
    private static final String KEY = "s3cret";
    private static final double WAIT_S = 5;
    /** The first packet's decode time: timestamps count from it. */
    private static final long BASE_US = 1_000_000;
    private static final long FRAME_US = 40_000;
    private static final long FRAME_MS = FRAME_US / 1000;
    /** The frames fed, each a video frame and an audio packet of the same decode time, and the keyframes among them. */
    private static final int FRAMES = 22;
    private static final List<Integer> KEYFRAMES = List.of(0, 5, 15, 20);
    /** Fed before the request; then, while the new connection is being set up, up to (not including) ... */
    private static final int BEFORE_REQUEST = 10;
    /** ... this one; then, once the move may go ahead, the frames up to the next keyframe, at which it moves. */
    private static final int DURING_MOVE = 14;
    private static final int MOVES_AT = 15;
    private static final byte[] VIDEO_KEY = {0, 0, 0, 1, 5};
    private static final byte[] VIDEO_INTER = {0, 0, 0, 1, 1};
    private static final byte[] AUDIO = {33, 1};
    /** How a server's record shows a video frame (not a header), and a keyframe. */
    private static final String FRAME = "video t\\d+ [12]7 01";
    private static final String KEYFRAME = "video t\\d+ 17 01";

    /** The stream ids the servers give: the publish's, then a player's. */
    private static final int PUBLISHED_ID = 1;
    private static final int PLAYED_ID = 2;
    /** What a player on the publisher's connection plays: AAC frames. */
    private static final String PLAYED = "other";
    private static final int PLAYED_FRAMES = 10;
    private static final long AAC_FRAME_MS = 23;
    private static final byte[] AAC_CONFIG = {(byte) 0xAF, 0, 0x12, 0x10};
    private static final byte[] AAC_FRAME = {(byte) 0xAF, 1, 0x21, 0x10, 0x04};

    /** A camera whose every keyframe request the test can wait for (the start asks for one, the move another). */
    private static final class Camera extends NetStreamPublishTest.HandFeed {
        final Semaphore requests = new Semaphore(0);

        Camera() {
            super(TrackKind.VIDEO);
        }

        @Override
        public void requestKeyframe() {
            super.requestKeyframe();
            requests.release();
        }
    }

    /**
     * One publish connection's server side: takes the publish (or refuses it with {@code refusal}),
     * answers Publish.Start once {@code gate} completes, then records the media and commands that
     * arrive, in order, answering closeStream with Unpublish.Success, until the client closes.
     */
    private static final class Ingest implements FakeRtmpServer.Script {
        final CompletableFuture<Void> gate = new CompletableFuture<>();
        /** The client's publish command arrived (it waits for the gate). */
        final CompletableFuture<Void> publishAsked = new CompletableFuture<>();
        final CompletableFuture<FakeRtmpServer.Peer> started = new CompletableFuture<>();
        final CompletableFuture<Void> closed = new CompletableFuture<>();
        final CompletableFuture<String> tcUrl = new CompletableFuture<>();
        /** The name a player's play asked for. */
        final CompletableFuture<String> played = new CompletableFuture<>();
        final LinkedBlockingQueue<String> arrivals = new LinkedBlockingQueue<>();
        final List<String> media = Collections.synchronizedList(new ArrayList<>());
        final List<String> commands = Collections.synchronizedList(new ArrayList<>());
        private final String refusal;
        /** Where every media message also goes, after the name of the server it reached; or null. */
        private final LinkedBlockingQueue<String> both;
        private final String server;

        Ingest(String refusal) {
            this(refusal, null, null);
        }

        /** @param both where every media message also goes, as {@code server: message} */
        Ingest(String refusal, LinkedBlockingQueue<String> both, String server) {
            this.refusal = refusal;
            this.both = both;
            this.server = server;
        }

        @Override
        public void run(FakeRtmpServer.Peer p) throws Exception {
            tcUrl.complete(String.valueOf(p.connectOk().payloadMap().get("tcUrl")));
            Command publish = p.acceptPublish();
            commands.add(publish.name() + " " + publish.javaArgs());
            publishAsked.complete(null);
            gate.get(10, TimeUnit.SECONDS);
            synchronized (p) {
                p.onStatus(1, refusal != null ? info("error", "NetStream.Publish.BadName", refusal)
                        : info("status", NETSTREAM_PUBLISH_START.code(), "Publishing " + STREAM + "."));
            }
            started.complete(p);
            try {
                while (true) {
                    record(p, p.read());
                }
            } catch (EOFException | SocketException e) {
                closed.complete(null);
            }
        }

        private void record(FakeRtmpServer.Peer p, RtmpMessage m) throws Exception {
            if (m.type() == MessageType.VIDEO || m.type() == MessageType.AUDIO || m.type() == MessageType.DATA_AMF0) {
                String d = m.type() == MessageType.DATA_AMF0 ? "data t" + m.timestampMs()
                        : String.format("%s t%d %02x %02x", m.type() == MessageType.VIDEO ? "video" : "audio",
                                m.timestampMs(), m.payload()[0], m.payload()[1]);
                media.add(d);
                arrivals.add(d);
                if (both != null) {
                    both.add(server + ": " + d);
                }
            } else if (m.type() == MessageType.COMMAND_AMF0) {
                Command c = p.codec.decode(m);
                commands.add(c.name());
                synchronized (p) {
                    answer(p, c, m.messageStreamId());
                }
            }
        }

        /** Unpublishes the published stream; a second stream (after the publish's) plays {@link #PLAYED}'s audio. */
        private void answer(FakeRtmpServer.Peer p, Command c, int streamId) throws Exception {
            switch (c.name()) {
                case "closeStream" -> {
                    if (streamId == PUBLISHED_ID) {
                        p.onStatus(streamId, info("status", NETSTREAM_UNPUBLISH_SUCCESS.code(), STREAM + " unpublished."));
                    }
                }
                case "createStream" -> p.result(c.transactionId(), num(PLAYED_ID));
                case "play" -> {
                    p.onStatus(streamId, info("status", NETSTREAM_PLAY_START.code(), "Playing " + PLAYED + "."));
                    p.send(RtmpMessage.of(4, MessageType.AUDIO, 0, streamId, AAC_CONFIG));
                    for (int i = 0; i < PLAYED_FRAMES; i++) {
                        p.send(RtmpMessage.of(4, MessageType.AUDIO, i * AAC_FRAME_MS, streamId, AAC_FRAME));
                    }
                    played.complete(String.valueOf(c.javaArgs().get(0)));
                }
                default -> {
                    // Nothing to answer.
                }
            }
        }

        /** Waits until {@code count} more media messages have arrived. */
        void awaitMedia(int count) throws InterruptedException {
            for (int i = 0; i < count; i++) {
                assertTrue(arrivals.poll((long) WAIT_S, TimeUnit.SECONDS) != null, "media " + i + " of " + count
                        + " arrived; had " + media);
            }
        }

        /** The server asks the client to reconnect, to {@code tcUrl} unless null. */
        void request(String tcUrl) throws Exception {
            String code = NETCONNECTION_CONNECT_RECONNECTREQUEST.code();
            AmfValue r = tcUrl == null ? info("status", code, "Reconnect, please.")
                    : object("level", "status", "code", code, "description", "Moving you.", "tcUrl", tcUrl);
            FakeRtmpServer.Peer p = started.get((long) WAIT_S, TimeUnit.SECONDS);
            synchronized (p) {
                p.onStatus(0, r);
            }
        }

        /** How many media messages match {@code pattern}. */
        long count(String pattern) {
            synchronized (media) {
                return media.stream().filter(d -> d.matches(pattern)).count();
            }
        }
    }

    /** A publishing stream on its connection, with the feeds the test drives and every event of both. */
    private static final class Publishing implements AutoCloseable {
        final Events events = new Events();
        final NetConnection nc = new NetConnection();
        final NetStream ns = new NetStream(nc);
        final Camera camera = new Camera();
        final NetStreamPublishTest.HandFeed mic = new NetStreamPublishTest.HandFeed(TrackKind.AUDIO);
        private final boolean video;

        /** Publishes the camera and the microphone. */
        Publishing(String url) throws Exception {
            this(url, true);
            assertTrue(camera.requests.tryAcquire((long) WAIT_S, TimeUnit.SECONDS), "the session began its media");
        }

        /** Publishes the microphone, and the camera if {@code video}. */
        Publishing(String url, boolean video) throws Exception {
            this.video = video;
            nc.addNetStatusListener(events);
            nc.connect(url);
            events.await("NetConnection.Connect.Success", WAIT_S);
            ns.addNetStatusListener(events);
            if (video) {
                ns.attachCamera(camera);
            }
            ns.attachAudio(mic);
            ns.publish(STREAM, "live");
            events.await(NETSTREAM_PUBLISH_START.code(), WAIT_S);
        }

        /** Feeds frames {@code from} to {@code to} (not included): a video frame, then audio of the same time. */
        void feed(int from, int to) {
            for (int i = from; i < to; i++) {
                long dts = BASE_US + i * FRAME_US;
                boolean key = KEYFRAMES.contains(i);
                if (video) {
                    camera.sink.packet(new FeedPacket(TrackKind.VIDEO, dts, dts, key, key ? VIDEO_KEY : VIDEO_INTER));
                }
                mic.sink.packet(new FeedPacket(TrackKind.AUDIO, dts, dts, true, AUDIO));
            }
        }

        @Override
        public void close() {
            ns.close();
            nc.close();
        }
    }

    /** What a server gets of frames {@code from} to {@code to}: video, then audio, at each frame's timestamp. */
    private static List<String> frames(int from, int to) {
        return IntStream.range(from, to).boxed().flatMap(i -> List.of(
                String.format("video t%d %s 01", i * FRAME_MS, KEYFRAMES.contains(i) ? "17" : "27"),
                String.format("audio t%d af 01", i * FRAME_MS)).stream()).toList();
    }

    private static List<String> codes(NetStatusCode... codes) {
        return Stream.of(codes).map(NetStatusCode::code).toList();
    }

    /** The codes of the move's events (and of any failure), in order, from the request on. */
    private static List<String> moveEvents(Events events) {
        List<String> move = codes(NETCONNECTION_CONNECT_RECONNECTREQUEST, NSFX_CONNECT_RECONNECTING,
                NSFX_CONNECT_RECONNECTED, NSFX_PUBLISH_MOVED, NSFX_PUBLISH_MOVEFAILED);
        List<String> codes = events.codes().stream().filter(c -> move.contains(c) || c.endsWith(".Failed")
                || c.endsWith(".Closed") || c.endsWith(".BadName")).toList();
        return codes.subList(codes.indexOf(move.get(0)), codes.size());
    }

    /**
     * Publishes through a request from {@code old} (to {@code tcUrl}, or none) and a move to
     * {@code next}: checks every frame, each server's share and the events; returns the Reconnecting event.
     */
    private static NetStatusEvent publishThroughMove(String url, Ingest old, Ingest next, String tcUrl)
            throws Exception {
        old.gate.complete(null);
        try (Publishing p = new Publishing(url)) {
            p.feed(0, BEFORE_REQUEST);
            old.awaitMedia(3 + 2 * BEFORE_REQUEST); // onMetaData and the two headers first
            old.request(tcUrl);
            NetStatusEvent reconnecting = p.events.await(NSFX_CONNECT_RECONNECTING.code(), WAIT_S);
            p.feed(BEFORE_REQUEST, DURING_MOVE); // The new server has not started the publish: all go to the old.
            old.awaitMedia(2 * (DURING_MOVE - BEFORE_REQUEST));
            next.gate.complete(null);
            p.events.await(NSFX_CONNECT_RECONNECTED.code(), WAIT_S);
            assertTrue(p.camera.requests.tryAcquire((long) WAIT_S, TimeUnit.SECONDS), "the move asks for a keyframe");
            p.feed(DURING_MOVE, FRAMES);
            NetStatusEvent moved = p.events.await(NSFX_PUBLISH_MOVED.code(), WAIT_S);
            next.awaitMedia(3 + 2 * (FRAMES - MOVES_AT));
            old.closed.get((long) WAIT_S, TimeUnit.SECONDS);

            List<String> headers = List.of("data t0", "video t0 17 00", "audio t0 af 00");
            assertEquals(concat(headers, frames(0, MOVES_AT)), old.media);
            long at = MOVES_AT * FRAME_MS;
            assertEquals(concat(List.of("data t" + at, "video t" + at + " 17 00", "audio t" + at + " af 00"),
                    frames(MOVES_AT, FRAMES)), next.media);
            assertEquals(MOVES_AT, old.count(FRAME), "every video frame before the keyframe, on the old server");
            assertEquals(2, old.count(KEYFRAME), "the old server's keyframes: 0 and 5");
            assertEquals(MOVES_AT, old.count("audio t\\d+ af 01"), "every audio packet before the keyframe's time");
            assertEquals(FRAMES - MOVES_AT, next.count(FRAME), "every video frame from the keyframe, on the new one");
            assertEquals(2, next.count(KEYFRAME), "the new server's keyframes: 15 and 20");
            assertEquals(FRAMES - MOVES_AT, next.count("audio t\\d+ af 01"), "every audio packet from its time");
            assertEquals(List.of("publish [" + STREAM + ", live]", "FCUnpublish", "closeStream", "deleteStream"),
                    old.commands, "the old stream is unpublished as an unpublish does");
            assertEquals(codes(NETCONNECTION_CONNECT_RECONNECTREQUEST, NSFX_CONNECT_RECONNECTING,
                    NSFX_CONNECT_RECONNECTED, NSFX_PUBLISH_MOVED), moveEvents(p.events));
            assertEquals(Map.of("fromMs", (MOVES_AT - 1) * FRAME_MS, "keyframeMs", at), moved.details());
            assertEquals(codes(NETSTREAM_PUBLISH_START), p.events.codes().stream()
                    .filter(c -> c.startsWith("NetStream.")).toList(), "the standing-by publish's Publish.Start and the old one's unpublish are not passed on");
            assertFalse(p.camera.stopped, "the camera goes on across the move");
            p.ns.close();
            p.events.await(NETSTREAM_UNPUBLISH_SUCCESS.code(), WAIT_S);
            for (String s : p.events.texts()) {
                assertFalse(s.contains(KEY), "the key never appears in events: " + s);
            }
            return reconnecting;
        }
    }

    /** The servers' scripts threw nothing (no assertion of theirs failed). */
    private static void assertNoErrors(FakeRtmpServer... servers) {
        for (FakeRtmpServer s : servers) {
            assertEquals(List.of(), s.errors());
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void aRequestWithTcUrlMovesThePublishToTheOtherServerAtAKeyframe() throws Exception {
        Ingest old = new Ingest(null);
        Ingest next = new Ingest(null);
        try (FakeRtmpServer second = new FakeRtmpServer(next); FakeRtmpServer first = new FakeRtmpServer(old)) {
            NetStatusEvent reconnecting = publishThroughMove(first.url("live"), old, next, second.url("app2?key=" + KEY));
            String masked = RtmpUrl.parse(second.url("app2?key=" + KEY)).masked();
            assertEquals("The server asked to move to " + masked + "; reconnecting in 0 ms (try 1 of 1).",
                    reconnecting.description());
            assertEquals(second.url("app2?key=" + KEY), next.tcUrl.get(1, TimeUnit.SECONDS), "connected as asked");
            assertNoErrors(first, second);
        }
    }

    @Test
    void aRequestWithoutTcUrlMovesThePublishToANewConnectionToTheSameServer() throws Exception {
        Ingest old = new Ingest(null);
        Ingest next = new Ingest(null);
        try (FakeRtmpServer server = new FakeRtmpServer(old, next)) {
            NetStatusEvent reconnecting = publishThroughMove(server.url("live"), old, next, null);
            assertEquals("Reconnecting to " + server.url("live") + " in 0 ms (try 1 of 1) after: the server asked to "
                    + "reconnect", reconnecting.description());
            assertEquals(2, server.accepted());
            assertNoErrors(server);
        }
    }

    @Test
    void aPlayerOnThePublishersConnectionPlaysAgainOnTheNewOne() throws Exception {
        Ingest old = new Ingest(null);
        Ingest next = new Ingest(null);
        old.gate.complete(null);
        next.gate.complete(null);
        try (FakeRtmpServer second = new FakeRtmpServer(next); FakeRtmpServer first = new FakeRtmpServer(old);
                Publishing p = new Publishing(first.url("live"))) {
            NetStream viewer = new NetStream(p.nc);
            viewer.setAudioSink(new NullAudioSink());
            viewer.addNetStatusListener(p.events);
            viewer.play(PLAYED);
            assertEquals(PLAYED, old.played.get((long) WAIT_S, TimeUnit.SECONDS));
            p.feed(0, BEFORE_REQUEST);
            old.awaitMedia(3 + 2 * BEFORE_REQUEST);
            old.request(second.url("app2"));
            p.events.await(NSFX_CONNECT_RECONNECTED.code(), WAIT_S);
            assertEquals(PLAYED, next.played.get((long) WAIT_S, TimeUnit.SECONDS), "the player plays there again");
            assertTrue(p.camera.requests.tryAcquire((long) WAIT_S, TimeUnit.SECONDS), "the move asks for a keyframe");
            p.feed(BEFORE_REQUEST, FRAMES);
            p.events.await(NSFX_PUBLISH_MOVED.code(), WAIT_S);
            next.awaitMedia(3 + 2 * (FRAMES - MOVES_AT));
            old.closed.get((long) WAIT_S, TimeUnit.SECONDS);

            assertEquals(second.url("app2"), p.nc.uri(), "the new connection is current");
            assertEquals(codes(NETCONNECTION_CONNECT_RECONNECTREQUEST, NSFX_CONNECT_RECONNECTING,
                    NSFX_CONNECT_RECONNECTED, NSFX_PUBLISH_MOVED), moveEvents(p.events));
            assertEquals(2, p.events.codes().stream().filter(NETSTREAM_PLAY_START.code()::equals).count(),
                    "the play started on each connection");
            viewer.close();
            assertNoErrors(first, second);
        }
    }

    @Test
    void aPublishStoppedDuringTheMoveEndsOnTheOldConnectionAndTheNewOneBecomesCurrent() throws Exception {
        Ingest old = new Ingest(null);
        Ingest next = new Ingest(null);
        old.gate.complete(null);
        try (FakeRtmpServer second = new FakeRtmpServer(next); FakeRtmpServer first = new FakeRtmpServer(old);
                Publishing p = new Publishing(first.url("live"))) {
            p.feed(0, BEFORE_REQUEST);
            old.awaitMedia(3 + 2 * BEFORE_REQUEST);
            old.request(second.url("app2"));
            p.events.await(NSFX_CONNECT_RECONNECTING.code(), WAIT_S);
            next.publishAsked.get((long) WAIT_S, TimeUnit.SECONDS); // The publish stands by there, unanswered.
            p.ns.publish(null);
            p.events.await(NETSTREAM_UNPUBLISH_SUCCESS.code(), WAIT_S);
            old.closed.get((long) WAIT_S, TimeUnit.SECONDS);
            next.gate.complete(null);

            assertEquals(List.of("publish [" + STREAM + ", live]", "FCUnpublish", "closeStream", "deleteStream"),
                    old.commands, "the old stream is unpublished on the old connection, then it closes");
            assertEquals(codes(NETCONNECTION_CONNECT_RECONNECTREQUEST, NSFX_CONNECT_RECONNECTING,
                    NSFX_CONNECT_RECONNECTED), moveEvents(p.events));
            assertEquals(second.url("app2"), p.nc.uri(), "the new connection is current");
            assertNoErrors(first);
        }
    }

    @Test
    void anAudioOnlyPublishMovesAtItsNextPacket() throws Exception {
        LinkedBlockingQueue<String> both = new LinkedBlockingQueue<>();
        Ingest old = new Ingest(null, both, "old");
        Ingest next = new Ingest(null, both, "new");
        old.gate.complete(null);
        next.gate.complete(null);
        try (FakeRtmpServer second = new FakeRtmpServer(next); FakeRtmpServer first = new FakeRtmpServer(old);
                Publishing p = new Publishing(first.url("live"), false)) {
            old.awaitMedia(2); // onMetaData and the AAC header: the media has begun
            p.feed(0, BEFORE_REQUEST);
            old.awaitMedia(BEFORE_REQUEST);
            old.request(second.url("app2"));
            p.events.await(NSFX_CONNECT_RECONNECTED.code(), WAIT_S);
            // The move goes ahead just after Reconnected: packet by packet, until one reaches the new server.
            int at = BEFORE_REQUEST;
            while (!arrival(both, p, at).startsWith("new")) {
                at++;
                assertTrue(at < FRAMES, "the publish moved within " + FRAMES + " packets");
            }
            p.feed(at + 1, FRAMES);
            next.awaitMedia(3 + FRAMES - at - 1);
            NetStatusEvent moved = p.events.await(NSFX_PUBLISH_MOVED.code(), WAIT_S);
            old.closed.get((long) WAIT_S, TimeUnit.SECONDS);

            assertEquals(Map.of("fromMs", (at - 1) * FRAME_MS, "keyframeMs", at * FRAME_MS), moved.details());
            assertEquals(concat(List.of("data t0", "audio t0 af 00"), audio(0, at)), old.media);
            assertEquals(concat(List.of("data t" + at * FRAME_MS, "audio t" + at * FRAME_MS + " af 00"),
                    audio(at, FRAMES)), next.media);
            assertEquals(codes(NETCONNECTION_CONNECT_RECONNECTREQUEST, NSFX_CONNECT_RECONNECTING,
                    NSFX_CONNECT_RECONNECTED, NSFX_PUBLISH_MOVED), moveEvents(p.events));
        }
    }

    /** Feeds audio packet {@code i} alone and returns where it arrived ("old: ..." or "new: ..."). */
    private static String arrival(LinkedBlockingQueue<String> both, Publishing p, int i) throws InterruptedException {
        p.feed(i, i + 1);
        String packet = String.format("audio t%d af 01", i * FRAME_MS);
        while (true) {
            String d = both.poll((long) WAIT_S, TimeUnit.SECONDS);
            assertTrue(d != null, "audio " + i + " arrived");
            if (d.endsWith(packet)) {
                return d;
            }
        }
    }

    /** What a server gets of audio packets {@code from} to {@code to}. */
    private static List<String> audio(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> String.format("audio t%d af 01", i * FRAME_MS)).toList();
    }

    /**
     * Publishes through a request from {@code old} to {@code tcUrl} whose move fails: every frame
     * goes to the old server, which stays current, and the warning (returned) follows the request.
     */
    private static NetStatusEvent publishThroughFailedMove(String url, Ingest old, String tcUrl) throws Exception {
        old.gate.complete(null);
        try (Publishing p = new Publishing(url)) {
            p.feed(0, BEFORE_REQUEST);
            old.awaitMedia(3 + 2 * BEFORE_REQUEST);
            old.request(tcUrl);
            NetStatusEvent warning = p.events.await(NSFX_PUBLISH_MOVEFAILED.code(), WAIT_S);
            p.feed(BEFORE_REQUEST, FRAMES);
            old.awaitMedia(2 * (FRAMES - BEFORE_REQUEST));

            assertEquals("warning", warning.level().wireName());
            assertTrue(warning.description().contains("publishing goes on over the old connection"),
                    warning.description());
            assertEquals(concat(List.of("data t0", "video t0 17 00", "audio t0 af 00"), frames(0, FRAMES)), old.media);
            assertEquals(codes(NETCONNECTION_CONNECT_RECONNECTREQUEST, NSFX_CONNECT_RECONNECTING,
                    NSFX_PUBLISH_MOVEFAILED), moveEvents(p.events));
            assertEquals(url, p.nc.uri(), "the old connection stays current");
            for (String s : p.events.texts()) {
                assertFalse(s.contains(KEY), "the key never appears in events: " + s);
            }
            return warning;
        }
    }

    @Test
    void aNewServerThatRefusesThePublishLeavesItOnTheOldOneWithAWarning() throws Exception {
        Ingest old = new Ingest(null);
        Ingest refusing = new Ingest("Already publishing");
        refusing.gate.complete(null);
        try (FakeRtmpServer second = new FakeRtmpServer(refusing); FakeRtmpServer first = new FakeRtmpServer(old)) {
            NetStatusEvent warning = publishThroughFailedMove(first.url("live"), old, second.url("app2?key=" + KEY));
            assertTrue(warning.description().contains("NetStream.Publish.BadName: Already publishing"),
                    warning.description());
            refusing.closed.get((long) WAIT_S, TimeUnit.SECONDS);
            assertEquals(List.of(), refusing.media);
            assertNoErrors(first, second);
        }
    }

    /** An address where nothing listens: {@code path} on a port just let go. */
    private static String nobodyListens(String path) throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "rtmp://127.0.0.1:" + s.getLocalPort() + "/" + path;
        }
    }

    @Test
    void aNewServerThatCannotBeReachedLeavesThePublishOnTheOldOneWithAWarning() throws Exception {
        Ingest old = new Ingest(null);
        try (FakeRtmpServer first = new FakeRtmpServer(old)) {
            String target = nobodyListens("app2");
            NetStatusEvent warning = publishThroughFailedMove(first.url("live"), old, target + "?key=" + KEY);
            assertTrue(warning.description().startsWith("Could not move publishing to " + target + "?key=***"),
                    warning.description());
            assertNoErrors(first);
        }
    }
}
