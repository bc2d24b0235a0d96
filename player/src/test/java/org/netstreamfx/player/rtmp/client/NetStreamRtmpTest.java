package org.netstreamfx.player.rtmp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netstreamfx.player.rtmp.client.FakeRtmpServer.info;
import static org.netstreamfx.player.rtmp.client.FakeRtmpServer.num;
import static org.netstreamfx.player.rtmp.client.FakeRtmpServer.object;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.amf.Amf0Writer;
import org.netstreamfx.player.amf.AmfValue.AmfNull;
import org.netstreamfx.player.amf.AmfValues;
import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.rtmp.message.ControlMessage;
import org.netstreamfx.player.rtmp.message.MessageType;
import org.netstreamfx.player.rtmp.message.RtmpMessage;
import org.netstreamfx.player.rtmp.message.UserControl;
import org.netstreamfx.player.sink.NullAudioSink;

/** NetStream play over RTMP against the fake server: the commands it sends and the server's status passed on whole. */
class NetStreamRtmpTest {

    /** What the server saw, in order: commands by name with their arguments, and SetBufferLength events. */
    private static List<String> seen(FakeRtmpServer.Peer p, CountDownLatch done, int commands) throws Exception {
        List<String> out = new ArrayList<>();
        int n = 0;
        while (n < commands) {
            RtmpMessage m = p.read();
            if (m.type() == MessageType.USER_CONTROL) {
                out.add(ControlMessage.parse(m).orElseThrow().toString());
            } else if (m.type() == MessageType.COMMAND_AMF0) {
                Command c = p.codec.decode(m);
                out.add(c.name() + "@" + m.messageStreamId() + " " + c.javaArgs());
                n++;
            }
        }
        done.countDown();
        return out;
    }

