package org.netstreamfx.e2e.restart;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.rtmp.client.ReconnectPolicy;
import org.netstreamfx.player.sink.NullAudioSink;
import org.netstreamfx.player.sink.VideoFrame;
import org.netstreamfx.player.sink.VideoSink;

/** Our engine playing one live stream, reconnecting or not, its events in one log and its pictures counted. */
final class PlayClient implements AutoCloseable {
    private final ExecutorService callbacks = Executors.newSingleThreadExecutor();
    final NetConnection nc = new NetConnection(callbacks);
    final NetStream ns;
    final EventLog log;
    final AtomicLong pictures = new AtomicLong();

    /** Connects to {@code appUrl} ({@code reconnectTries} 0: no reconnect) and waits for Connect.Success. */
    PlayClient(String name, String appUrl, int reconnectTries) throws InterruptedException {
        log = new EventLog(name);
        if (reconnectTries > 0) {
            nc.setRtmpOptions(nc.rtmpOptions().withReconnect(ReconnectPolicy.tries(reconnectTries)));
        }
        nc.addNetStatusListener(log::add);
        nc.connect(appUrl);
        log.awaitCode("NetConnection.Connect.Success", Duration.ofSeconds(15));
        ns = new NetStream(nc);
        ns.addNetStatusListener(log::add);
        ns.setAudioSink(new NullAudioSink());
        ns.setVideoSink(new VideoSink() {
            @Override
            public void render(VideoFrame frame) {
                pictures.incrementAndGet();
            }
        });
    }

    /** Waits until {@code n} more pictures than now have been shown. */
    void awaitMorePictures(long n, Duration limit) throws InterruptedException {
        long target = pictures.get() + n;
        log.await(n + " more pictures (" + pictures.get() + " shown so far)", limit, () -> pictures.get() >= target);
    }

    @Override
    public void close() {
        ns.close();
        nc.close();
        callbacks.shutdown();
    }
}
