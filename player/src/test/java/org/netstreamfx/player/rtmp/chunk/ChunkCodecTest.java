package org.netstreamfx.player.rtmp.chunk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netstreamfx.player.rtmp.message.MessageType;
import org.netstreamfx.player.rtmp.message.RtmpMessage;
import org.netstreamfx.player.rtmp.message.SetChunkSize;

/** Byte-exact encoding and decode(encode(m)) == m round trips (RTMP 5.3). */
class ChunkCodecTest {

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    static byte[] filled(int n, int seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** Section 5.3.2.1 example 1: four audio messages, headers of type 0, 2, 3, 3. */
    @Test
    void specExampleSameSizeAudio() throws Exception {
        ChunkEncoder enc = new ChunkEncoder();
        List<RtmpMessage> msgs = new ArrayList<>();
        List<byte[]> wire = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            RtmpMessage m = RtmpMessage.of(3, MessageType.AUDIO, 1000 + 20 * i, 12345, filled(32, i));
            msgs.add(m);
            wire.add(enc.encode(m));
        }
        assertArrayEquals(hex("03 0003E8 000020 08 39300000"), java.util.Arrays.copyOf(wire.get(0), 12));
        assertArrayEquals(hex("83 000014"), java.util.Arrays.copyOf(wire.get(1), 4));
        assertArrayEquals(hex("C3"), java.util.Arrays.copyOf(wire.get(2), 1));
        assertArrayEquals(hex("C3"), java.util.Arrays.copyOf(wire.get(3), 1));
        assertEquals(12 + 32, wire.get(0).length);
        assertEquals(1 + 32, wire.get(3).length);
        byte[] all = concat(wire);
        assertEquals(msgs, new ChunkDecoder().feed(all, 0, all.length));
    }

    /**
     * Timestamps are 32-bit (5.3.1.3): a delta that carries past 0xFFFFFFFF wraps to a small
     * value, as after 49.7 days or from a publisher that starts near the end; the player's source
     * unwraps it (RtmpSourceTest).
     */
    @Test
    void aTimestampDeltaPastTheTopWrapsAround() throws Exception {
        byte[] wire = hex("04 FFFFFF 000004 08 01000000 FFFFFFF0 01020304"
                + " 84 000020 05060708");
        List<RtmpMessage> got = new ChunkDecoder().feed(wire, 0, wire.length);
        assertEquals(List.of(0xFFFF_FFF0L, 0x10L), got.stream().map(RtmpMessage::timestampMs).toList());
    }

    /** Section 5.3.2.2 example 2: a 307-byte video message in three chunks of 128 bytes. */
    @Test
    void specExampleMessageSplitIntoChunks() throws Exception {
        byte[] body = filled(307, 7);
        RtmpMessage m = RtmpMessage.of(4, MessageType.VIDEO, 1000, 12346, body);
        byte[] wire = new ChunkEncoder().encode(m);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(hex("04 0003E8 000133 09 3A300000"));
        expected.write(body, 0, 128);
        expected.write(0xC4);
        expected.write(body, 128, 128);
        expected.write(0xC4);
        expected.write(body, 256, 51);
        assertArrayEquals(expected.toByteArray(), wire);
        assertEquals(List.of(m), new ChunkDecoder().feed(wire, 0, wire.length));
    }

    @Test
    void headerTypesAndBasicHeaderForms() throws Exception {
        ChunkEncoder enc = new ChunkEncoder();
        assertEquals(0x06, enc.encode(RtmpMessage.of(6, MessageType.AUDIO, 0, 1, new byte[4]))[0]);
        assertEquals(0x46, enc.encode(RtmpMessage.of(6, MessageType.AUDIO, 10, 1, new byte[5]))[0] & 0xFF);
        assertEquals(0x86, enc.encode(RtmpMessage.of(6, MessageType.AUDIO, 25, 1, new byte[5]))[0] & 0xFF);
        assertEquals(0xC6, enc.encode(RtmpMessage.of(6, MessageType.AUDIO, 40, 1, new byte[5]))[0] & 0xFF);
        // timestamp going backwards and a new message stream id both force type 0
        assertEquals(0x06, enc.encode(RtmpMessage.of(6, MessageType.AUDIO, 5, 1, new byte[5]))[0]);
        assertEquals(0x06, enc.encode(RtmpMessage.of(6, MessageType.AUDIO, 6, 2, new byte[5]))[0]);

        byte[] two = enc.encode(RtmpMessage.of(64, MessageType.VIDEO, 0, 1, new byte[0]));
        assertArrayEquals(hex("00 00 000000 000000 09 01000000"), two);
        byte[] twoMax = enc.encode(RtmpMessage.of(319, MessageType.VIDEO, 0, 1, new byte[0]));
        assertArrayEquals(hex("00 FF"), java.util.Arrays.copyOf(twoMax, 2));
        byte[] three = enc.encode(RtmpMessage.of(65599, MessageType.VIDEO, 0, 1, new byte[0]));
        assertArrayEquals(hex("01 FF FF 000000 000000 09 01000000"), three);
        byte[] three320 = enc.encode(RtmpMessage.of(320, MessageType.VIDEO, 0, 1, new byte[0]));
        assertArrayEquals(hex("01 00 01"), java.util.Arrays.copyOf(three320, 3));
        assertEquals(65599, new ChunkDecoder().feed(three, 0, three.length).get(0).chunkStreamId());
    }

