package org.netstreamfx.player.rtmp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netstreamfx.player.rtmp.client.FakeRtmpServer.info;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.amf.Amf0Writer;
import org.netstreamfx.player.amf.AmfBombs;
import org.netstreamfx.player.amf.AmfValue.AmfNumber;
import org.netstreamfx.player.amf.AmfValue.AmfString;
import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.StatusLevel;
import org.netstreamfx.player.rtmp.message.Abort;
import org.netstreamfx.player.rtmp.message.MessageType;
import org.netstreamfx.player.rtmp.message.RtmpMessage;
import org.netstreamfx.player.rtmp.message.SetChunkSize;

/**
 * Every connection-level malformed input of issue 3, sent by the fake server: each ends in
 * NetConnection.Connect.Failed whose description names the field, the limit and the value, within
 * a bounded time, with no exception escaping any thread (and no OOM, hang or StackOverflowError).
 * Cases the client must survive (huge chunk size, Abort, extended timestamps on type 3 chunks,
 * zero-length media, many 16 MiB declarations) end in Connect.Success instead.
 */
class MalformedServerInputTest {
    private final List<Throwable> uncaught = Collections.synchronizedList(new ArrayList<>());
    private Thread.UncaughtExceptionHandler previous;

    @BeforeEach
    void watchThreads() {
        previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
    }

