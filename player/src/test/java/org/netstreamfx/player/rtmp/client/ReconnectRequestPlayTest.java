package org.netstreamfx.player.rtmp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netstreamfx.player.rtmp.client.FakeRtmpServer.info;
import static org.netstreamfx.player.rtmp.client.FakeRtmpServer.num;
import static org.netstreamfx.player.rtmp.client.FakeRtmpServer.object;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.amf.AmfValue;
import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetStatusCode;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.rtmp.message.MessageType;
import org.netstreamfx.player.rtmp.message.RtmpMessage;
import org.netstreamfx.player.rtmp.message.UserControl;
import org.netstreamfx.player.sink.NullAudioSink;

/**
 * Enhanced RTMP v2's NetConnection.Connect.ReconnectRequest while playing: the player follows it to
 * the given tcUrl (or the same server) and replays its play there, so media keeps arriving; the
 * events come in order and a move to another server is named, masked, before it is followed.
 */
class ReconnectRequestPlayTest {
    private static final String STREAM = "cam1";
    private static final String REQUEST = NetStatusCode.NETCONNECTION_CONNECT_RECONNECTREQUEST.code();
    private static final String RECONNECTING = NetStatusCode.NSFX_CONNECT_RECONNECTING.code();
    private static final String RECONNECTED = NetStatusCode.NSFX_CONNECT_RECONNECTED.code();
    private static final String PLAY_START = NetStatusCode.NETSTREAM_PLAY_START.code();
    /** A custom status the scripts send after their media: the media reached the stream before it. */
    private static final String MEDIA_SENT = "Test.Media.Sent";
    /**
     * Frames the first and the second connection send: the second sends more, because a replayed
     * play is a new session whose bytesLoaded counts from 0, so it grows past the first's only if
     * the second connection's media arrived.
     */
    private static final int FIRST_FRAMES = 20;
    private static final int SECOND_FRAMES = 2 * FIRST_FRAMES;
    private static final long AAC_FRAME_MS = 23;
    /** The second connection's media goes on from where the first's ended. */
    private static final long SECOND_FROM_MS = FIRST_FRAMES * AAC_FRAME_MS;
    private static final byte[] AAC_CONFIG = {(byte) 0xAF, 0, 0x12, 0x10};
    private static final byte[] AAC_FRAME = {(byte) 0xAF, 1, 0x21, 0x10, 0x04};
    private static final double WAIT_S = 5;

    /** The stream names the first and the second connection's play asked for. */
    private final CompletableFuture<String> firstPlay = new CompletableFuture<>();
    private final CompletableFuture<String> secondPlay = new CompletableFuture<>();

    /**
     * A connection's script: connect, answer createStream, wait for play (its name completes
     * {@code played}), start it, send {@code frames} from {@code fromMs}, then the {@code request}
     * (none if it gives null) on stream 0, and wait for the client to close.
     */
    private static FakeRtmpServer.Script plays(CompletableFuture<String> played, long fromMs, int frames,
            Supplier<AmfValue> request) {
        return p -> {
            p.connectOk();
            Command create = p.readCommand();
            assertEquals("createStream", create.name());
            p.result(create.transactionId(), num(1));
            Command play = p.readCommand();
            while (!play.name().equals("play")) {
                play = p.readCommand();
            }
            played.complete(String.valueOf(play.javaArgs().get(0)));
            p.control(new UserControl.StreamBegin(1));
            p.onStatus(1, object("level", "status", "code", PLAY_START, "description", "Started playing " + STREAM
                    + ".", "details", STREAM));
            p.send(RtmpMessage.of(4, MessageType.AUDIO, fromMs, 1, AAC_CONFIG));
            for (int i = 0; i < frames; i++) {
                p.send(RtmpMessage.of(4, MessageType.AUDIO, fromMs + i * AAC_FRAME_MS, 1, AAC_FRAME));
            }
            p.onStatus(1, info("status", MEDIA_SENT, "Media sent."));
            AmfValue r = request.get();
            if (r != null) {
                p.onStatus(0, r);
            }
            p.awaitClose();
        };
    }