    @Test
    void extendedTimestampBytes() throws Exception {
        ChunkEncoder enc = new ChunkEncoder();
        enc.setChunkSize(2);
        RtmpMessage m = RtmpMessage.of(3, MessageType.DATA_AMF0, 0x01020304L, 1, hex("AABBCC"));
        // type 0 with 0xFFFFFF marker, extended timestamp, and again after the type 3 basic header
        assertArrayEquals(hex("03 FFFFFF 000003 12 01000000 01020304 AABB C3 01020304 CC"), enc.encode(m));
        // decoding the same bytes, fed one byte at a time, must wait for the cut extended timestamp
        byte[] wire = hex("03 FFFFFF 000003 12 01000000 01020304 AABB C3 01020304 CC");
        ChunkDecoder dec = new ChunkDecoder();
        dec.setChunkSize(2);
        List<RtmpMessage> got = new ArrayList<>();
        for (int i = 0; i < wire.length; i++) {
            got.addAll(dec.feed(wire, i, 1));
            assertEquals(i == wire.length - 1 ? 1 : 0, got.size(), "after byte " + i);
        }
        assertEquals(List.of(m), got);
    }

    /** Type 1 with an extended delta, then type 3 starting new messages that repeat it. */
    @Test
    void extendedDeltaRepeatedByTypeThree() throws Exception {
        byte[] wire = hex("03 000000 000001 08 01000000 11"
                + "43 FFFFFF 000001 08 01000000 22"
                + "C3 01000000 33"
                + "C3 01000000 44");
        List<RtmpMessage> msgs = new ChunkDecoder().feed(wire, 0, wire.length);
        assertEquals(4, msgs.size());
        assertEquals(0, msgs.get(0).timestampMs());
        assertEquals(0x01000000L, msgs.get(1).timestampMs());
        assertEquals(0x02000000L, msgs.get(2).timestampMs());
        assertEquals(0x03000000L, msgs.get(3).timestampMs());
        assertArrayEquals(hex("44"), msgs.get(3).payload());

        // the encoder picks type 2 for the second message (same length and type id)
        ChunkEncoder enc = new ChunkEncoder();
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        for (RtmpMessage m : msgs) {
            enc.encode(m, again);
        }
        byte[] expected = hex("03 000000 000001 08 01000000 11"
                + "83 FFFFFF 01000000 22"
                + "C3 01000000 33"
                + "C3 01000000 44");
        assertArrayEquals(expected, again.toByteArray());
        assertEquals(msgs, new ChunkDecoder().feed(expected, 0, expected.length));
    }

    /** A type 3 header starting a new message right after a type 0 repeats its timestamp. */
    @Test
    void typeThreeNewMessageAfterTypeZeroWithExtendedTimestamp() throws Exception {
        byte[] wire = hex("03 FFFFFF 000001 08 01000000 01020304 11" + "C3 01020304 22");
        List<RtmpMessage> msgs = new ChunkDecoder().feed(wire, 0, wire.length);
        assertEquals(List.of(RtmpMessage.of(3, MessageType.AUDIO, 0x01020304L, 1, hex("11")),
                RtmpMessage.of(3, MessageType.AUDIO, 0x01020304L, 1, hex("22"))), msgs);
    }

    @Test
    void timestampsWrapAt32Bits() throws Exception {
        byte[] wire = hex("03 FFFFFF 000000 08 01000000 FFFFFFF0" + "83 000020");
        List<RtmpMessage> msgs = new ChunkDecoder().feed(wire, 0, wire.length);
        assertEquals(0xFFFFFFF0L, msgs.get(0).timestampMs());
        assertEquals(0x10L, msgs.get(1).timestampMs());
    }

