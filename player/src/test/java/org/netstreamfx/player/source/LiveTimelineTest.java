package org.netstreamfx.player.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.flv.FlvTagType;
import org.netstreamfx.player.source.LiveTimeline.LiveDiscontinuity;

/** A live RTMP stream's timestamps become one timeline: unwrapped, and joined where they break. */
class LiveTimelineTest {
    private final List<LiveDiscontinuity> seen = new ArrayList<>();
    private final LiveTimeline timeline = new LiveTimeline(seen::add);

    /** Video every 40 ms and audio at +3 and +26 from {@code fromMs} to {@code toMs}; the video's timestamps out. */
    private List<Long> av(long fromMs, long toMs) {
        List<Long> video = new ArrayList<>();
        for (long t = fromMs; t < toMs; t += 40) {
            video.add(timeline.liveTimestamp(FlvTagType.VIDEO, t & 0xFFFF_FFFFL));
            timeline.liveTimestamp(FlvTagType.AUDIO, (t + 3) & 0xFFFF_FFFFL);
            timeline.liveTimestamp(FlvTagType.AUDIO, (t + 26) & 0xFFFF_FFFFL);
        }
        return video;
    }

    private static void assertMonotonicWithin(List<Long> ms, long maxStepMs, String what) {
        for (int i = 1; i < ms.size(); i++) {
            long step = ms.get(i) - ms.get(i - 1);
            assertTrue(step >= 0 && step <= maxStepMs, what + ": step " + step + " ms at " + i + " in " + ms);
        }
    }

    @Test
    void aServerThatRestartsItsClockWithoutSayingSoIsSeenByTheJumpBack() {
        timeline.startAt(10_000);
        List<Long> video = new ArrayList<>(av(10_000, 11_000));
        video.addAll(av(0, 1_000));
        assertMonotonicWithin(video, 80, "video");
        assertEquals(List.of("timestamps went back"), seen.stream().map(LiveDiscontinuity::reason).toList());
        LiveDiscontinuity d = seen.get(0);
        assertEquals(10_986, d.fromMs(), "the last message before, as sent (audio at +26)");
        assertEquals(0, d.toMs());
        assertEquals(-10_986, d.jumpMs());
        assertEquals(986 + LiveTimeline.LIVE_REBASE_STEP_MS, d.continuesAtMs(), "on the stream's timeline");
        assertEquals(10_986 + LiveTimeline.LIVE_REBASE_STEP_MS, video.get(25));
    }

    @Test
    void aTrackGoingBackLessThanTheLimitIsNotAJump() {
        timeline.liveTimestamp(FlvTagType.VIDEO, 5_000);
        assertEquals(4_001, timeline.liveTimestamp(FlvTagType.AUDIO, 4_001), "audio interleaved behind video");
        assertEquals(4_001 - LiveTimeline.LIVE_MAX_BACKWARD_JUMP_MS + 1,
                timeline.liveTimestamp(FlvTagType.AUDIO, 4_001 - LiveTimeline.LIVE_MAX_BACKWARD_JUMP_MS + 1));
        assertEquals(List.of(), seen);
    }

    @Test
    void aForwardJumpBeyondTheLimitIsJoinedButOrdinaryGapsAreKept() {
        List<Long> video = new ArrayList<>(av(0, 1_000));
        long under = 986 + LiveTimeline.LIVE_MAX_FORWARD_JUMP_MS - 1; // a gap just under the limit: played as sent
        video.addAll(av(under, under + 1_000));
        long far = 3_600_000;
        video.addAll(av(far, far + 1_000));
        assertEquals(List.of("timestamps jumped forward"), seen.stream().map(LiveDiscontinuity::reason).toList());
        assertEquals(far - (under + 960 + 26), seen.get(0).jumpMs(), "the size of the jump as sent: " + seen.get(0));
        long widest = 0;
        for (int i = 1; i < video.size(); i++) {
            widest = Math.max(widest, video.get(i) - video.get(i - 1));
        }
        assertEquals(under - 960, widest, "the gap under the limit is kept, the one over it joined: " + video);
    }

    @Test
    void aPublisherStartingJustBeforeTheWrapPlaysThroughItWithoutADiscontinuity() {
        long start = 0x1_0000_0000L - 1_000;
        timeline.startAt(start);
        List<Long> video = av(start, start + 2_000);
        assertEquals(50, video.size());
        assertMonotonicWithin(video, 40, "video through the wrap");
        assertEquals(start + 1_960, video.get(49), "unwrapped past 2^32");
        assertEquals(0x1_0000_0000L, timeline.liveTimestamp(FlvTagType.SCRIPT_DATA, 0),
                "script data at 0 after the wrap is on the unwrapped timeline, not a new one");
        assertEquals(List.of(), seen);
        assertEquals(start + 2_000, timeline.liveTimestamp(FlvTagType.VIDEO, (start + 2_000) & 0xFFFF_FFFFL),
                "and does not move the timeline");
    }

    @Test
    void aNewTimelineAnnouncedByTheServerJoinsAtTheNextMediaMessage() {
        timeline.markNewTimeline("new publisher"); // before any media: nothing to join
        timeline.startAt(300_000);
        av(300_000, 302_000);
        timeline.markNewTimeline("new publisher");
        assertEquals(List.of(), seen, "joined only when the new timeline's first media is read");
        List<Long> video = av(0, 2_000);
        assertEquals(1, seen.size(), seen.toString());
        LiveDiscontinuity d = seen.get(0);
        assertEquals("new publisher", d.reason());
        assertEquals(301_986, d.fromMs());
        assertEquals(0, d.toMs());
        assertEquals(1_986 + LiveTimeline.LIVE_REBASE_STEP_MS, d.continuesAtMs());
        assertEquals(301_986 + LiveTimeline.LIVE_REBASE_STEP_MS, video.get(0));
        assertMonotonicWithin(video, 40, "the new publisher's video");
    }

    @Test
    void unwrapCountsEachWrapAndStartsAgainWithTheTimeline() {
        assertEquals(0xFFFF_FFF0L, timeline.unwrap(0xFFFF_FFF0L));
        assertEquals(0x1_0000_0010L, timeline.unwrap(0x10));
        assertEquals(0x1_0000_0000L, timeline.unwrap(0), "a small step back is not a wrap");
        timeline.startAt(0);
        assertEquals(0x10, timeline.unwrap(0x10));
    }
}
