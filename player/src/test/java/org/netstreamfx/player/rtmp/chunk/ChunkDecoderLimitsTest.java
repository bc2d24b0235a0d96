package org.netstreamfx.player.rtmp.chunk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netstreamfx.player.rtmp.chunk.ChunkCodecTest.hex;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.rtmp.message.Abort;
import org.netstreamfx.player.rtmp.message.MessageType;
import org.netstreamfx.player.rtmp.message.RtmpMessage;
import org.netstreamfx.player.wire.WireFormatException;

/** One test per limit and malformed case of the chunk decoder. */
class ChunkDecoderLimitsTest {

    private static List<RtmpMessage> decode(ChunkDecoder dec, byte[] wire) throws WireFormatException {
        return dec.feed(wire, 0, wire.length);
    }

    /** A type 0 header on {@code csid} (2..63) declaring {@code length} bytes of video. */
    private static byte[] type0(int csid, int length) {
        return new byte[] {(byte) csid, 0, 0, 0, (byte) (length >>> 16), (byte) (length >>> 8), (byte) length,
            9, 1, 0, 0, 0};
    }

    /** A type 0 header on chunk stream {@code csid} in the 3-byte basic header form. */
    private static byte[] type0Wide(int csid, int length) {
        int v = csid - 64;
        return new byte[] {1, (byte) v, (byte) (v >>> 8), 0, 0, 0,
            (byte) (length >>> 16), (byte) (length >>> 8), (byte) length, 9, 1, 0, 0, 0};
    }

    @Test
    void typeOneChunkWithoutPriorHeader() {
        WireFormatException e = assertThrows(WireFormatException.class,
                () -> decode(new ChunkDecoder(), hex("43 000000 000001 08")));
        assertEquals("RTMP chunk header type on chunk stream 3 is 1, needs an earlier type 0 header on that "
                + "chunk stream (RTMP 5.3.1.2)", e.getMessage());
        // detected from the basic header alone, before the rest arrives
        assertThrows(WireFormatException.class, () -> decode(new ChunkDecoder(), hex("85")));
        assertThrows(WireFormatException.class, () -> decode(new ChunkDecoder(), hex("C7")));
    }

    @Test
    void decoderRefusesInputAfterAnError() {
        ChunkDecoder dec = new ChunkDecoder();
        assertThrows(WireFormatException.class, () -> decode(dec, hex("C3")));
        assertThrows(IllegalStateException.class, () -> decode(dec, hex("03")));
    }

    @Test
    void thousandsOfChunkStreams() throws Exception {
        ChunkDecoder dec = new ChunkDecoder();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (int csid = 64; csid < 3064; csid++) {
            wire.writeBytes(type0Wide(csid, 0));
        }
        byte[] bytes = wire.toByteArray();
        WireFormatException e = assertThrows(WireFormatException.class, () -> decode(dec, bytes));
        assertEquals("RTMP chunk stream count is 65, over the limit of 64", e.getMessage());
        assertEquals(64, dec.chunkStreamCount());
    }

    @Test
    void manyHugeDeclaredLengthsWithoutBodyAllocateNothingBig() throws Exception {
        ChunkDecoder dec = new ChunkDecoder();
        // chunk size 1 lets 64 messages be in flight at once, each declaring 16 MiB with 1 byte sent
        assertEquals(1, decode(dec, hex("02 000000 000004 01 00000000 00000001")).size());
        for (int csid = 64; csid < 127; csid++) {
            byte[] header = type0Wide(csid, 0xFFFFFF);
            assertEquals(List.of(), decode(dec, header));
            assertEquals(List.of(), decode(dec, new byte[] {42}));
        }
        assertEquals(64, dec.chunkStreamCount());
        assertEquals(63, dec.bufferedBytes());
        assertTrue(dec.bufferedBytes() <= 64, "buffered " + dec.bufferedBytes());
    }

    @Test
    void bufferedBytesLimit() throws Exception {
        ChunkDecoder dec = new ChunkDecoder(new ChunkLimits(64, 0xFFFFFF, 1000, Integer.MAX_VALUE));
        decode(dec, type0(3, 5000));
        decode(dec, new byte[128]);
        decode(dec, type0(4, 5000));
        WireFormatException e = assertThrows(WireFormatException.class, () -> {
            for (int i = 0; i < 10; i++) {
                decode(dec, hex("C4"));
                decode(dec, new byte[128]);
            }
        });
        assertEquals("RTMP buffered message bytes is 1152, over the limit of 1000", e.getMessage());
        assertEquals("RTMP buffered message bytes", e.field());
    }

    @Test
    void messageLengthLimit() {
        ChunkDecoder dec = new ChunkDecoder(new ChunkLimits(64, 100, 1000, Integer.MAX_VALUE));
        WireFormatException e = assertThrows(WireFormatException.class, () -> decode(dec, type0(3, 101)));
        assertEquals("RTMP message length is 101, over the limit of 100", e.getMessage());
    }