    static List<RtmpMessage> mixedMessages(int seed) {
        Random r = new Random(seed);
        int[] csids = {2, 3, 4, 63, 64, 319, 320, 65599};
        long[] clocks = new long[csids.length];
        clocks[2] = 0xFFFFF0L;
        clocks[3] = 0xFFFFFFF0L - 40_000;
        List<RtmpMessage> out = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int k = r.nextInt(csids.length);
            int csid = csids[k];
            int choice = r.nextInt(10);
            long step = choice < 5 ? 33 : choice < 7 ? r.nextInt(100) : choice < 8 ? 0x1000000L + r.nextInt(5) : 0;
            clocks[k] = (clocks[k] + step) & 0xFFFFFFFFL;
            int length = choice == 9 ? 0 : r.nextInt(3) == 0 ? 40 : r.nextInt(700);
            MessageType type = r.nextBoolean() ? MessageType.VIDEO : MessageType.AUDIO;
            int msid = r.nextInt(8) == 0 ? 2 : 1;
            out.add(RtmpMessage.of(csid, type, clocks[k], msid, filled(length, i)));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 128, 4096, 65536, 0x7FFFFFFF})
    void roundTripsAtChunkSize(int chunkSize) throws Exception {
        List<RtmpMessage> msgs = mixedMessages(chunkSize);
        ChunkEncoder enc = new ChunkEncoder();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        List<RtmpMessage> sent = new ArrayList<>();
        // announce the chunk size in band, exactly as a connection does after the handshake
        RtmpMessage announce = RtmpMessage.control(new SetChunkSize(chunkSize), 0);
        enc.encode(announce, wire);
        sent.add(announce);
        for (RtmpMessage m : msgs) {
            enc.encode(m, wire);
            sent.add(m);
        }
        assertEquals(new SetChunkSize(chunkSize).effectiveSize(), enc.chunkSize());
        ChunkDecoder dec = new ChunkDecoder(new ChunkLimits(64, 0xFFFFFF, 32L << 20, Integer.MAX_VALUE));
        byte[] bytes = wire.toByteArray();
        assertEquals(sent, dec.feed(bytes, 0, bytes.length));
        assertEquals(enc.chunkSize(), dec.chunkSize());
        assertEquals(0, dec.bufferedBytes());
    }

    @Test
    void splitAtEveryOffsetGivesSameMessages() throws Exception {
        ChunkEncoder enc = new ChunkEncoder();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        List<RtmpMessage> sent = new ArrayList<>();
        List<RtmpMessage> all = new ArrayList<>();
        all.add(RtmpMessage.of(3, MessageType.COMMAND_AMF0, 0, 0, filled(300, 1)));
        all.add(RtmpMessage.control(new SetChunkSize(50), 0));
        all.add(RtmpMessage.of(6, MessageType.VIDEO, 0x1000000L, 1, filled(120, 2)));
        all.add(RtmpMessage.of(6, MessageType.VIDEO, 0x1000021L, 1, filled(120, 3)));
        all.add(RtmpMessage.of(6, MessageType.VIDEO, 0x1000042L, 1, filled(120, 4)));
        all.add(RtmpMessage.of(4, MessageType.AUDIO, 0xFFFFFFFFL, 1, new byte[0]));
        all.add(RtmpMessage.of(400, MessageType.AUDIO, 7, 1, filled(77, 5)));
        all.add(RtmpMessage.of(6, MessageType.VIDEO, 0x1000063L, 1, filled(99, 6)));
        for (RtmpMessage m : all) {
            enc.encode(m, wire);
            sent.add(m);
        }
        byte[] bytes = wire.toByteArray();
        for (int cut = 0; cut <= bytes.length; cut++) {
            ChunkDecoder dec = new ChunkDecoder();
            List<RtmpMessage> got = new ArrayList<>(dec.feed(bytes, 0, cut));
            got.addAll(dec.feed(bytes, cut, bytes.length - cut));
            assertEquals(sent, got, "split at " + cut);
        }
        ChunkDecoder single = new ChunkDecoder();
        List<RtmpMessage> got = new ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            single.feed(java.nio.ByteBuffer.wrap(bytes, i, 1), got::add);
        }
        assertEquals(sent, got);
        assertTrue(bytes.length > 900);
    }
}
