package org.netstreamfx.player.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.netstreamfx.player.media.TrackKind;

class PublishTimelineTest {
    private static final byte[] DATA = {1};

    private static FeedPacket video(long dtsUs, boolean keyframe) {
        return new FeedPacket(TrackKind.VIDEO, dtsUs, dtsUs, keyframe, DATA);
    }

    private static FeedPacket audio(long dtsUs) {
        return new FeedPacket(TrackKind.AUDIO, dtsUs, dtsUs, true, DATA);
    }

    @Test
    void videoWaitsForItsFirstKeyframeWhichSetsTheBase() {
        PublishTimeline t = new PublishTimeline();
        assertEquals(PublishTimeline.SKIPPED, t.stamp(video(1_000_000, false)));
        assertEquals(0, t.stamp(video(1_040_000, true)));
        assertEquals(40, t.stamp(video(1_080_000, false)));
        assertEquals(60, t.stamp(audio(1_100_000)));
        assertEquals(40, t.lastMs(TrackKind.VIDEO));
        assertEquals(60, t.lastMs(TrackKind.AUDIO));
    }

    @Test
    void audioFromBeforeTheFirstPacketIsNotSentAtZero() {
        // The camera's keyframe came out of its encoder first; the microphone's frame from 18 ms
        // before it came after. Sent at 0, it would overlap the next one, at 2 ms.
        PublishTimeline t = new PublishTimeline();
        assertEquals(0, t.stamp(video(5_018_000, true)));
        assertEquals(PublishTimeline.SKIPPED, t.stamp(audio(5_000_000)));
        assertEquals(0, t.lastMs(TrackKind.AUDIO));
        assertEquals(2, t.stamp(audio(5_020_000)));
        assertEquals(22, t.stamp(audio(5_040_000)));
    }

    @Test
    void aKeyframeFromBeforeTheFirstAudioStartsAtZero() {
        // Video is not dropped for it: its first keyframe would be lost, and the stream wait a GOP.
        PublishTimeline t = new PublishTimeline();
        assertEquals(0, t.stamp(audio(2_000_000)));
        assertEquals(0, t.stamp(video(1_990_000, true)));
        assertEquals(30, t.stamp(video(2_030_000, false)));
    }
}
