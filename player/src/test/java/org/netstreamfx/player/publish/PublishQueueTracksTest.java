package org.netstreamfx.player.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.publish.PublishQueue.Offer;
import org.netstreamfx.player.rtmp.message.MessageType;
import org.netstreamfx.player.rtmp.message.RtmpMessage;

/**
 * The outgoing queue's per-track drop policy for a multitrack camera: the highest bit rate goes
 * first, track 0 last, each track up to its own next keyframe, counted frame by frame.
 */
class PublishQueueTracksTest {
    /** 300 ms: with three tracks, track 2 goes past 100 ms of queue, track 1 past 200, track 0 past 300. */
    private static final long LIMIT_US = 300_000;
    private static final int FRAME_MS = 40;
    /** Track 2 has the highest bit rate, track 0 is the default track. */
    private static final List<Integer> DROP_ORDER = List.of(2, 1, 0);

    private static PublishQueue.Item frame(int track, long dtsMs, boolean key) {
        return new PublishQueue.Item(TrackKind.VIDEO, track, dtsMs * 1000, key,
                RtmpMessage.of(7, MessageType.VIDEO, dtsMs, 1, new byte[10]));
    }

    /** Offers one camera picture on every track, track 0 first (as the feed delivers them), not writable. */
    private static List<Offer> picture(PublishQueue q, long dtsMs, boolean key) {
        List<Offer> out = new ArrayList<>();
        for (int track = 0; track <= 2; track++) {
            out.add(q.offer(frame(track, dtsMs, key), false));
        }
        return out;
    }

    @Test
    void theHighestBitRateTrackGoesFirstTrackZeroLastEachUntilItsNextKeyframe() throws InterruptedException {
        PublishQueue q = new PublishQueue(LIMIT_US);
        q.setDropOrder(DROP_ORDER);
        Offer in = Offer.QUEUED;
        Offer first = Offer.DROPPED_FIRST;
        Offer out = Offer.DROPPED;
        assertEquals(List.of(in, in, in), picture(q, 0, true));
        assertEquals(List.of(in, in, in), picture(q, 40, false));
        assertEquals(List.of(in, in, in), picture(q, 80, false));
        assertEquals(List.of(in, in, first), picture(q, 120, false));
        assertEquals(List.of(in, in, out), picture(q, 160, false));
        assertEquals(List.of(in, in, out), picture(q, 200, false));
        assertEquals(List.of(in, first, out), picture(q, 240, false));
        assertEquals(List.of(in, out, out), picture(q, 280, false));
        assertEquals(List.of(first, out, out), picture(q, 320, false));
        // The queue drains, but no track resumes in the middle of its GOP.
        while (q.poll(0) != null) {
            // Drain.
        }
        assertEquals(List.of(out, out, out), picture(q, 360, false));
        assertEquals(List.of(in, in, in), picture(q, 400, true));
        assertEquals(List.of(in, in, in), picture(q, 400 + FRAME_MS, false));
        assertEquals(7, q.trackFigures(2).framesDropped());
        assertEquals(4, q.trackFigures(1).framesDropped());
        assertEquals(2, q.trackFigures(0).framesDropped());
        assertEquals(13, q.droppedFrames());
    }

    @Test
    void aTrackResumesAtItsOwnKeyframeWhileTheOthersGoOn() {
        PublishQueue q = new PublishQueue(LIMIT_US);
        q.setDropOrder(DROP_ORDER);
        picture(q, 0, true);
        assertEquals(Offer.DROPPED_FIRST, q.offer(frame(2, 120, false), false));
        assertEquals(Offer.QUEUED, q.offer(frame(1, 120, false), false));
        assertEquals(Offer.QUEUED, q.offer(frame(2, 160, true), false), "a keyframe is never dropped and ends the skip");
        assertEquals(Offer.QUEUED, q.offer(frame(2, 170, false), true), "writable: nothing is dropped");
        assertEquals(Offer.DROPPED_FIRST, q.offer(frame(2, 180, false), false), "a new run, reported again");
        assertEquals(2, q.trackFigures(2).framesDropped());
        assertEquals(0, q.trackFigures(1).framesDropped());
    }

    @Test
    void sentFramesAreCountedPerTrackAndAnUnlistedTrackDropsAtTheLimit() {
        PublishQueue q = new PublishQueue(LIMIT_US);
        q.setDropOrder(DROP_ORDER);
        q.countSent(0);
        q.countSent(0);
        q.countSent(2);
        assertEquals(new TrackFigures(0, 2, 0), q.trackFigures(0));
        assertEquals(new TrackFigures(2, 1, 0), q.trackFigures(2));
        assertEquals(new TrackFigures(1, 0, 0), q.trackFigures(1));
        q.offer(frame(5, 0, true), false);
        assertEquals(Offer.QUEUED, q.offer(frame(5, 300, false), false));
        assertEquals(Offer.DROPPED_FIRST, q.offer(frame(5, 301, false), false));
    }
}
