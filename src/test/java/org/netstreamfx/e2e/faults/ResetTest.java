package org.netstreamfx.e2e.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.netstreamfx.app.fault.Direction;
import org.netstreamfx.app.fault.FaultProxy;
import org.netstreamfx.e2e.rtmp.support.FfmpegPublisher;
import org.netstreamfx.e2e.rtmp.support.NginxServer;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.rtmp.client.ReconnectPolicy;
import org.netstreamfx.player.rtmp.client.RtmpOptions;

/**
 * The connection to nginx-rtmp is reset (RST, {@link FaultProxy#dropNow()}) while media flows,
 * through a link slowed to 30 kB/s so that most messages are in flight over many reads and the
 * reset lands inside one: Connect.Closed at once (no silence timeout, no hang), or with
 * reconnect on, Reconnecting, Reconnected and media again. The scripted server's tests
 * (ConnectionFaultsTest in the engine) reset at an exact byte inside a message.
 */
@ResourceLock(value = Resources.SYSTEM_OUT, mode = ResourceAccessMode.READ)
class ResetTest {
    @RegisterExtension
    static final NginxServer nginx = new NginxServer();
    private static FfmpegPublisher camera;

    @BeforeAll
    static void start() {
        camera = FfmpegPublisher.testSource(nginx.url("live", "reset"), 160, 120, 15)
                .awaitPublishing(Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        if (camera != null) {
            camera.close();
        }
    }

    @Test
    void playResetIsConnectClosedAtOnce() throws Exception {
        try (FaultProxy proxy = FaultProxy.start("127.0.0.1", nginx.port());
             FaultSession s = new FaultSession("play, reset", proxy.proxiedUrl(nginx.appUrl("live")),
                     RtmpOptions.DEFAULTS)) {
            proxy.setBandwidthLimit(Direction.DOWN, 30_000);
            s.play("reset");
            s.await("NetStream.Buffer.Full", Duration.ofSeconds(15));
            long resetAt = reset(proxy);
            NetStatusEvent closed = s.await("NetConnection.Connect.Closed", Duration.ofSeconds(5));
            s.print();
            assertFast(resetAt, closed);
            assertEquals(List.of("NetConnection.Connect.Success", "NetConnection.Connect.Closed"), connectionCodes(s));
            assertTrue(closed.description().contains("reset") || closed.description().contains("closed"),
                    closed.description());
            assertEquals(0, s.count("NetStreamFX.Connect.Stalled"));
            assertTrue(s.escaped.isEmpty(), s.escaped.toString());
        }
    }

    @Test
    void playResetWithReconnectPlaysAgain() throws Exception {
        try (FaultProxy proxy = FaultProxy.start("127.0.0.1", nginx.port());
             FaultSession s = new FaultSession("play, reset, reconnect", proxy.proxiedUrl(nginx.appUrl("live")),
                     RtmpOptions.DEFAULTS.withReconnect(ReconnectPolicy.tries(3)))) {
            proxy.setBandwidthLimit(Direction.DOWN, 30_000);
            s.play("reset");
            s.await("NetStream.Buffer.Full", Duration.ofSeconds(15));
            reset(proxy);
            s.await("NetStreamFX.Connect.Reconnected", Duration.ofSeconds(10));
            int framesBefore = s.renderedPtsUs.size();
            s.awaitTrue("frames again", Duration.ofSeconds(10), () -> s.renderedPtsUs.size() > framesBefore + 5);
            s.print();
            assertEquals(List.of("NetConnection.Connect.Success", "NetStreamFX.Connect.Reconnecting",
                    "NetStreamFX.Connect.Reconnected"), connectionCodes(s));
        }
    }

    @Test
    void publishResetIsConnectClosedAtOnce() throws Exception {
        try (FaultProxy proxy = FaultProxy.start("127.0.0.1", nginx.port());
             FaultSession s = new FaultSession("publish, reset", proxy.proxiedUrl(nginx.appUrl("live")),
                     RtmpOptions.DEFAULTS)) {
            proxy.setBandwidthLimit(Direction.UP, 30_000);
            s.publish("reset-pub1");
            s.await("NetStream.Publish.Start", Duration.ofSeconds(15));
            s.awaitTrue("some media sent", Duration.ofSeconds(10), () -> proxy.bytes(Direction.UP) > 20_000);
            long resetAt = reset(proxy);
            NetStatusEvent closed = s.await("NetConnection.Connect.Closed", Duration.ofSeconds(5));
            s.print();
            assertFast(resetAt, closed);
            assertEquals(List.of("NetConnection.Connect.Success", "NetConnection.Connect.Closed"), connectionCodes(s));
            assertEquals(List.of("NetConnection.Connect.Success", "NetStream.Publish.Start"), s.codes().subList(0, 2));
            assertFalse(s.codes().contains("NetStreamFX.Publish.Stalled"), s.codes().toString());
        }
    }

    @Test
    void publishResetWithReconnectPublishesAgain() throws Exception {
        try (FaultProxy proxy = FaultProxy.start("127.0.0.1", nginx.port());
             FaultSession s = new FaultSession("publish, reset, reconnect", proxy.proxiedUrl(nginx.appUrl("live")),
                     RtmpOptions.DEFAULTS.withReconnect(ReconnectPolicy.tries(3)))) {
            proxy.setBandwidthLimit(Direction.UP, 30_000);
            s.publish("reset-pub2");
            s.await("NetStream.Publish.Start", Duration.ofSeconds(15));
            s.awaitTrue("some media sent", Duration.ofSeconds(10), () -> proxy.bytes(Direction.UP) > 20_000);
            reset(proxy);
            s.await("NetStreamFX.Connect.Reconnected", Duration.ofSeconds(10));
            s.await("NetStream.Publish.Start", 2, Duration.ofSeconds(15));
            s.print();
            assertEquals(List.of("NetConnection.Connect.Success", "NetStreamFX.Connect.Reconnecting",
                    "NetStreamFX.Connect.Reconnected"), connectionCodes(s));
        }
    }

    private static long reset(FaultProxy proxy) {
        long at = System.nanoTime();
        assertEquals(1, proxy.dropNow(), "one connection reset");
        return at;
    }

    private static void assertFast(long resetAtNanos, NetStatusEvent closed) {
        long ms = (closed.monotonicNanos() - resetAtNanos) / 1_000_000;
        System.out.println("Connect.Closed " + ms + " ms after the reset: " + closed.description());
        assertTrue(ms < 2000, "Connect.Closed " + ms + " ms after the reset");
    }

    private static List<String> connectionCodes(FaultSession s) {
        return s.codes().stream().filter(c -> c.startsWith("NetConnection.Connect.")
                || c.startsWith("NetStreamFX.Connect.")).toList();
    }
}
