package org.netstreamfx.player.source;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.net.NetStreamClient;
import org.netstreamfx.player.sink.AudioSink;
import org.netstreamfx.player.sink.NullAudioSink;
import org.netstreamfx.player.sink.VideoFrame;
import org.netstreamfx.player.sink.VideoSink;

/**
 * Plays one address through a real NetConnection/NetStream until it has shown what a play of a
 * codec pair must show (Buffer.Full, a decoded picture, decoded sound) or failed, and keeps what
 * it saw: status codes, onMetaData, the pictures' size and the sound's format and amount.
 */
final class PlayCheck implements AutoCloseable {
    private static final String CONNECT = "NetConnection.Connect.";
    private static final String BUFFER_FULL = "NetStream.Buffer.Full";
    private static final int BYTES_PER_SAMPLE = 2;

    final List<NetStatusEvent> events = new CopyOnWriteArrayList<>();
    final List<Map<String, Object>> metaData = new CopyOnWriteArrayList<>();
    final AtomicLong frames = new AtomicLong();
    final AtomicLong samples = new AtomicLong();
    /** The last picture's size, "WxH". */
    volatile String pictureSize = "";
    /** The sound's format as the decoder handed it to the sink, "RATE Hz N ch". */
    volatile String soundFormat = "";
    /** Every picture shown, in order. */
    final List<Picture> pictures = new CopyOnWriteArrayList<>();
    /** Every format the sink was opened with, in order ("RATE Hz N ch"). */
    final List<String> soundFormats = new CopyOnWriteArrayList<>();
    /** Called on the playback thread with each picture, once it is counted. */
    volatile java.util.function.Consumer<Picture> onPicture = p -> { };
    private volatile int channels = 1;
    private final ExecutorService callbacks = Executors.newSingleThreadExecutor();
    private final NetConnection nc = new NetConnection(callbacks);
    private final CountDownLatch done = new CountDownLatch(1);
    private NetStream ns;

    /** Connects to {@code address} (null for files) and waits for the connection's answer. */
    PlayCheck connect(String address, long timeoutMs) throws InterruptedException {
        CountDownLatch connected = new CountDownLatch(1);
        nc.addNetStatusListener(e -> {
            note(e);
            if (e.code().startsWith(CONNECT)) {
                connected.countDown();
            }
        });
        nc.connect(address);
        if (!connected.await(timeoutMs, TimeUnit.MILLISECONDS)) {
            throw new AssertionError("no " + CONNECT + "* within " + timeoutMs + " ms for " + address);
        }
        ns = new NetStream(nc);
        ns.setPacing(NetStream.Pacing.AS_FAST_AS_POSSIBLE);
        ns.setVideoSink(new VideoSink() {
            @Override
            public void render(VideoFrame frame) {
                pictureSize = frame.width() + "x" + frame.height();
                Picture p = new Picture(frame.ptsUs(), pictureSize);
                pictures.add(p);
                frames.incrementAndGet();
                onPicture.accept(p);
                check();
            }
        });
        ns.setAudioSink(countingSink());
        ns.setClient(new NetStreamClient() {
            @Override
            public void onMetaData(Map<String, Object> info) {
                metaData.add(info);
            }
        });
        ns.addNetStatusListener(e -> {
            note(e);
            if (e.isError()) {
                done.countDown();
            }
            check();
        });
        return this;
    }

    /** Plays {@code name} and waits until it is seen to play, or fails, or {@code timeoutMs} passes. */
    PlayCheck play(String name, long timeoutMs) throws InterruptedException {
        ns.play(name);
        if (!done.await(timeoutMs, TimeUnit.MILLISECONDS)) {
            throw new AssertionError("not played within " + timeoutMs + " ms: " + codes() + ", " + frames + " frames, "
                    + samples + " samples");
        }
        // onMetaData is handed to the client on the callback executor: let what is queued run.
        try {
            callbacks.submit(() -> { }).get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError(e);
        }
        return this;
    }

    /** A picture shown: its presentation time and size ("WxH"). */
    record Picture(long ptsUs, String size) { }

    /** The stream played (after {@link #connect}). */
    NetStream stream() {
        return ns;
    }

    /** Waits until an event with {@code code} has come. */
    void await(String code, long timeoutMs) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        synchronized (events) {
            while (codes().stream().noneMatch(code::equals)) {
                long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
                if (left <= 0) {
                    throw new AssertionError("no " + code + " within " + timeoutMs + " ms: " + codes());
                }
                events.wait(left);
            }
        }
    }

    List<String> codes() {
        return events.stream().map(NetStatusEvent::code).toList();
    }

    private void note(NetStatusEvent e) {
        synchronized (events) {
            events.add(e);
            events.notifyAll();
        }
    }

    private void check() {
        boolean full = events.stream().anyMatch(e -> e.code().equals(BUFFER_FULL));
        if (full && frames.get() > 0 && samples.get() > 0) {
            done.countDown();
        }
    }

    /**
     * A sink that plays nothing ({@link NullAudioSink}) and takes every write at once, as a
     * device that plays nothing would, counting the samples and noting the format it is opened with.
     */
    private AudioSink countingSink() {
        AudioSink quiet = new NullAudioSink();
        InvocationHandler counting = (proxy, method, args) -> {
            if (method.getName().equals("open")) {
                channels = Math.max(1, (Integer) args[1]);
                soundFormat = args[0] + " Hz " + args[1] + " ch";
                soundFormats.add(soundFormat);
            } else if (method.getName().equals("write")) {
                samples.addAndGet((Integer) args[2] / (BYTES_PER_SAMPLE * channels));
                check();
            }
            return method.invoke(quiet, args);
        };
        return (AudioSink) Proxy.newProxyInstance(AudioSink.class.getClassLoader(), new Class<?>[] {AudioSink.class},
                counting);
    }

    @Override
    public void close() {
        if (ns != null) {
            ns.close();
        }
        nc.close();
        callbacks.shutdown();
    }
}
