package org.netstreamfx.app.bench;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.netstreamfx.player.rtmp.client.Command;
import org.netstreamfx.player.rtmp.client.ConnectFailure;
import org.netstreamfx.player.rtmp.client.RtmpConnection;
import org.netstreamfx.player.rtmp.client.RtmpOptions;
import org.netstreamfx.player.rtmp.client.RtmpPlayStream;
import org.netstreamfx.player.rtmp.client.RtmpUrl;
import org.netstreamfx.player.rtmp.message.RtmpMessage;

/**
 * Our RTMP client alone (RtmpConnection + RtmpPlayStream: socket, handshake, chunk decoding,
 * message dispatch; no demuxing or decoding) playing a live stream, each media message handed to
 * a callback on the connection's thread.
 */
final class RawRtmpPlay implements AutoCloseable {
    private final CountDownLatch playing = new CountDownLatch(1);
    private final AtomicReference<String> error = new AtomicReference<>();
    private final AtomicReference<RtmpPlayStream> play = new AtomicReference<>();
    private final AtomicLong playSentNanos = new AtomicLong();
    private final RtmpConnection conn;
    private final String url;

    /** Connects to {@code url} and plays its stream once connected; {@code media} sees every media message. */
    RawRtmpPlay(String url, Consumer<RtmpMessage> media) {
        this.url = url;
        RtmpUrl.PlayAddress target = RtmpUrl.splitPlay(url, null, null);
        RtmpPlayStream.Events events = new RtmpPlayStream.Events() {
            @Override
            public void status(Map<String, Object> info) {
                if (String.valueOf(info.get("code")).startsWith("NetStream.Play.Start")) {
                    playing.countDown();
                }
            }

            @Override
            public void media(RtmpMessage message) {
                media.accept(message);
            }

            @Override
            public void reset() {
            }

            @Override
            public void end() {
            }

            @Override
            public void failed(String description) {
                fail(description);
            }

            @Override
            public void recorded() {
            }
        };
        RtmpConnection.Listener listener = new RtmpConnection.Listener() {
            @Override
            public void connected(RtmpConnection c, Command result) {
                RtmpPlayStream p = new RtmpPlayStream(c, new RtmpPlayStream.PlayRequest(target.streamName(), -1, -1,
                        true), 0, events);
                play.set(p);
                playSentNanos.set(System.nanoTime());
                p.start();
            }

            @Override
            public void connectFailed(RtmpConnection c, ConnectFailure f) {
                fail("connect failed: " + f);
            }

            @Override
            public void closed(RtmpConnection c, String description, IOException cause) {
            }

            @Override
            public void serverCommand(RtmpConnection c, Command command) {
            }

            @Override
            public void badCommand(RtmpConnection c, String description) {
            }
        };
        conn = new RtmpConnection(target.connection(), RtmpOptions.DEFAULTS, 0, List.of(), listener, 0);
        conn.start();
    }

    private void fail(String description) {
        error.compareAndSet(null, description);
        playing.countDown();
    }

    /** Waits for NetStream.Play.Start; fails on an error. */
    void awaitPlaying(long timeoutMs) throws InterruptedException {
        if (!playing.await(timeoutMs, TimeUnit.MILLISECONDS) || error.get() != null) {
            throw new IllegalStateException("RTMP play of " + url + " did not start: " + error.get());
        }
    }

    /** When the play command was sent ({@link System#nanoTime()}), 0 before. */
    long playSentNanos() {
        return playSentNanos.get();
    }

    @Override
    public void close() {
        RtmpPlayStream p = play.get();
        if (p != null) {
            p.close();
        }
        conn.close();
    }
}
