package org.netstreamfx.app.bench;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.netstreamfx.app.DaemonThreads;
import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetStatusCode;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.net.NetStreamClient;
import org.netstreamfx.player.rtmp.client.RtmpUrl;
import org.netstreamfx.player.sink.NullAudioSink;
import org.netstreamfx.player.sink.VideoFrame;

/**
 * One playback through the engine ({@link NetConnection} + {@link NetStream}) with a
 * {@link NullAudioSink} (or the default, Java Sound) and a video sink that reads one long from every 64-byte line of each
 * BGRA frame (so the pixels are really fetched, as a renderer would).
 */
final class EnginePlayback implements AutoCloseable {
    private final ExecutorService callbacks = Executors.newSingleThreadExecutor(
            r -> DaemonThreads.named(r, "nsfx-bench-events"));
    private final NetConnection nc = new NetConnection(callbacks);
    private final NetStream ns = new NetStream(nc);
    private final CountDownLatch firstFrame = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicLong playNanos = new AtomicLong();
    private final AtomicLong connectNanos = new AtomicLong();
    private final AtomicLong firstFrameNanos = new AtomicLong();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong bufferEmpties = new AtomicLong();
    private final AtomicLong checksum = new AtomicLong();
    private final AtomicReference<String> error = new AtomicReference<>();
    private volatile Consumer<VideoFrame> observer;

    EnginePlayback(boolean fast, double bufferTime) {
        this(fast, bufferTime, false);
    }

    /**
     * @param deviceAudio true: the stream's default audio sink (Java Sound), and playing without
     *                    a device ({@code NetStreamFX.Audio.NoDevice}) is an error; false: a
     *                    {@link NullAudioSink}
     */
    EnginePlayback(boolean fast, double bufferTime, boolean deviceAudio) {
        ns.setPacing(fast ? NetStream.Pacing.AS_FAST_AS_POSSIBLE : NetStream.Pacing.REAL_TIME);
        ns.setBufferTime(bufferTime);
        if (!deviceAudio) {
            ns.setAudioSink(new NullAudioSink());
        }
        ns.setVideoSink(this::render);
        ns.setClient(new NetStreamClient() {
            @Override
            public void onPlayStatus(Map<String, Object> info) {
                if ("NetStream.Play.Complete".equals(info.get("code"))) {
                    done.countDown();
                }
            }
        });
        ns.addNetStatusListener(e -> {
            if (e.is(NetStatusCode.NETSTREAM_BUFFER_EMPTY)) {
                bufferEmpties.incrementAndGet();
            }
            if ((e.isError() && !e.is(NetStatusCode.NETSTREAM_SEEK_INVALIDTIME))
                    || (deviceAudio && e.is(NetStatusCode.NSFX_AUDIO_NODEVICE))) {
                error.compareAndSet(null, e.code() + " " + e.description());
                firstFrame.countDown();
                done.countDown();
            }
        });
    }

    private void render(VideoFrame frame) {
        long now = System.nanoTime();
        if (frames.getAndIncrement() == 0) {
            firstFrameNanos.set(now);
            firstFrame.countDown();
        }
        Consumer<VideoFrame> o = observer;
        if (o != null) {
            o.accept(frame);
        }
        ByteBuffer px = frame.pixels();
        long sum = 0;
        for (int i = px.position(), end = px.limit() - 8; i <= end; i += 64) {
            sum += px.getLong(i);
        }
        checksum.addAndGet(sum);
    }

    /** Hands every frame to {@code o} on the playback thread, before the pixels are read (set before start). */
    void observe(Consumer<VideoFrame> o) {
        observer = o;
    }

    /** Starts playing a file, an http URL or an rtmp:// address (connecting first). */
    void start(String address) {
        if (RtmpUrl.isRtmp(address)) {
            RtmpUrl.PlayAddress target = RtmpUrl.splitPlay(address, null, null);
            nc.addNetStatusListener(e -> {
                if (e.is(NetStatusCode.NETCONNECTION_CONNECT_SUCCESS)) {
                    playNanos.set(System.nanoTime());
                    connectNanos.set(playNanos.get() - connectNanos.get());
                    ns.play(target.streamName());
                } else if (e.isError()) {
                    error.compareAndSet(null, e.code() + " " + e.description());
                    firstFrame.countDown();
                    done.countDown();
                }
            });
            connectNanos.set(System.nanoTime());
            nc.connect(target.connection().tcUrl());
        } else {
            nc.connect(null);
            playNanos.set(System.nanoTime());
            ns.play(address);
        }
    }

    /** Waits for the first frame; returns play() to the first frame in the sink, in milliseconds. */
    double awaitFirstFrameMs(long timeoutMs) throws InterruptedException {
        if (!firstFrame.await(timeoutMs, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("no frame within " + timeoutMs + " ms");
        }
        failIfError();
        return (firstFrameNanos.get() - playNanos.get()) / 1e6;
    }

    /** When the first frame reached the sink ({@link System#nanoTime()}), 0 before. */
    long firstFrameNanos() {
        return firstFrameNanos.get();
    }

    /** For an rtmp:// address, from connect() to Connect.Success, in milliseconds (once connected). */
    double connectMs() {
        return connectNanos.get() / 1e6;
    }

    /** Waits for Play.Complete; returns the seconds from play() to it. */
    double awaitCompleteSeconds(long timeoutMs) throws InterruptedException {
        if (!done.await(timeoutMs, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("playback did not complete within " + timeoutMs + " ms");
        }
        long end = System.nanoTime();
        failIfError();
        return (end - playNanos.get()) / 1e9;
    }

    /** NetStream.Buffer.Empty events so far. */
    long bufferEmpties() {
        return bufferEmpties.get();
    }

    long frames() {
        return frames.get();
    }

    private void failIfError() {
        String e = error.get();
        if (e != null) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            // close() returns at once: wait until the session is released, so the next run starts clean.
            ns.close().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the engine did not close within 5 s: " + e, e);
        }
        nc.close();
        DaemonThreads.shutdownAndWait(callbacks);
    }
}
