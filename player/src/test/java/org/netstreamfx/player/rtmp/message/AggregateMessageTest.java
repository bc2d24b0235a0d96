package org.netstreamfx.player.rtmp.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.wire.WireFormatException;

class AggregateMessageTest {

    /** Writes one FLV-tag-like sub-message; backPointerDelta corrupts the back pointer. */
    private static void sub(ByteArrayOutputStream out, int type, long ts, byte[] body, int backPointerDelta) {
        out.write(type);
        out.write(body.length >>> 16);
        out.write(body.length >>> 8);
        out.write(body.length);
        out.write((int) (ts >>> 16));
        out.write((int) (ts >>> 8));
        out.write((int) ts);
        out.write((int) (ts >>> 24));
        out.write(0);
        out.write(0);
        out.write(1);
        out.writeBytes(body);
        int bp = 11 + body.length + backPointerDelta;
        out.write(bp >>> 24);
        out.write(bp >>> 16);
        out.write(bp >>> 8);
        out.write(bp);
    }

    private static RtmpMessage aggregate(byte[] body) {
        return RtmpMessage.of(5, MessageType.AGGREGATE, 10_000, 1, body);
    }

    @Test
    void splitsAndRebasesTimestamps() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sub(out, 9, 0x01000000L + 500, new byte[] {0x17, 1}, 0);
        sub(out, 8, 0x01000000L + 523, new byte[] {(byte) 0xAF}, 0);
        sub(out, 18, 0x01000000L + 540, new byte[0], 0);
        List<RtmpMessage> msgs = AggregateMessage.split(aggregate(out.toByteArray()));
        assertEquals(3, msgs.size());
        assertEquals(RtmpMessage.of(5, MessageType.VIDEO, 10_000, 1, new byte[] {0x17, 1}), msgs.get(0));
        assertEquals(MessageType.AUDIO, msgs.get(1).type());
        assertEquals(10_023, msgs.get(1).timestampMs());
        assertEquals(10_040, msgs.get(2).timestampMs());
        assertArrayEquals(new byte[0], msgs.get(2).payload());
    }

    @Test
    void rejectsMalformedRecords() {
        ByteArrayOutputStream good = new ByteArrayOutputStream();
        sub(good, 9, 0, new byte[20], 0);
        byte[] full = good.toByteArray();

        byte[] cutHeader = java.util.Arrays.copyOf(full, 5);
        WireFormatException e = assertThrows(WireFormatException.class,
                () -> AggregateMessage.split(aggregate(cutHeader)));
        assertEquals("RTMP aggregate sub-message header needs 11 bytes but only 5 remain", e.getMessage());

        byte[] cutBody = java.util.Arrays.copyOf(full, full.length - 1);
        e = assertThrows(WireFormatException.class, () -> AggregateMessage.split(aggregate(cutBody)));
        assertEquals("RTMP aggregate sub-message body and back pointer needs 24 bytes but only 23 remain",
                e.getMessage());

        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        sub(bad, 9, 0, new byte[20], 1);
        e = assertThrows(WireFormatException.class,
                () -> AggregateMessage.split(aggregate(bad.toByteArray())));
        assertEquals("RTMP aggregate back pointer is 32, must be 11 + body size = 31", e.getMessage());

        ByteArrayOutputStream nested = new ByteArrayOutputStream();
        sub(nested, 22, 0, new byte[0], 0);
        e = assertThrows(WireFormatException.class,
                () -> AggregateMessage.split(aggregate(nested.toByteArray())));
        assertEquals("RTMP aggregate sub-message type", e.field());

        ByteArrayOutputStream many = new ByteArrayOutputStream();
        for (int i = 0; i < 4; i++) {
            sub(many, 8, i, new byte[0], 0);
        }
        e = assertThrows(WireFormatException.class,
                () -> AggregateMessage.split(aggregate(many.toByteArray()), 3));
        assertEquals("RTMP aggregate sub-message count is 4, over the limit of 3", e.getMessage());
    }
}