    @AfterEach
    void noExceptionEscaped() throws InterruptedException {
        long end = System.nanoTime() + 2_000_000_000L;
        while (readerThreadsAlive() && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        Thread.setDefaultUncaughtExceptionHandler(previous);
        assertEquals(List.of(), uncaught);
        assertTrue(!readerThreadsAlive(), "a reader thread outlived its connection");
    }

    private static boolean readerThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().startsWith("nsfx-rtmp-read-"));
    }

    // Wire helpers.

    /** A type 0 chunk on {@code csid} (2..63) declaring {@code length}, followed by {@code body} as is. */
    static byte[] type0(int csid, long timestamp, int length, int typeId, int msid, byte[] body) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(csid);
        u24(b, Math.min(timestamp, 0xFFFFFF));
        u24(b, length);
        b.write(typeId);
        b.write(msid);
        b.write(msid >>> 8);
        b.write(msid >>> 16);
        b.write(msid >>> 24);
        if (timestamp >= 0xFFFFFF) {
            u32(b, timestamp);
        }
        b.writeBytes(body);
        return b.toByteArray();
    }

    static void u24(ByteArrayOutputStream b, long v) {
        b.write((int) (v >>> 16));
        b.write((int) (v >>> 8));
        b.write((int) v);
    }

    static void u32(ByteArrayOutputStream b, long v) {
        b.write((int) (v >>> 24));
        u24(b, v);
    }

    static byte[] u32(long v) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        u32(b, v);
        return b.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    static byte[] hex(String s) {
        return java.util.HexFormat.of().parseHex(s.replace(" ", ""));
    }

    /** An AMF0 "_result", 1 followed by {@code rest}: a connect answer whose value is malformed. */
    static byte[] resultWith(byte[] rest) {
        return concat(Amf0Writer.encode(new AmfString("_result"), new AmfNumber(1)), rest);
    }

    // Runners.

    /** The server answers connect's handshake and command, then writes {@code script}'s bytes. */
    private static NetStatusEvent firstEvent(FakeRtmpServer.Script afterConnect, RtmpOptions options)
            throws Exception {
        try (FakeRtmpServer server = new FakeRtmpServer(p -> {
            p.acceptConnect();
            afterConnect.run(p);
            p.awaitClose();
        })) {
            Events events = new Events();
            NetConnection nc = new NetConnection();
            nc.addNetStatusListener(events);
            nc.setRtmpOptions(options);
            long t0 = System.nanoTime();
            nc.connect(server.url("app"));
            NetStatusEvent e = events.next(10);
            assertTrue(System.nanoTime() - t0 < 8_000_000_000L, "took too long");
            nc.close();
            return e;
        }
    }

    /** A NetConnection whose events go to {@code events}, connecting to {@code server}'s "app". */
    private static NetConnection connect(FakeRtmpServer server, Events events) {
        NetConnection nc = new NetConnection();
        nc.addNetStatusListener(events);
        nc.connect(server.url("app"));
        return nc;
    }

    private static void assertFailed(FakeRtmpServer.Script afterConnect, String... fragments) throws Exception {
        assertFailed(afterConnect, RtmpOptions.DEFAULTS, fragments);
    }

    private static void assertFailed(FakeRtmpServer.Script afterConnect, RtmpOptions options, String... fragments)
            throws Exception {
        NetStatusEvent e = firstEvent(afterConnect, options);
        assertEquals("NetConnection.Connect.Failed", e.code(), e.toString());
        for (String f : fragments) {
            assertTrue(e.description().contains(f), "\"" + e.description() + "\" lacks \"" + f + "\"");
        }
    }

    private static void assertRaw(byte[] raw, String... fragments) throws Exception {
        assertFailed(p -> p.raw(raw), fragments);
    }

    private static void assertSurvives(FakeRtmpServer.Script afterConnect) throws Exception {
        NetStatusEvent e = firstEvent(p -> {
            afterConnect.run(p);
            p.result(1, info("status", "NetConnection.Connect.Success", "ok"));
        }, RtmpOptions.DEFAULTS);
        assertEquals("NetConnection.Connect.Success", e.code(), e.toString());
    }

    // Chunk stream and control messages.

    @Test
    void setChunkSizeZero() throws Exception {
        assertRaw(type0(2, 0, 4, 1, 0, u32(0)), "Set Chunk Size is 0, must be at least 1");
    }

    @Test
    void setChunkSizeWithTheFirstBitSet() throws Exception {
        assertRaw(type0(2, 0, 4, 1, 0, u32(0x80000000L)),
                "Set Chunk Size is 2147483648, its first bit must be zero (at most 2147483647");
    }

    @Test
    void hugeChunkSizeIsAcceptedAndCapped() throws Exception {
        assertSurvives(p -> {
            p.control(new SetChunkSize(Integer.MAX_VALUE));
            p.send(RtmpMessage.of(4, MessageType.AUDIO, 0, 1, new byte[300_000]));
        });
    }

    @Test
    void controlMessageShorterThanItsBody() throws Exception {
        assertRaw(type0(2, 0, 2, 5, 0, new byte[2]), "Window Acknowledgement Size body needs 4 bytes but only 2 remain");
    }

    @Test
    void messageLengthChangingMidMessage() throws Exception {
        assertRaw(concat(type0(3, 0, 200, 20, 0, new byte[128]), hex("43 000000 000010 14")),
                "RTMP chunk header type on chunk stream 3 is 1", "72 bytes of a 200-byte message still to come");
    }

    @Test
    void typeZeroHeaderInTheMiddleOfAMessage() throws Exception {
        assertRaw(concat(type0(3, 0, 200, 20, 0, new byte[128]), type0(3, 0, 10, 20, 0, new byte[0])),
                "RTMP chunk header type on chunk stream 3 is 0", "only type 3 may continue a message");
    }

    @Test
    void typeOneChunkWithNoPriorHeader() throws Exception {
        assertRaw(hex("45 000000 000004 08"), "RTMP chunk header type on chunk stream 5 is 1",
                "needs an earlier type 0 header");
    }

    @Test
    void typeTwoChunkWithNoPriorHeader() throws Exception {
        assertRaw(hex("86 000000"), "RTMP chunk header type on chunk stream 6 is 2");
    }

    @Test
    void typeThreeChunkWithNoPriorHeader() throws Exception {
        assertRaw(hex("C7 00"), "RTMP chunk header type on chunk stream 7 is 3");
    }

    @Test
    void thousandsOfChunkStreamIds() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int csid = 320; csid < 3320; csid++) {
            int v = csid - 64;
            b.writeBytes(new byte[] {1, (byte) v, (byte) (v >>> 8), 0, 0, 0, 0, 0, 0, 8, 1, 0, 0, 0});
        }
        assertRaw(b.toByteArray(), "RTMP chunk stream count is 65, over the limit of 64");
    }

    @Test
    void sixteenMibDeclaredOnManyChunkStreamsAllocatesOnlyWhatArrives() throws Exception {
        assertSurvives(p -> {
            for (int csid = 4; csid < 60; csid++) {
                p.raw(type0(csid, 0, 0xFFFFFF, 9, 1, new byte[128]));
            }
        });
    }

    @Test
    void bodiesPastThePerConnectionCap() throws Exception {
        assertFailed(p -> {
            p.control(new SetChunkSize(1 << 16));
            byte[] chunk = new byte[1 << 16];
            try {
                for (int csid = 4; csid < 60; csid++) {
                    p.raw(type0(csid, 0, 0xFFFFFF, 9, 1, chunk));
                }
                for (int round = 0; round < 300; round++) {
                    for (int csid = 4; csid < 60; csid++) {
                        p.raw(concat(new byte[] {(byte) (0xC0 | csid)}, chunk));
                    }
                }
            } catch (IOException closedByClient) {
                // The client closed the connection at its cap, as it should.
            }
        }, "RTMP buffered message bytes is", "over the limit of 33554432");
    }

    @Test
    void zeroLengthMessages() throws Exception {
        assertRaw(concat(type0(4, 0, 0, 8, 1, new byte[0]), type0(5, 0, 0, 18, 1, new byte[0]),
                type0(3, 0, 0, 20, 0, new byte[0])), "RTMP command name needs 1 bytes but only 0 remain");
        assertRaw(type0(2, 0, 0, 1, 0, new byte[0]), "Set Chunk Size body needs 4 bytes but only 0 remain");
    }

    @Test
    void extendedTimestampsOnTypeThreeChunks() throws Exception {
        assertSurvives(p -> {
            byte[] body = resultWith(Amf0Writer.encode(org.netstreamfx.player.amf.AmfValue.AmfNull.INSTANCE,
                    info("status", "NetConnection.Connect.Success", "x".repeat(150))));
            // Our own encoder writes the extended timestamp on the type 3 continuation chunks too.
            p.send(RtmpMessage.of(3, MessageType.COMMAND_AMF0, 0x01000000L, 0, body));
        });
    }

    @Test
    void extendedTimestampCutShortThenSilence() throws Exception {
        assertFailed(p -> p.raw(concat(hex("03 FFFFFF 000010 14 00000000"), hex("0100"))),
                RtmpOptions.DEFAULTS.withConnectTimeoutMs(600), "Timed out after 600 ms waiting for the answer");
    }

    @Test
    void extendedTimestampCutShortThenClose() throws Exception {
        assertFailed(p -> {
            p.raw(concat(hex("03 FFFFFF 000010 14 00000000"), hex("0100")));
            p.close();
        }, "closed the connection before answering connect");
    }

    @Test
    void abortMidMessageDropsIt() throws Exception {
        assertSurvives(p -> {
            p.raw(type0(5, 0, 300, 20, 0, new byte[128]));
            p.control(new Abort(5));
        });
    }

    @Test
    void abortNamingAnImpossibleChunkStream() throws Exception {
        assertRaw(type0(2, 0, 4, 2, 0, u32(1)), "Abort Message chunk stream id is 1, must be 2..65599");
    }

    @Test
    void badHandshakeVersion() throws Exception {
        try (FakeRtmpServer server = new FakeRtmpServer(p -> {
            p.in.readNBytes(1537);
            p.raw(concat(new byte[] {4}, new byte[3072]));
            p.awaitClose();
        })) {
            Events events = new Events();
            NetConnection nc = connect(server, events);
            NetStatusEvent e = events.next(5);
            assertEquals("NetConnection.Connect.Failed", e.code());
            assertTrue(e.description().contains("RTMP handshake with") && e.description().contains(
                    "RTMP handshake version is 4, must be 3"), e.description());
            nc.close();
        }
    }

    // AMF in the answer to connect.

    private static void assertAmf(byte[] malformed, String... fragments) throws Exception {
        assertFailed(p -> p.send(RtmpMessage.of(3, MessageType.COMMAND_AMF0, 0, 0, resultWith(malformed))), fragments);
    }

    @Test
    void amfStringLengthPastTheBuffer() throws Exception {
        assertAmf(hex("05 02 FFFF 41"), "AMF0 string length needs 65535 bytes but only 1 remain");
    }

    @Test
    void amfNesting100000Deep() throws Exception {
        byte[] deep = new byte[100_000 * 5];
        for (int i = 0; i < 100_000; i++) {
            deep[i * 5] = 0x0A;
            deep[i * 5 + 4] = 1;
        }
        assertAmf(concat(hex("05"), deep), "AMF nesting depth is 65, over the limit of 64");
    }

    @Test
    void amfArrayCountOf2Pow32Minus1() throws Exception {
        assertAmf(hex("05 0A FFFFFFFF 05"), "AMF0 strict array count is 4294967295, over the limit of 1048576");
    }

    @Test
    void amfObjectWithoutItsEndMarker() throws Exception {
        assertAmf(hex("05 03 0001 61 05"), "AMF0 property name length needs 2 bytes but only 0 remain");
    }

    @Test
    void amfUnknownTypeMarker() throws Exception {
        assertAmf(hex("05 12"), "AMF0 type marker is 18, not a type marker of the AMF0 spec");
    }

    @Test
    void amf3StringReferenceOutOfRange() throws Exception {
        assertAmf(hex("05 11 06 0A"), "AMF3 string reference index is 5, but the string table has 0 entries");
    }

    @Test
    void amf3ObjectReferenceOutOfRange() throws Exception {
        assertAmf(hex("05 11 0A 04"), "AMF3 object reference index is 2, but the object table has 0 entries");
    }

    @Test
    void amf3TraitCountLargerThanTheData() throws Exception {
        assertAmf(hex("05 11 0A FD 03 01"), "AMF3 traits sealed member count is 1000, which needs at least 2000 bytes");
    }

    // Issue 11: AMF references that expand to 2^61 values, in the answer to connect.

    /**
     * The server answers connect with a _result whose information object is the bomb: the client
     * decodes it (under 1 KB, the references shared), refuses to expand it, and reports
     * NetConnection.Connect.Failed naming the limit within a second of the answer arriving, with
     * the connection closed and no OutOfMemoryError anywhere.
     */
    private static void assertBombFailsConnect(byte[] bombArgument) throws Exception {
        CompletableFuture<Long> answered = new CompletableFuture<>();
        try (FakeRtmpServer server = new FakeRtmpServer(p -> {
            p.acceptConnect();
            p.send(RtmpMessage.of(3, MessageType.COMMAND_AMF0, 0, 0, resultWith(concat(hex("05"), bombArgument))));
            answered.complete(System.nanoTime());
            p.awaitClose();
        })) {
            Events events = new Events();
            NetConnection nc = connect(server, events);
            NetStatusEvent e = events.next(10);
            long afterAnswerNs = System.nanoTime() - answered.get(1, TimeUnit.SECONDS);

            assertEquals("NetConnection.Connect.Failed", e.code(), e.toString());
            assertEquals(StatusLevel.ERROR, e.level());
            // The command's values count together: its null command object, then the bomb.
            assertEquals("Malformed data from 127.0.0.1:" + server.port() + ": "
                    + AmfBombs.overLimit(1 + AmfBombs.TREE_SIZE), e.description());
            assertTrue(afterAnswerNs < 1_000_000_000L, "Connect.Failed came " + afterAnswerNs / 1_000_000
                    + " ms after the answer");
            assertTrue(!nc.connected());
            nc.close();
            assertEquals(List.of("NetConnection.Connect.Failed"), events.codes());
        }
    }

    @Test
    void amf0ReferenceBombInTheAnswerToConnect() throws Exception {
        assertBombFailsConnect(AmfBombs.amf0(0));
    }

    @Test
    void amf3ReferenceBombInTheAnswerToConnect() throws Exception {
        assertBombFailsConnect(concat(hex("11"), AmfBombs.amf3()));
    }

    /**
     * The bomb as the answer to a call, once connected: that call fails as a malformed answer
     * (Call.BadVersion, as for any undecodable answer) naming the limit, its responder's result is
     * never called, and the connection carries on.
     */
    @Test
    void amf0ReferenceBombAnsweringACallFailsThatCallOnly() throws Exception {
        try (FakeRtmpServer server = new FakeRtmpServer(p -> {
            p.connectOk();
            Command bombed = p.readCommand();
            p.send(RtmpMessage.of(3, MessageType.COMMAND_AMF0, 0, 0, concat(Amf0Writer.encode(
                    new AmfString("_result"), new AmfNumber(bombed.transactionId())), hex("05"), AmfBombs.amf0(0))));
            Command next = p.readCommand();
            p.result(next.transactionId(), new AmfString("still here"));
            p.awaitClose();
        })) {
            Events events = new Events();
            NetConnection nc = connect(server, events);
            events.await("NetConnection.Connect.Success", 5);
            CompletableFuture<Object> bombedResult = new CompletableFuture<>();
            nc.call("getBomb", new org.netstreamfx.player.net.Responder(bombedResult::complete, null));

            NetStatusEvent bad = events.next(5);
            assertEquals("NetConnection.Call.BadVersion", bad.code());
            assertEquals(StatusLevel.ERROR, bad.level());
            assertTrue(bad.description().contains("Call to \"getBomb\" failed: Undecodable \"_result\" command on "
                    + "message stream 0: " + AmfBombs.overLimit(1 + AmfBombs.TREE_SIZE)), bad.description());
            CompletableFuture<Object> result = new CompletableFuture<>();
            nc.call("ping", new org.netstreamfx.player.net.Responder(result::complete, null));
            assertEquals("still here", result.get(5, TimeUnit.SECONDS));
            assertTrue(!bombedResult.isDone(), "the bombed call's result was never called");
            assertTrue(nc.connected());
            nc.close();
            assertEquals(List.of(), server.errors());
        }
    }

    @Test
    void unknownTypeMarkerAfterConnectFailsThatMessageOnly() throws Exception {
        CompletableFuture<Command> next = new CompletableFuture<>();
        try (FakeRtmpServer server = new FakeRtmpServer(p -> {
            p.connectOk();
            p.send(RtmpMessage.of(3, MessageType.COMMAND_AMF0, 0, 0, concat(Amf0Writer.encode(
                    new AmfString("onStatus"), new AmfNumber(0)), hex("05 12 00"))));
            Command call = p.readCommand();
            p.result(call.transactionId(), new AmfString("still here"));
            next.complete(call);
            p.awaitClose();
        })) {
            Events events = new Events();
            NetConnection nc = connect(server, events);
            events.await("NetConnection.Connect.Success", 5);
            NetStatusEvent bad = events.next(5);
            assertEquals("NetConnection.Call.BadVersion", bad.code());
            assertTrue(bad.description().contains("\"onStatus\" command")
                    && bad.description().contains("AMF0 type marker is 18"), bad.description());
            CompletableFuture<Object> result = new CompletableFuture<>();
            nc.call("ping", new org.netstreamfx.player.net.Responder(result::complete, null));
            assertEquals("still here", result.get(5, TimeUnit.SECONDS));
            assertTrue(nc.connected());
            nc.close();
            assertEquals(List.of(), server.errors());
        }
    }
}