    private static AmfValue request(String tcUrl) {
        return tcUrl == null ? info("status", REQUEST, "Reconnect, please.")
                : object("level", "status", "code", REQUEST, "description", "Moving you.", "tcUrl", tcUrl);
    }

    /** The codes of interest, in the order they came, from the request on. */
    private static List<String> afterRequest(Events events) {
        List<String> codes = events.codes().stream().filter(c -> c.equals(REQUEST) || c.equals(RECONNECTING)
                || c.equals(RECONNECTED) || c.equals(PLAY_START) || c.endsWith(".Failed") || c.endsWith(".Closed"))
                .toList();
        return codes.subList(codes.indexOf(REQUEST), codes.size());
    }

    /** Plays on {@code first}, which asks to reconnect to {@code tcUrl}; returns the Reconnecting event. */
    private static NetStatusEvent playThroughRequest(FakeRtmpServer first, Events events, NetConnection nc,
            CompletableFuture<String> replayed) throws Exception {
        nc.addNetStatusListener(events);
        nc.connect(first.url("live"));
        events.await("NetConnection.Connect.Success", WAIT_S);
        NetStream ns = new NetStream(nc);
        ns.setAudioSink(new NullAudioSink());
        ns.addNetStatusListener(events);
        ns.play(STREAM);
        events.await(MEDIA_SENT, WAIT_S);
        long before = ns.bytesLoaded();
        assertTrue(before > 0, "media from the first server arrived");
        NetStatusEvent reconnecting = events.await(RECONNECTING, WAIT_S);
        assertEquals(STREAM, replayed.get((long) WAIT_S, TimeUnit.SECONDS), "the play is replayed, same name");
        events.await(MEDIA_SENT, WAIT_S);
        assertTrue(ns.bytesLoaded() > before, "media from the new connection arrived: " + ns.bytesLoaded()
                + " bytes after " + before);
        assertEquals(List.of(REQUEST, RECONNECTING, RECONNECTED, PLAY_START), afterRequest(events));
        assertFalse(events.codes().contains(NetStatusCode.NETSTREAM_PLAY_FAILED.code()), events.codes().toString());
        ns.close();
        nc.close();
        return reconnecting;
    }

    @Test
    void aRequestWithTcUrlMovesThePlayToTheOtherServerAndNamesItMasked() throws Exception {
        try (FakeRtmpServer second = new FakeRtmpServer(plays(secondPlay, SECOND_FROM_MS, SECOND_FRAMES, () -> null));
                FakeRtmpServer first = new FakeRtmpServer(plays(firstPlay, 0, FIRST_FRAMES,
                        () -> request(second.url("app2?key=s3cret"))))) {
            Events events = new Events();
            NetStatusEvent reconnecting = playThroughRequest(first, events, new NetConnection(), secondPlay);
            assertEquals(STREAM, firstPlay.get(1, TimeUnit.SECONDS));
            String masked = RtmpUrl.parse(second.url("app2?key=s3cret")).masked();
            assertEquals("The server asked to move to " + masked + "; reconnecting in 0 ms (try 1 of 1).",
                    reconnecting.description());
            for (String s : events.texts()) {
                assertFalse(s.contains("s3cret"), "the key never appears in events: " + s);
            }
            assertEquals(List.of(), first.errors());
            assertEquals(List.of(), second.errors());
        }
    }

    @Test
    void aRequestWithoutTcUrlResumesThePlayOnTheSameServer() throws Exception {
        try (FakeRtmpServer server = new FakeRtmpServer(plays(firstPlay, 0, FIRST_FRAMES, () -> request(null)),
                plays(secondPlay, SECOND_FROM_MS, SECOND_FRAMES, () -> null))) {
            Events events = new Events();
            NetStatusEvent reconnecting = playThroughRequest(server, events, new NetConnection(), secondPlay);
            assertEquals(STREAM, firstPlay.get(1, TimeUnit.SECONDS));
            assertTrue(reconnecting.description().startsWith("Reconnecting to " + server.url("live") + " in 0 ms"),
                    reconnecting.description());
            assertEquals(2, server.accepted());
            assertEquals(List.of(), server.errors());
        }
    }
}
