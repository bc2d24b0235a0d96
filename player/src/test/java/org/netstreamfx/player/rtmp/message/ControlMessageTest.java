package org.netstreamfx.player.rtmp.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.wire.WireFormatException;

class ControlMessageTest {

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    @Test
    void messageTypeIds() {
        assertEquals(MessageType.COMMAND_AMF0, MessageType.fromId(20));
        assertEquals(MessageType.AGGREGATE, MessageType.fromId(22));
        assertEquals(MessageType.UNKNOWN, MessageType.fromId(7));
        assertEquals(MessageType.UNKNOWN, MessageType.fromId(-1));
        assertTrue(MessageType.WINDOW_ACK_SIZE.isControl());
        assertTrue(!MessageType.AUDIO.isControl());
    }

    @Test
    void setChunkSizeLimits() throws Exception {
        WireFormatException zero = assertThrows(WireFormatException.class,
                () -> SetChunkSize.parse(bytes(0, 0, 0, 0)));
        assertEquals("Set Chunk Size is 0, must be at least 1", zero.getMessage());
        WireFormatException top = assertThrows(WireFormatException.class,
                () -> SetChunkSize.parse(bytes(0x80, 0, 0, 0)));
        assertTrue(top.getMessage().startsWith("Set Chunk Size is 2147483648, its first bit must be zero"),
                top.getMessage());
        SetChunkSize max = SetChunkSize.parse(bytes(0x7F, 0xFF, 0xFF, 0xFF));
        assertEquals(Integer.MAX_VALUE, max.size());
        assertEquals(0xFFFFFF, max.effectiveSize());
        assertEquals(4096, SetChunkSize.parse(bytes(0, 0, 0x10, 0)).effectiveSize());
        assertArrayEquals(bytes(0, 0, 0x10, 0), new SetChunkSize(4096).encode());
        WireFormatException shortBody = assertThrows(WireFormatException.class,
                () -> SetChunkSize.parse(bytes(0, 0, 1)));
        assertEquals("Set Chunk Size body needs 4 bytes but only 3 remain", shortBody.getMessage());
    }

    @Test
    void protocolControlRoundTrips() throws Exception {
        List<ControlMessage> all = List.of(new SetChunkSize(65536), new Abort(65599),
                new Acknowledgement(0xFFFFFFFFL), new WindowAckSize(2_500_000),
                new SetPeerBandwidth(5_000_000, SetPeerBandwidth.LimitType.DYNAMIC),
                new UserControl.StreamBegin(1), new UserControl.StreamEof(2),
                new UserControl.StreamDry(3), new UserControl.SetBufferLength(1, 3000),
                new UserControl.StreamIsRecorded(1), new UserControl.PingRequest(0xFFFFFFFFL),
                new UserControl.PingResponse(12345), new UserControl.Unknown(31, bytes(0, 0, 0, 1)));
        for (ControlMessage m : all) {
            assertEquals(m, ControlMessage.parse(m.messageType(), m.encode()).orElseThrow());
        }
        assertTrue(ControlMessage.parse(MessageType.AUDIO, new byte[0]).isEmpty());
    }

    @Test
    void specBytes() {
        assertArrayEquals(bytes(0, 0x26, 0x25, 0xA0, 2),
                new SetPeerBandwidth(2_500_000, SetPeerBandwidth.LimitType.DYNAMIC).encode());
        assertArrayEquals(bytes(0, 3, 0, 0, 0, 1, 0, 0, 0x0B, 0xB8),
                new UserControl.SetBufferLength(1, 3000).encode());
        assertArrayEquals(bytes(0, 7, 0, 0, 0x30, 0x39), new UserControl.PingRequest(12345).response().encode());
    }

    @Test
    void malformedControlBodies() {
        WireFormatException e = assertThrows(WireFormatException.class,
                () -> UserControl.parse(bytes(0, 0)));
        assertEquals("User Control StreamBegin body needs 6 bytes but only 2 remain", e.getMessage());
        assertEquals("User Control StreamBegin body", e.field());
        e = assertThrows(WireFormatException.class,
                () -> UserControl.parse(bytes(0, 3, 0, 0, 0, 1, 0, 0)));
        assertEquals("User Control SetBufferLength body needs 10 bytes but only 8 remain", e.getMessage());
        e = assertThrows(WireFormatException.class, () -> UserControl.parse(bytes(0)));
        assertEquals("User Control event type", e.field());
        e = assertThrows(WireFormatException.class,
                () -> UserControl.parse(bytes(0, 0, 0x80, 0, 0, 0)));
        assertEquals("User Control StreamBegin stream id is 2147483648, over the limit of 2147483647",
                e.getMessage());
        e = assertThrows(WireFormatException.class,
                () -> SetPeerBandwidth.parse(bytes(0, 0, 0, 1, 3)));
        assertEquals("Set Peer Bandwidth limit type is 3, must be 0 (hard), 1 (soft) or 2 (dynamic)",
                e.getMessage());
        e = assertThrows(WireFormatException.class, () -> Abort.parse(bytes(0, 0, 0, 1)));
        assertEquals("Abort Message chunk stream id", e.field());
        e = assertThrows(WireFormatException.class, () -> Abort.parse(bytes(0, 1, 0, 0x40)));
        assertTrue(e.getMessage().startsWith("Abort Message chunk stream id is 65600"));
        e = assertThrows(WireFormatException.class, () -> WindowAckSize.parse(bytes(0, 0, 0, 0)));
        assertEquals("Window Acknowledgement Size is 0, must be at least 1", e.getMessage());
        assertThrows(WireFormatException.class, () -> Acknowledgement.parse(bytes(1, 2)));
    }

    @Test
    void unknownUserControlKeepsData() throws Exception {
        UserControl u = UserControl.parse(bytes(0, 32, 9, 9));
        assertEquals(new UserControl.Unknown(32, bytes(9, 9)), u);
        assertEquals(32, u.eventTypeId());
    }
}
