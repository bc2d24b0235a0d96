package org.netstreamfx.e2e.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.net.NetStreamClient;
import org.netstreamfx.player.net.NetStreamInfo;
import org.netstreamfx.player.sink.NullAudioSink;
import org.netstreamfx.player.sink.VideoFrame;

/**
 * Plays one address through a real NetConnection/NetStream and records what a user would see:
 * every status code in order, the client callbacks, the frames rendered and the final info().
 * Exceptions thrown on any thread during the run are collected: none may escape.
 */
public final class EngineRun implements AutoCloseable {
    private final ExecutorService callbacks = Executors.newSingleThreadExecutor();
    private final NetConnection nc = new NetConnection(callbacks);
    public final NetStream ns;
    public final List<NetStatusEvent> events = new CopyOnWriteArrayList<>();
    /** Status codes and client callbacks in the order the listener saw them ("onMetaData", "onPlayStatus:…"). */
    public final List<String> sequence = new CopyOnWriteArrayList<>();
    public final List<Map<String, Object>> metaData = new CopyOnWriteArrayList<>();
    public final List<Map<String, Object>> cuePoints = new CopyOnWriteArrayList<>();
    public final List<Long> renderedPtsUs = Collections.synchronizedList(new ArrayList<>());
    /** Each rendered picture's size, "WxH", in the order shown. */
    public final List<String> renderedSizes = new CopyOnWriteArrayList<>();
    public final List<Throwable> escaped = new CopyOnWriteArrayList<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread.UncaughtExceptionHandler previous;
    private long startNanos;
    public long firstEventNanos;

    /** Connection-level events (NetConnection.*), in order. */
    public final List<NetStatusEvent> connectionEvents = new CopyOnWriteArrayList<>();

    public EngineRun(boolean fast) {
        this(fast, null);
    }

    /**
     * A run on {@code connectTo}: null for files and http(s), or an rtmp(s)://host:port/app
     * address, in which case the constructor waits for Connect.Success (or fails with what came).
     */
    public EngineRun(boolean fast, String connectTo) {
        previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> escaped.add(e));
        CountDownLatch connected = new CountDownLatch(1);
        nc.addNetStatusListener(e -> {
            connectionEvents.add(e);
            if (e.code().startsWith("NetConnection.Connect.")) {
                connected.countDown();
            }
        });
        nc.connect(connectTo);
        try {
            if (!connected.await(15, TimeUnit.SECONDS)) {
                throw new AssertionError("no NetConnection.Connect.* event within 15 s for " + connectTo);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        ns = new NetStream(nc);
        ns.setAudioSink(new NullAudioSink());
        ns.setPacing(fast ? NetStream.Pacing.AS_FAST_AS_POSSIBLE : NetStream.Pacing.REAL_TIME);
        ns.setVideoSink(new org.netstreamfx.player.sink.VideoSink() {
            @Override
            public void render(VideoFrame frame) {
                renderedPtsUs.add(frame.ptsUs());
                renderedSizes.add(frame.width() + "x" + frame.height());
            }
        });
        ns.setClient(new NetStreamClient() {
            @Override
            public void onMetaData(Map<String, Object> info) {
                metaData.add(info);
                sequence.add("onMetaData");
            }

            @Override
            public void onCuePoint(Map<String, Object> info) {
                cuePoints.add(info);
                sequence.add("onCuePoint");
            }

            @Override
            public void onPlayStatus(Map<String, Object> info) {
                sequence.add("onPlayStatus:" + info.get("code"));
                if ("NetStream.Play.Complete".equals(info.get("code"))) {
                    finished.countDown();
                }
            }
        });
        ns.addNetStatusListener(e -> {
            if (events.isEmpty()) {
                firstEventNanos = System.nanoTime();
            }
            events.add(e);
            sequence.add(e.code());
            if (e.isError()) {
                finished.countDown();
            }
        });
    }

    /** Plays {@code address} and waits for Play.Complete or an error event. */
    public EngineRun play(String address, Duration timeout) throws InterruptedException {
        return play(address, timeout, ns -> { });
    }

    public EngineRun play(String address, Duration timeout, Consumer<NetStream> afterPlay) throws InterruptedException {
        startNanos = System.nanoTime();
        ns.play(address);
        afterPlay.accept(ns);
        if (!finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("no Play.Complete or error within " + timeout + "; saw " + sequence);
        }
        drainCallbacks();
        return this;
    }

    /** Waits until every callback queued so far has run. */
    public void drainCallbacks() throws InterruptedException {
        try {
            callbacks.submit(() -> { }).get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    public NetStreamInfo info() {
        return ns.info();
    }

    public List<String> codes() {
        return events.stream().map(NetStatusEvent::code).toList();
    }

    public NetStatusEvent first(String code) {
        return events.stream().filter(e -> e.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + sequence));
    }

    public double secondsToFirstEvent() {
        return (firstEventNanos - startNanos) / 1e9;
    }

    @Override
    public void close() {
        ns.close();
        nc.close();
        callbacks.shutdown();
        Thread.setDefaultUncaughtExceptionHandler(previous);
    }
}
