package org.netstreamfx.e2e.restart;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.netstreamfx.capture.device.CaptureClock;
import org.netstreamfx.capture.device.TestCamera;
import org.netstreamfx.capture.device.ToneMicrophone;
import org.netstreamfx.capture.encode.AacSettings;
import org.netstreamfx.capture.encode.H264Settings;
import org.netstreamfx.capture.feed.CameraFeed;
import org.netstreamfx.capture.feed.MicrophoneFeed;
import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.rtmp.client.ReconnectPolicy;

/** Our engine publishing the test camera (320x240, 25 fps, a keyframe a second) and the tone, its events in one log. */
final class PublishClient implements AutoCloseable {
    private final ExecutorService callbacks = Executors.newSingleThreadExecutor();
    final NetConnection nc = new NetConnection(callbacks);
    final NetStream ns;
    final EventLog log;

    PublishClient(String name, String appUrl, int reconnectTries) throws InterruptedException {
        log = new EventLog(name);
        if (reconnectTries > 0) {
            nc.setRtmpOptions(nc.rtmpOptions().withReconnect(ReconnectPolicy.tries(reconnectTries)));
        }
        nc.addNetStatusListener(log::add);
        nc.connect(appUrl);
        log.awaitCode("NetConnection.Connect.Success", Duration.ofSeconds(15));
        ns = new NetStream(nc);
        ns.addNetStatusListener(log::add);
        CaptureClock clock = CaptureClock.system();
        ns.attachCamera(new CameraFeed(new TestCamera(), H264Settings.of(320, 240, 25, 400).withKeyframeInterval(1),
                clock));
        ns.attachAudio(new MicrophoneFeed(new ToneMicrophone(), new AacSettings(44_100, 2, 96), clock));
    }

    @Override
    public void close() {
        ns.close();
        nc.close();
        callbacks.shutdown();
    }
}