    @Test
    void playSendsCreateStreamAndPlayAndPassesTheServersStatusWhole() throws Exception {
        CompletableFuture<List<String>> before = new CompletableFuture<>();
        CompletableFuture<List<String>> after = new CompletableFuture<>();
        CountDownLatch closed = new CountDownLatch(1);
        try (FakeRtmpServer server = new FakeRtmpServer(p -> {
            p.connectOk();
            Command create = p.readCommand();
            assertEquals("createStream", create.name());
            p.result(create.transactionId(), num(1));
            List<String> got = new ArrayList<>();
            while (got.stream().noneMatch(s -> s.startsWith("play@"))) {
                got.addAll(seen(p, new CountDownLatch(1), 1));
            }
            before.complete(got);
            p.control(new UserControl.StreamBegin(1));
            p.onStatus(1, object("level", "status", "code", "NetStream.Play.Reset", "description", "Playing and "
                    + "resetting cam1.", "details", "cam1", "clientid", "x1"));
            p.onStatus(1, object("level", "status", "code", "NetStream.Play.Start", "description", "Started playing "
                    + "cam1.", "details", "cam1", "isFastPlay", false));
            p.onStatus(1, info("warning", "NetStream.Play.InsufficientBW", "Slow."));
            p.onStatus(1, info("status", "Custom.Server.Code", "Anything else."));
            after.complete(seen(p, closed, 6));
            p.awaitClose();
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
            ns.setBufferTime(2.5);
            ns.play("cam1?token=s3cret", -1, -1, true);
            assertEquals(List.of("SetBufferLength[streamId=1, bufferLengthMs=2500]",
                    "play@1 [cam1?token=s3cret, -1000.0]"), before.get(5, TimeUnit.SECONDS));

            NetStatusEvent reset = events.next(5);
            assertEquals("NetStream.Play.Reset", reset.code());
            assertEquals("x1", reset.info().get("clientid"));
            NetStatusEvent start = events.next(5);
            assertEquals("NetStream.Play.Start", start.code());
            assertEquals("Started playing cam1.", start.description());
            assertEquals("cam1", start.details());
            assertEquals(Map.of("level", "status", "code", "NetStream.Play.Start", "description",
                    "Started playing cam1.", "details", "cam1", "isFastPlay", false), start.info());
            NetStatusEvent slow = events.next(5);
            assertEquals("NetStream.Play.InsufficientBW", slow.code());
            assertEquals(org.netstreamfx.player.net.StatusLevel.WARNING, slow.level());
            assertEquals("Custom.Server.Code", events.next(5).code());

            ns.pause();
            ns.resume();
            ns.receiveAudio(false);
            ns.receiveVideo(false);
            ns.setBufferTime(0);
            ns.close();
            assertTrue(closed.await(5, TimeUnit.SECONDS));
            List<String> a = after.get(5, TimeUnit.SECONDS);
            assertEquals(List.of("pause@1 [true, 0.0]", "pause@1 [false, 0.0]",
                    "receiveAudio@1 [false]", "receiveVideo@1 [false]",
                    "SetBufferLength[streamId=1, bufferLengthMs=0]", "closeStream@1 []",
                    "deleteStream@0 [1.0]"), a);
            assertEquals(null, events.poll(300), "the engine adds no Play.Start, Pause.Notify or Unpause.Notify");
            nc.close();
            assertEquals(List.of(), server.errors());
        }
    }

    /** A connection to {@code app} on the fake server, once Connect.Success came. */
    private static NetConnection connectedTo(FakeRtmpServer server, String app) throws Exception {
        Events ncEvents = new Events();
        NetConnection nc = new NetConnection();
        nc.addNetStatusListener(ncEvents);
        nc.connect(server.url(app));
        ncEvents.await("NetConnection.Connect.Success", 5);
        return nc;
    }

    /** A silent stream on {@code nc} whose events go to {@code events}. */
    private static NetStream streamOn(NetConnection nc, Events events) {
        NetStream ns = new NetStream(nc);
        ns.setAudioSink(new NullAudioSink());
        ns.addNetStatusListener(events);
        return ns;
    }

    /** Audio a recorded stream sends past the player's read-ahead (3 s), so that its demux thread waits for the seek. */
    private static final long SENT_MS = 4_000;
    private static final long AAC_FRAME_MS = 23;

    private static RtmpMessage audio(long ts, byte[] body) {
        return RtmpMessage.of(4, MessageType.AUDIO, ts, 1, body);
    }

    /**
     * A seek over RTMP: the session's pipeline flushes its source, then the RTMP play control sends
     * the seek command, in milliseconds (7.2.2.7), and nothing else; the server's Seek.Notify is
     * passed on whole and the engine adds none of its own.
     */
    @Test
    void seekSendsTheSeekCommandInMillisecondsOnceThePipelineFlushed() throws Exception {
        CompletableFuture<List<String>> afterMedia = new CompletableFuture<>();
        CountDownLatch sought = new CountDownLatch(1);
        try (FakeRtmpServer server = new FakeRtmpServer(p -> {
            p.connectOk();
            Command create = p.readCommand();
            p.result(create.transactionId(), num(1));
            List<String> got = new ArrayList<>();
            while (got.stream().noneMatch(s -> s.startsWith("play@"))) {
                got.addAll(seen(p, new CountDownLatch(1), 1));
            }
            p.control(new UserControl.StreamBegin(1));
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("audiocodecid", 10.0);
            meta.put("duration", 12.5);
            p.send(RtmpMessage.of(4, MessageType.DATA_AMF0, 0, 1,
                    Amf0Writer.encode(AmfValues.of("onMetaData"), AmfValues.of(meta))));
            p.send(audio(0, new byte[] {(byte) 0xAF, 0, 0x12, 0x10}));
            for (long ts = 0; ts < SENT_MS; ts += AAC_FRAME_MS) {
                p.send(audio(ts, new byte[] {(byte) 0xAF, 1, 0x21, 0x10, 0x04}));
            }
            afterMedia.complete(seen(p, sought, 1));
            p.onStatus(1, object("level", "status", "code", "NetStream.Seek.Notify", "description", "Seeking 5000.",
                    "details", "clip", "clientid", "x1"));
            p.awaitClose();
        })) {
            NetConnection nc = connectedTo(server, "vod");
            Events events = new Events();
            NetStream ns = streamOn(nc, events);
            ns.play("clip", 0, -1, true);
            ns.seek(5.0);
            assertTrue(sought.await(10, TimeUnit.SECONDS), "the server saw no seek command");
            List<String> a = afterMedia.get(5, TimeUnit.SECONDS);
            assertEquals("seek@1 [5000.0]", a.get(a.size() - 1), "the seek command carries milliseconds: " + a);
            NetStatusEvent notify = events.await("NetStream.Seek.Notify", 5);
            assertEquals("x1", notify.info().get("clientid"), "the server's Seek.Notify, whole");
            ns.close();
            nc.close();
            assertEquals(List.of(), server.errors());
        }
    }

    @Test
    void streamNotFoundComesFromTheServer() throws Exception {
        try (FakeRtmpServer server = new FakeRtmpServer(p -> {
            p.connectOk();
            Command create = p.readCommand();
            p.result(create.transactionId(), num(7));
            Command play = p.readCommand();
            assertEquals(List.of("missing.flv", -2000.0, 5000.0, false), play.javaArgs());
            p.onStatus(7, object("level", "error", "code", "NetStream.Play.StreamNotFound",
                    "description", "No such stream.", "details", "missing.flv"));
            p.awaitClose();
        })) {
            NetConnection nc = connectedTo(server, "vod");
            Events events = new Events();
            NetStream ns = streamOn(nc, events);
            ns.play("missing.flv", -2, 5, false);
            NetStatusEvent e = events.next(5);
            assertEquals("NetStream.Play.StreamNotFound", e.code());
            assertEquals("No such stream.", e.description());
            ns.close();
            nc.close();
            assertEquals(List.of(), server.errors());
        }
    }

    @Test
    void malformedCreateStreamAnswerFailsThePlay() throws Exception {
        try (FakeRtmpServer server = new FakeRtmpServer(p -> {
            p.connectOk();
            Command create = p.readCommand();
            p.result(create.transactionId(), num(-3));
            p.awaitClose();
        })) {
            NetConnection nc = connectedTo(server, "vod");
            Events events = new Events();
            NetStream ns = streamOn(nc, events);
            ns.play("x");
            NetStatusEvent e = events.await("NetStream.Play.Failed", 5);
            assertTrue(e.description().contains("createStream result stream id is -3"), e.description());
            ns.close();
            nc.close();
        }
    }
}
