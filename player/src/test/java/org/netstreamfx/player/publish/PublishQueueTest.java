package org.netstreamfx.player.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.rtmp.message.MessageType;
import org.netstreamfx.player.rtmp.message.RtmpMessage;

class PublishQueueTest {
    private static PublishQueue.Item item(TrackKind kind, long dtsMs, boolean key) {
        MessageType t = kind == TrackKind.AUDIO ? MessageType.AUDIO : MessageType.VIDEO;
        return new PublishQueue.Item(kind, dtsMs * 1000, key, RtmpMessage.of(6, t, dtsMs, 1, new byte[10]));
    }

    @Test
    void overTheLimitNonKeyVideoIsDroppedUpToTheNextKeyframeAndAudioNever() throws InterruptedException {
        PublishQueue q = new PublishQueue(100_000);
        assertEquals(PublishQueue.Offer.QUEUED, q.offer(item(TrackKind.VIDEO, 0, true)));
        assertEquals(PublishQueue.Offer.QUEUED, q.offer(item(TrackKind.VIDEO, 40, false)));
        assertEquals(PublishQueue.Offer.QUEUED, q.offer(item(TrackKind.AUDIO, 60, true)));
        assertEquals(PublishQueue.Offer.QUEUED, q.offer(item(TrackKind.VIDEO, 80, false)));
        assertEquals(PublishQueue.Offer.DROPPED_FIRST, q.offer(item(TrackKind.VIDEO, 120, false)));
        assertEquals(PublishQueue.Offer.QUEUED, q.offer(item(TrackKind.AUDIO, 130, true)));
        assertEquals(PublishQueue.Offer.DROPPED, q.offer(item(TrackKind.VIDEO, 160, false)));
        // Draining does not end the skip: the next picture must be a keyframe.
        while (q.poll(0) != null) {
            // Drain.
        }
        assertEquals(PublishQueue.Offer.DROPPED, q.offer(item(TrackKind.VIDEO, 200, false)));
        assertEquals(PublishQueue.Offer.QUEUED, q.offer(item(TrackKind.VIDEO, 240, true)));
        assertEquals(PublishQueue.Offer.QUEUED, q.offer(item(TrackKind.VIDEO, 280, false)));
        assertEquals(3, q.droppedFrames());
        assertEquals(2, q.length());
        q.close();
        q.poll(0);
        q.poll(0);
        assertNull(q.poll(10));
    }

    @Test
    void dataMessagesAreNeverDroppedAndDoNotCountInTheSpan() {
        PublishQueue q = new PublishQueue(100_000);
        q.offer(new PublishQueue.Item(null, 0, true, RtmpMessage.of(5, MessageType.DATA_AMF0, 0, 1, new byte[3])));
        q.offer(item(TrackKind.VIDEO, 1000, false));
        assertEquals(0, q.spanUs());
        assertEquals(2, q.length());
    }
}
