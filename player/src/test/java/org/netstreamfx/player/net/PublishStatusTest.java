package org.netstreamfx.player.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.publish.PublishEvent;
import org.netstreamfx.player.publish.PublishFigures;

/** Each event of the publishing pipeline becomes the NetStatus event it always was: code, level, sentence, details. */
class PublishStatusTest {
    private static final long NANOS = 42;

    private static void assertStatus(PublishEvent event, String code, String level, String description, Object details) {
        NetStatusEvent e = PublishStatus.toEvent(event, NANOS);
        assertEquals(code, e.code());
        assertEquals(level, e.level().wireName());
        assertEquals(description, e.description());
        assertEquals(details, e.details());
        assertEquals(NANOS, e.monotonicNanos());
    }

    @Test
    void aRefusedOrFailedCreateStreamIsACallFailed() {
        assertStatus(new PublishEvent.CreateStreamMalformed("malformed createStream answer"),
                "NetConnection.Call.Failed", "error", "Could not publish: malformed createStream answer", null);
        assertStatus(new PublishEvent.CreateStreamRefused("no streams left"), "NetConnection.Call.Failed", "error",
                "The server refused createStream: no streams left", null);
        assertStatus(new PublishEvent.CreateStreamRefused(null), "NetConnection.Call.Failed", "error",
                "The server refused createStream.", null);
        assertStatus(new PublishEvent.CreateStreamFailed("Could not send createStream: closed"),
                "NetConnection.Call.Failed", "error", "Could not send createStream: closed", null);
    }

    @Test
    void theEnginesOwnFindingsNameTheirNumbers() {
        assertStatus(new PublishEvent.FramesDropped(7, 12), "NetStreamFX.Publish.Dropped", "warning",
                "The network cannot keep up: dropping video frames up to the next keyframe (7 dropped so far, "
                        + "12 messages queued).", 7L);
        assertStatus(new PublishEvent.Republishing("Already publishing", 1, 10, 1000),
                "NetStreamFX.Publish.Republishing", "warning", "The server still holds the stream (Already "
                        + "publishing): publishing again in 1000 ms (try 1 of 10).", 1);
        assertStatus(new PublishEvent.Republishing(null, 2, 10, 1000), "NetStreamFX.Publish.Republishing", "warning",
                "The server still holds the stream (Publish.BadName): publishing again in 1000 ms (try 2 of 10).", 2);
        assertStatus(new PublishEvent.Stalled(8000), "NetStreamFX.Publish.Stalled", "warning",
                "A write to the server made no progress for 8 s: the connection is dead.", null);
        assertStatus(new PublishEvent.Unpublished(), "NetStream.Unpublish.Success", "status", "Stopped publishing.",
                null);
        assertStatus(new PublishEvent.FeedFailed("Camera 0 was unplugged"), "NetStreamFX.Publish.FeedFailed", "error",
                "Camera 0 was unplugged", null);
    }

    @Test
    void aMoveToAnotherConnectionNamesItsTimesAndAFailedOneWhy() {
        Map<String, Object> times = new LinkedHashMap<>();
        times.put("fromMs", 560L);
        times.put("keyframeMs", 600L);
        assertStatus(new PublishEvent.Moved(560, 600), "NetStreamFX.Publish.Moved", "status", "Publishing moved to the "
                + "new connection at the keyframe of 600 ms; the old connection carried it up to 560 ms.", times);
        assertStatus(new PublishEvent.MoveFailed("rtmp://b:1935/app2?key=***", "Connection refused"),
                "NetStreamFX.Publish.MoveFailed", "warning", "Could not move publishing to rtmp://b:1935/app2?key=*** "
                        + "(Connection refused): publishing goes on over the old connection.", null);
    }

    @Test
    void theServersStatusIsPassedOnWhole() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("level", "error");
        info.put("code", "NetStream.Publish.BadName");
        info.put("description", "Already publishing");
        info.put("clientid", 7.0);
        NetStatusEvent e = PublishStatus.toEvent(new PublishEvent.ServerStatus(info), NANOS);
        assertEquals(NetConnection.serverEvent(info, NetStatusCode.NETSTREAM_PLAY_FAILED).info(), e.info());
        assertEquals("NetStream.Publish.BadName", e.code());
        assertEquals("Already publishing", e.description());
    }

    @Test
    void aPublishingStreamsInfoCarriesItsSendFigures() {
        NetStreamInfo i = PublishStatus.info(new PublishFigures(1000, 5000, 1_500_000, 3, 25));
        assertEquals(new NetStreamInfo(1000, 5000, 0, 1.5, 0, 0, 0, 3, 0, 0, 0, 0, 25, 0), i);
    }
}
