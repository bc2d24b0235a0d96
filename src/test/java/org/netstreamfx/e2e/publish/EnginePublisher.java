package org.netstreamfx.e2e.publish;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.netstreamfx.capture.device.CaptureClock;
import org.netstreamfx.capture.device.TestCamera;
import org.netstreamfx.capture.device.ToneMicrophone;
import org.netstreamfx.capture.encode.AacSettings;
import org.netstreamfx.capture.encode.H264Settings;
import org.netstreamfx.capture.encode.VideoEncoders;
import org.netstreamfx.capture.feed.CameraFeed;
import org.netstreamfx.capture.feed.MicrophoneFeed;
import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.publish.FeedCodec;
import org.netstreamfx.player.rtmp.client.RtmpOptions;

/** Our engine publishing the test camera and the tone microphone, with every event recorded. */
final class EnginePublisher implements AutoCloseable {
    final NetConnection nc = new NetConnection();
    final NetStream ns;
    final List<NetStatusEvent> connectionEvents = new CopyOnWriteArrayList<>();
    final List<NetStatusEvent> events = new CopyOnWriteArrayList<>();
    /** Pictures the camera has handed to its encoder: the publisher's media clock, counted by event. */
    final AtomicLong framesCaptured = new AtomicLong();

    /** Connects to {@code appUrl} and attaches a {@code width}x{@code height}@{@code fps} test camera and the tone. */
    EnginePublisher(String appUrl, int width, int height, int fps) throws InterruptedException {
        this(appUrl, width, height, fps, RtmpOptions.DEFAULTS, 600, 1);
    }

    /** The same with these RTMP options (e.g. reconnection). */
    EnginePublisher(String appUrl, int width, int height, int fps, RtmpOptions options, int videoKbps, double keyintS)
            throws InterruptedException {
        this(appUrl, width, height, fps, options, videoKbps, keyintS, CaptureClock.system());
    }

    /**
     * The same with the camera and the tone on {@code clock}, so a test can read the frame
     * counter's capture times (a {@link org.netstreamfx.capture.device.LoopbackDelayMeter}).
     */
    EnginePublisher(String appUrl, int width, int height, int fps, RtmpOptions options, int videoKbps, double keyintS,
            CaptureClock clock) throws InterruptedException {
        this(appUrl, options, () -> new CameraFeed(new TestCamera(), H264Settings.of(width, height, fps, videoKbps)
                .withKeyframeInterval(keyintS), clock),
                () -> new MicrophoneFeed(new ToneMicrophone(), new AacSettings(44_100, 2, 96), clock));
    }

    /**
     * Publishing {@code video} (with the encoder {@link VideoEncoders#AUTO} picks, a keyframe a
     * second) and {@code audio} (AAC or Opus, 48 kHz stereo) instead of H.264 and AAC.
     */
    static EnginePublisher publishing(String appUrl, int width, int height, int fps, FeedCodec video, FeedCodec audio)
            throws InterruptedException {
        CaptureClock clock = CaptureClock.system();
        return new EnginePublisher(appUrl, RtmpOptions.DEFAULTS, () -> new CameraFeed(new TestCamera(),
                H264Settings.of(width, height, fps, 600).withKeyframeInterval(1), video, VideoEncoders.AUTO, clock),
                () -> new MicrophoneFeed(new ToneMicrophone(), new AacSettings(48_000, 2, 64), audio, clock));
    }

    /** Connects, then attaches the feeds {@code camera} and {@code microphone} make. */
    private EnginePublisher(String appUrl, RtmpOptions options, Supplier<CameraFeed> camera,
            Supplier<MicrophoneFeed> microphone) throws InterruptedException {
        nc.setRtmpOptions(options);
        CountDownLatch connected = new CountDownLatch(1);
        nc.addNetStatusListener(e -> {
            connectionEvents.add(e);
            connected.countDown();
        });
        nc.connect(appUrl);
        if (!connected.await(15, TimeUnit.SECONDS) || !nc.connected()) {
            throw new AssertionError("not connected to " + appUrl + ": " + connectionEvents);
        }
        ns = new NetStream(nc);
        ns.addNetStatusListener(events::add);
        CameraFeed feed = camera.get();
        feed.setFrameObserver(f -> framesCaptured.incrementAndGet());
        ns.attachCamera(feed);
        ns.attachAudio(microphone.get());
    }

    long count(String code) {
        return codes().stream().filter(code::equals).count();
    }

    List<String> codes() {
        return events.stream().map(NetStatusEvent::code).toList();
    }

    /** Waits until an event with {@code code} has come. */
    NetStatusEvent await(String code, Duration limit) throws InterruptedException {
        awaitTrue("the event " + code, limit, () -> codes().contains(code));
        return events.stream().filter(e -> e.code().equals(code)).findFirst().orElseThrow();
    }

    /**
     * Waits until the camera has captured {@code frames} more pictures than now: media time passing on
     * the publisher's own clock, for a test that needs some seconds of stream (or a witness that time
     * has passed while something else did not happen).
     */
    void awaitMoreFrames(long frames, Duration limit) throws InterruptedException {
        long target = framesCaptured.get() + frames;
        awaitTrue(frames + " more captured pictures (" + framesCaptured.get() + " of " + target + ")", limit,
                () -> framesCaptured.get() >= target);
    }

    void awaitTrue(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + limit + " waiting for " + what + "; saw " + codes()
                        + " / connection " + connectionEvents);
            }
            Thread.sleep(20);
        }
    }

    /** Closes the stream and waits until its feeds have stopped and its recording has finished, then the connection. */
    @Override
    public void close() {
        try {
            ns.close().toCompletableFuture().get(CLOSE_WAIT_S, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the stream did not close within " + CLOSE_WAIT_S + " s", e);
        } finally {
            nc.close();
        }
    }

    /** How long {@link #close()} waits for the stream's close. */
    private static final long CLOSE_WAIT_S = 15;
}
