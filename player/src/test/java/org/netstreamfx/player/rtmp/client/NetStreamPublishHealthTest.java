package org.netstreamfx.player.rtmp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netstreamfx.player.rtmp.client.FakeRtmpServer.info;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.health.HealthReport;
import org.netstreamfx.player.health.Profiles;
import org.netstreamfx.player.health.Rule;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.publish.FeedPacket;

/**
 * A publishing NetStream with a health profile judges what it sends: a camera whose keyframes
 * are further apart than generic allows raises NetStreamFX.Health.KeyframeInterval on the stream,
 * a warning with the rule's details, and healthReport() is the publish's analysis.
 */
class NetStreamPublishHealthTest {
    /** A frame every 40 ms: 25 fps. */
    private static final long FRAME_US = 40_000;
    /** One keyframe, then P-frames past generic's 5 s limit. */
    private static final long SPAN_US = 6_000_000;

    @Test
    void aKeyframeIntervalOverTheProfilesLimitIsAHealthEventOnThePublishingStream() throws Exception {
        NetConnection nc = new NetConnection();
        Events events = new Events();
        nc.addNetStatusListener(events);
        try (FakeRtmpServer server = new FakeRtmpServer(p -> {
            p.connectOk();
            p.acceptPublish();
            p.onStatus(1, info("status", "NetStream.Publish.Start", "key is now published."));
            p.awaitClose();
        })) {
            nc.connect(server.url("live"));
            NetStream ns = new NetStream(nc);
            ns.setHealthProfile(Profiles.GENERIC);
            ns.addNetStatusListener(events);
            events.await("NetConnection.Connect.Success", 5);
            NetStreamPublishTest.HandFeed camera = new NetStreamPublishTest.HandFeed(TrackKind.VIDEO);
            ns.attachCamera(camera);
            ns.publish("key", "live");
            events.await("NetStream.Publish.Start", 5);
            camera.keyframeRequested.get(5, TimeUnit.SECONDS);
            for (long t = 0; t <= SPAN_US; t += FRAME_US) {
                camera.sink.packet(new FeedPacket(TrackKind.VIDEO, t, t, t == 0, new byte[] {0, 0, 0, 1, 1}));
            }
            NetStatusEvent e = events.await(Rule.KEYFRAME_INTERVAL.code(), 5);
            assertEquals("warning", e.level().wireName());
            Map<?, ?> details = (Map<?, ?>) e.details();
            assertEquals("KeyframeInterval", details.get("rule"));
            assertEquals(false, details.get("cleared"));
            assertTrue((Double) details.get("measured") > Profiles.GENERIC.maxKeyframeIntervalS(), "details " + details);
            assertTrue(e.description().endsWith("set your encoder's keyframe interval to 2 s."), e.description());
            HealthReport report = ns.healthReport();
            assertNotNull(report, "the publish's analysis");
            assertEquals("generic", report.profile());
            assertTrue(report.raisedRules().contains(Rule.KEYFRAME_INTERVAL), "raised " + report.raisedRules());
            ns.close().toCompletableFuture().get(5, TimeUnit.SECONDS);
            nc.close();
        }
    }
}