    @Test
    void messageStreamIdLimit() {
        WireFormatException e = assertThrows(WireFormatException.class,
                () -> decode(new ChunkDecoder(), hex("03 000000 000000 09 FFFFFFFF")));
        assertEquals("RTMP message stream id is 4294967295, over the limit of 2147483647", e.getMessage());
    }

    @Test
    void newHeaderInTheMiddleOfAMessage() throws Exception {
        for (String next : new String[] {"03 000000 000010 09 01000000", "43 000000 000010 09", "83 000000"}) {
            ChunkDecoder dec = new ChunkDecoder();
            decode(dec, type0(3, 300));
            decode(dec, new byte[128]);
            WireFormatException e = assertThrows(WireFormatException.class, () -> decode(dec, hex(next)));
            assertTrue(e.getMessage().startsWith("RTMP chunk header type on chunk stream 3 is "), e.getMessage());
            assertTrue(e.getMessage().contains("172 bytes of a 300-byte message still to come"), e.getMessage());
        }
    }

    @Test
    void controlMessageShorterThanItsBody() {
        WireFormatException e = assertThrows(WireFormatException.class,
                () -> decode(new ChunkDecoder(), hex("02 000000 000003 01 00000000 000010")));
        assertEquals("Set Chunk Size body needs 4 bytes but only 3 remain", e.getMessage());
        e = assertThrows(WireFormatException.class,
                () -> decode(new ChunkDecoder(), hex("02 000000 000002 04 00000000 0000")));
        assertEquals("User Control StreamBegin body needs 6 bytes but only 2 remain", e.getMessage());
    }

    @Test
    void zeroLengthMessagesAreDelivered() throws Exception {
        ChunkDecoder dec = new ChunkDecoder();
        List<RtmpMessage> msgs = decode(dec, hex("05 000064 000000 12 01000000" + "C5"));
        assertEquals(2, msgs.size());
        assertArrayEquals(new byte[0], msgs.get(0).payload());
        assertEquals(MessageType.DATA_AMF0, msgs.get(1).type());
        assertEquals(100, msgs.get(1).timestampMs());
    }

    @Test
    void abortMidMessageThenNewMessage() throws Exception {
        ChunkDecoder dec = new ChunkDecoder();
        decode(dec, type0(3, 300));
        decode(dec, new byte[128]);
        assertEquals(128, dec.bufferedBytes());
        byte[] abort = new ChunkEncoder().encode(RtmpMessage.control(new Abort(3), 0));
        assertEquals(List.of(RtmpMessage.control(new Abort(3), 0)), decode(dec, abort));
        assertEquals(0, dec.bufferedBytes());
        List<RtmpMessage> msgs = decode(dec, hex("03 000010 000002 08 01000000 AABB"));
        assertEquals(List.of(RtmpMessage.of(3, MessageType.AUDIO, 16, 1, hex("AABB"))), msgs);
    }

    @Test
    void setChunkSizeZeroAndTopBitRejected() {
        WireFormatException e = assertThrows(WireFormatException.class,
                () -> decode(new ChunkDecoder(), hex("02 000000 000004 01 00000000 00000000")));
        assertEquals("Set Chunk Size is 0, must be at least 1", e.getMessage());
        e = assertThrows(WireFormatException.class,
                () -> decode(new ChunkDecoder(), hex("02 000000 000004 01 00000000 80000000")));
        assertEquals("Set Chunk Size", e.field());
        assertTrue(e.getMessage().startsWith("Set Chunk Size is 2147483648"), e.getMessage());
    }

    @Test
    void hugeSetChunkSizeAcceptedAndCapped() throws Exception {
        ChunkDecoder dec = new ChunkDecoder();
        List<RtmpMessage> msgs = decode(dec, hex("02 000000 000004 01 00000000 7FFFFFFF"));
        assertEquals(1, msgs.size());
        assertEquals(0xFFFFFF, dec.chunkSize());
        assertEquals(0, dec.bufferedBytes());
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(type0(3, 1000));
        wire.writeBytes(new byte[1000]);
        byte[] bytes = wire.toByteArray();
        assertEquals(1000, decode(dec, bytes).get(0).length());
    }

    @Test
    void twoAndThreeByteBasicHeaders() throws Exception {
        List<RtmpMessage> msgs = decode(new ChunkDecoder(),
                hex("00 00 000000 000001 08 01000000 11" + "01 FF FF 000000 000001 08 01000000 22"
                        + "01 00 00 000000 000001 08 01000000 33"));
        assertEquals(64, msgs.get(0).chunkStreamId());
        assertEquals(65599, msgs.get(1).chunkStreamId());
        // the 3-byte form may also name low chunk stream ids; it is the same chunk stream 64
        assertEquals(64, msgs.get(2).chunkStreamId());
    }
}
