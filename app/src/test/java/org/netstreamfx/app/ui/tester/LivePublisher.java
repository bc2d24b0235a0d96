package org.netstreamfx.app.ui.tester;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.netstreamfx.capture.device.CaptureClock;
import org.netstreamfx.capture.device.TestCamera;
import org.netstreamfx.capture.device.ToneMicrophone;
import org.netstreamfx.capture.encode.AacSettings;
import org.netstreamfx.capture.encode.H264Settings;
import org.netstreamfx.capture.feed.CameraFeed;
import org.netstreamfx.capture.feed.MicrophoneFeed;
import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetStream;

/** Our engine publishing the test camera (320x180, 25 fps) and the tone, until closed. */
public final class LivePublisher implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final NetConnection nc = new NetConnection();
    private final NetStream ns;

    public LivePublisher(String app, String name) throws InterruptedException {
        List<String> codes = new CopyOnWriteArrayList<>();
        nc.addNetStatusListener(e -> codes.add(e.code()));
        nc.connect(app);
        await(codes, "NetConnection.Connect.Success");
        ns = new NetStream(nc);
        ns.addNetStatusListener(e -> codes.add(e.code()));
        CaptureClock clock = CaptureClock.system();
        ns.attachCamera(new CameraFeed(new TestCamera(), H264Settings.of(320, 180, 25, 400)
                .withKeyframeInterval(1), clock));
        ns.attachAudio(new MicrophoneFeed(new ToneMicrophone(), new AacSettings(44_100, 2, 64), clock));
        ns.publish(name, "live");
        await(codes, "NetStream.Publish.Start");
    }

    private static void await(List<String> codes, String code) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!codes.contains(code)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + code + " while publishing: " + codes);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        ns.close();
        nc.close();
    }
}
