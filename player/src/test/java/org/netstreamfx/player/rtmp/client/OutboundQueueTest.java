package org.netstreamfx.player.rtmp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.amf.AmfValue.AmfNull;
import org.netstreamfx.player.rtmp.message.MessageType;
import org.netstreamfx.player.rtmp.message.RtmpMessage;
import org.netstreamfx.player.rtmp.message.UserControl;

class OutboundQueueTest {
    private static RtmpMessage video(int bytes) {
        return RtmpMessage.of(7, MessageType.VIDEO, 0, 1, new byte[bytes]);
    }

    private static RtmpMessage command(String name) {
        return CommandCodec.encode(new Command(name, 0, AmfNull.INSTANCE, List.of()), 0, 8, 1);
    }

    private static RtmpMessage ping() {
        return RtmpMessage.control(new UserControl.PingResponse(7), 0);
    }

    @Test
    void controlAndPingsGoFirstThenCommandsThenMediaEachInOrder() throws InterruptedException {
        OutboundQueue q = new OutboundQueue();
        RtmpMessage v1 = video(10);
        RtmpMessage c1 = command("seek");
        RtmpMessage v2 = video(11);
        RtmpMessage p1 = ping();
        RtmpMessage c2 = command("pause");
        RtmpMessage p2 = RtmpMessage.control(new UserControl.PingRequest(8), 0);
        RtmpMessage buffer = RtmpMessage.control(new UserControl.SetBufferLength(1, 3000), 0);
        for (RtmpMessage m : List.of(v1, c1, v2, p1, buffer, c2, p2)) {
            assertEquals(OutboundQueue.Offer.QUEUED, q.offer(m));
        }
        List<RtmpMessage> taken = new ArrayList<>();
        q.close();
        for (RtmpMessage m = q.take(); m != null; m = q.take()) {
            taken.add(m);
        }
        // SetBufferLength is about a stream: it keeps its place among the stream's commands.
        assertEquals(List.of(p1, p2, c1, buffer, c2, v1, v2), taken);
        assertEquals(OutboundQueue.Offer.CLOSED, q.offer(ping()));
    }

    @Test
    void waterMarksToggleWritabilityAndTellTheListener() throws InterruptedException {
        OutboundQueue q = new OutboundQueue();
        List<Boolean> told = new CopyOnWriteArrayList<>();
        q.addWritabilityListener(told::add);
        int size = 16 * 1024;
        List<RtmpMessage> queued = new ArrayList<>();
        while (q.isWritable()) {
            RtmpMessage m = video(size);
            assertEquals(OutboundQueue.Offer.QUEUED, q.offer(m));
            queued.add(m);
        }
        assertTrue(q.queuedBytes() > OutboundQueue.HIGH_WATER_BYTES, "unwritable only above the high mark");
        assertEquals(OutboundQueue.HIGH_WATER_BYTES / size + 1, queued.size());
        assertEquals(List.of(false), told);
        assertFalse(q.awaitWritable(1), "not writable yet");
        // Written down to the low mark, and not before, it turns writable again.
        while (q.queuedBytes() - size > OutboundQueue.LOW_WATER_BYTES) {
            q.written(q.take());
            assertFalse(q.isWritable(), "still above the low mark at " + q.queuedBytes());
        }
        q.written(q.take());
        assertTrue(q.isWritable(), "writable at " + q.queuedBytes() + " bytes");
        assertTrue(q.awaitWritable(0));
        assertEquals(List.of(false, true), told);
    }

    @Test
    void mediaIsRefusedOverItsShareWhileCommandsAndControlStillFit() {
        OutboundQueue q = new OutboundQueue();
        int size = 1024 * 1024;
        for (long b = 0; b + size <= OutboundQueue.MAX_MEDIA_BYTES; b += size) {
            assertEquals(OutboundQueue.Offer.QUEUED, q.offer(video(size)));
        }
        assertEquals(OutboundQueue.Offer.FULL, q.offer(video(1)), "media over " + OutboundQueue.MAX_MEDIA_BYTES);
        assertEquals(OutboundQueue.Offer.QUEUED, q.offer(command("closeStream")));
        assertEquals(OutboundQueue.Offer.QUEUED, q.offer(ping()));
        q.dropMedia();
        assertEquals(2, q.queuedMessages());
        assertEquals(OutboundQueue.Offer.QUEUED, q.offer(video(size)));
    }

    @Test
    void theMessageCountIsBoundedForEveryLane() {
        OutboundQueue q = new OutboundQueue();
        for (int i = 0; i < OutboundQueue.MAX_MEDIA_MESSAGES; i++) {
            assertEquals(OutboundQueue.Offer.QUEUED, q.offer(video(1)));
        }
        assertEquals(OutboundQueue.Offer.FULL, q.offer(video(1)));
        for (int i = OutboundQueue.MAX_MEDIA_MESSAGES; i < OutboundQueue.MAX_QUEUED_MESSAGES; i++) {
            assertEquals(OutboundQueue.Offer.QUEUED, q.offer(ping()));
        }
        assertEquals(OutboundQueue.Offer.FULL, q.offer(ping()), "control too has a bound");
        assertEquals(OutboundQueue.MAX_QUEUED_MESSAGES, q.queuedMessages());
    }

    @Test
    void mediaWrittenIsAwaitedAndTakeEndsOnceClosedAndEmpty() throws InterruptedException {
        OutboundQueue q = new OutboundQueue();
        q.offer(video(5));
        q.offer(command("FCUnpublish"));
        assertFalse(q.awaitMediaWritten(1));
        RtmpMessage first = q.take();
        q.written(first);
        RtmpMessage m = q.take();
        assertEquals(MessageType.VIDEO, m.type());
        assertFalse(q.awaitMediaWritten(1), "taken is not written");
        q.written(m);
        assertTrue(q.awaitMediaWritten(0));
        q.close();
        assertNull(q.take());
        assertEquals(0, q.queuedBytes());
    }
}
