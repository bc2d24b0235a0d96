package org.netstreamfx.e2e.faults;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.netstreamfx.capture.device.CaptureClock;
import org.netstreamfx.capture.device.TestCamera;
import org.netstreamfx.capture.device.ToneMicrophone;
import org.netstreamfx.capture.encode.AacSettings;
import org.netstreamfx.capture.encode.H264Settings;
import org.netstreamfx.capture.feed.CameraFeed;
import org.netstreamfx.capture.feed.MicrophoneFeed;
import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.net.RtmpControlEvent;
import org.netstreamfx.player.rtmp.client.RtmpOptions;
import org.netstreamfx.player.sink.NullAudioSink;
import org.netstreamfx.player.sink.VideoFrame;

/**
 * One NetConnection (with chosen RTMP options) and one NetStream that plays or publishes, every
 * NetStatus event of both kept in the one order the listener executor saw them, and the RTMP
 * control messages. {@link #print} writes the sequence to the test output.
 */
final class FaultSession implements AutoCloseable {
    private final String name;
    private final ExecutorService callbacks;
    final NetConnection nc;
    final NetStream ns;
    final List<NetStatusEvent> events = new CopyOnWriteArrayList<>();
    final List<RtmpControlEvent> controls = new CopyOnWriteArrayList<>();
    final List<Long> renderedPtsUs = new CopyOnWriteArrayList<>();
    final List<Throwable> escaped = new CopyOnWriteArrayList<>();

    /** Connects to {@code appUrl} with {@code options} and waits for the first NetConnection.Connect.* event. */
    FaultSession(String name, String appUrl, RtmpOptions options) throws InterruptedException {
        this.name = name;
        this.callbacks = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-events-" + name));
        this.nc = new NetConnection(callbacks);
        nc.setRtmpOptions(options);
        nc.addNetStatusListener(events::add);
        nc.addRtmpControlListener(controls::add);
        nc.connect(appUrl);
        awaitTrue("a NetConnection.Connect.* event", Duration.ofSeconds(15),
                () -> codes().stream().anyMatch(c -> c.startsWith("NetConnection.Connect.")));
        ns = new NetStream(nc);
        ns.addNetStatusListener(events::add);
    }

    /** Plays {@code stream}: frames counted, no sound device. */
    void play(String stream) {
        ns.setAudioSink(new NullAudioSink());
        ns.setVideoSink(new org.netstreamfx.player.sink.VideoSink() {
            @Override
            public void render(VideoFrame frame) {
                renderedPtsUs.add(frame.ptsUs());
            }
        });
        ns.setBufferTime(0.2);
        ns.play(stream);
    }

    /** Publishes {@code stream} live from the 320x240 test camera at 15 fps and the tone. */
    void publish(String stream) {
        CaptureClock clock = CaptureClock.system();
        ns.attachCamera(new CameraFeed(new TestCamera(), H264Settings.of(320, 240, 15, 300).withKeyframeInterval(1),
                clock));
        ns.attachAudio(new MicrophoneFeed(new ToneMicrophone(), new AacSettings(44_100, 2, 96), clock));
        ns.publish(stream, "live");
    }

    List<String> codes() {
        return events.stream().map(NetStatusEvent::code).toList();
    }

    long count(String code) {
        return codes().stream().filter(code::equals).count();
    }

    /** Waits until the {@code n}th event with {@code code} has come; returns it. */
    NetStatusEvent await(String code, int n, Duration limit) throws InterruptedException {
        awaitTrue(n + " x " + code, limit, () -> count(code) >= n);
        return events.stream().filter(e -> e.code().equals(code)).skip(n - 1).findFirst().orElseThrow();
    }

    NetStatusEvent await(String code, Duration limit) throws InterruptedException {
        return await(code, 1, limit);
    }

    /** The codes of the events from the first {@code code} on. */
    List<String> codesFrom(String code) {
        List<String> all = codes();
        int i = all.indexOf(code);
        return i < 0 ? List.of() : all.subList(i, all.size());
    }

    void awaitTrue(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + ": timed out after " + limit + " waiting for " + what + "; saw "
                        + codes());
            }
            Thread.sleep(10);
        }
    }

    /** Writes the sequence to the test output: each code, its level, and its description. */
    void print() {
        System.out.println("[" + name + "] NetStatus sequence:");
        long t0 = events.isEmpty() ? 0 : events.get(0).monotonicNanos();
        for (NetStatusEvent e : events) {
            System.out.printf("  +%6d ms  %-40s %s%n", (e.monotonicNanos() - t0) / 1_000_000, e.code(),
                    e.description());
        }
    }

    @Override
    public void close() throws InterruptedException {
        ns.close();
        nc.close();
        callbacks.shutdown();
        callbacks.awaitTermination(5, TimeUnit.SECONDS);
    }
}
