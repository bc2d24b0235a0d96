package org.netstreamfx.app.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.netstreamfx.app.DaemonThreads;
import org.netstreamfx.player.health.HealthReport;
import org.netstreamfx.player.health.Profile;
import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetStatusCode;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.rtmp.client.RtmpOptions;
import org.netstreamfx.player.rtmp.client.RtmpUrl;
import org.netstreamfx.player.sink.NullAudioSink;

/**
 * {@code nsfx inspect} by playing: a NetStream with the health profile set plays the address
 * (files as fast as decoding allows, RTMP at its own pace), with no audio device, until the end,
 * an error or {@code durationS} of media; every NetStatus event of the stream and the connection
 * goes to {@code events} on the callback thread. Returns the stream's health report.
 */
final class InspectPlay {
    /** How often the end and the duration are looked at. */
    private static final long POLL_MS = 20;

    private final Profile profile;
    private final Consumer<NetStatusEvent> events;
    private final AtomicBoolean failed = new AtomicBoolean();

    InspectPlay(Profile profile, Consumer<NetStatusEvent> events) {
        this.profile = profile;
        this.events = events;
    }

    /**
     * Loads FFmpeg's libraries before the play begins: a fresh JVM's first decoder open extracts
     * and links them, seconds on a busy machine, which TimeToFirstFrame would blame on the stream.
     */
    private static void loadDecoders() {
        org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.global.avcodec.class);
        org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.global.swscale.class);
        org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.global.swresample.class);
    }

    /** Whether an error-level event (Play.StreamNotFound, Connect.Failed…) ended the play. */
    boolean failed() {
        return failed.get();
    }

    /** A failure before the inspection is done (the close that ends it is none). */
    private void fail(CountDownLatch done) {
        if (done.getCount() > 0) {
            failed.set(true);
            done.countDown();
        }
    }

    HealthReport run(String address, RtmpUrl.PlayAddress rtmp, double durationS) throws Exception {
        loadDecoders();
        ExecutorService callbacks = Executors.newSingleThreadExecutor(r -> DaemonThreads.named(r, "nsfx-inspect-events"));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
                r -> DaemonThreads.named(r, "nsfx-inspect-poll"));
        CountDownLatch done = new CountDownLatch(1);
        NetConnection nc = new NetConnection(callbacks);
        NetStream ns = new NetStream(nc);
        try {
            ns.setAudioSink(new NullAudioSink());
            ns.setPacing(rtmp == null ? NetStream.Pacing.AS_FAST_AS_POSSIBLE : NetStream.Pacing.REAL_TIME);
            ns.setHealthProfile(profile);
            ns.addNetStatusListener(e -> {
                events.accept(e);
                if (e.isError() && !e.code().startsWith(org.netstreamfx.player.health.Rule.CODE_PREFIX)) {
                    fail(done);
                }
                if (e.is(NetStatusCode.NETSTREAM_PLAY_STOP)) {
                    done.countDown();
                }
            });
            ticker.scheduleAtFixedRate(() -> {
                if (ns.ended() || ns.time() >= durationS) {
                    done.countDown();
                }
            }, POLL_MS, POLL_MS, TimeUnit.MILLISECONDS);
            if (rtmp == null) {
                nc.connect(null);
                ns.play(address);
            } else {
                nc.setRtmpOptions(RtmpOptions.DEFAULTS);
                nc.addNetStatusListener(e -> {
                    events.accept(e);
                    if (e.is(NetStatusCode.NETCONNECTION_CONNECT_SUCCESS)) {
                        ns.play(rtmp.streamName());
                    } else if (e.isError() || e.is(NetStatusCode.NETCONNECTION_CONNECT_CLOSED)) {
                        fail(done);
                    }
                });
                nc.connect(rtmp.connection().tcUrl());
            }
            done.await();
            ticker.shutdownNow();
            HealthReport report = ns.healthReport();
            ns.close().toCompletableFuture().get(NsfxCommand.CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            callbacks.submit(() -> { }).get(NsfxCommand.CLOSE_WAIT_SECONDS, TimeUnit.SECONDS); // events delivered
            return report;
        } finally {
            ticker.shutdownNow();
            nc.close();
            DaemonThreads.shutdownAndWait(callbacks);
        }
    }
}
