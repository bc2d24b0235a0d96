package org.netstreamfx.player.net;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import org.netstreamfx.player.sink.VideoFrame;
import org.netstreamfx.player.sink.VideoSink;

/**
 * One NetStream playing a real file in real time into a {@link WallClockDeviceSink}, with what
 * was seen (each frame's time and when it was shown) and heard (the beeps' starts), and waits
 * that wake on events, never on sleeps.
 */
final class PlayedMedia implements AutoCloseable {
    /** A frame shown: its time and when (System.nanoTime). */
    record Shown(long ptsUs, long atNanos) {
    }

    private final ExecutorService callbacks = Executors.newSingleThreadExecutor();
    final NetConnection nc = new NetConnection(callbacks);
    final NetStream ns;
    final WallClockDeviceSink sound = new WallClockDeviceSink(100);
    final List<Shown> shown = new CopyOnWriteArrayList<>();
    final List<NetStatusEvent> events = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();

    PlayedMedia() {
        nc.connect(null);
        ns = new NetStream(nc);
        ns.setAudioSink(sound);
        ns.setVideoSink(new VideoSink() {
            @Override
            public void render(VideoFrame frame) {
                shown.add(new Shown(frame.ptsUs(), System.nanoTime()));
                synchronized (lock) {
                    lock.notifyAll();
                }
            }
        });
        ns.addNetStatusListener(e -> {
            events.add(e);
            synchronized (lock) {
                lock.notifyAll();
            }
        });
    }

    List<String> codes() {
        return events.stream().map(NetStatusEvent::code).toList();
    }

    /** Waits until a frame whose time passes {@code test} is shown; returns it. */
    Shown awaitFrame(LongPredicate test, long timeoutMs) throws InterruptedException {
        return awaitFrameFrom(0, test, timeoutMs);
    }

    /** Waits until a frame whose time passes {@code test} is shown, at or after the {@code from}-th shown. */
    Shown awaitFrameFrom(int from, LongPredicate test, long timeoutMs) throws InterruptedException {
        long end = System.nanoTime() + timeoutMs * 1_000_000L;
        synchronized (lock) {
            while (true) {
                for (Shown s : shown.subList(Math.min(from, shown.size()), shown.size())) {
                    if (test.test(s.ptsUs())) {
                        return s;
                    }
                }
                long left = (end - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    throw new AssertionError("no such frame within " + timeoutMs + " ms; last shown: "
                            + (shown.isEmpty() ? "none" : shown.get(shown.size() - 1)) + "; events " + codes());
                }
                lock.wait(left);
            }
        }
    }

    /** Waits for the {@code n}-th event with {@code code} (1 = the first); returns it. */
    NetStatusEvent awaitEvent(String code, int n, long timeoutMs) throws InterruptedException {
        long end = System.nanoTime() + timeoutMs * 1_000_000L;
        synchronized (lock) {
            while (true) {
                List<NetStatusEvent> seen = events.stream().filter(e -> e.code().equals(code)).toList();
                if (seen.size() >= n) {
                    return seen.get(n - 1);
                }
                long left = (end - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    throw new AssertionError("no " + code + " #" + n + " within " + timeoutMs + " ms; saw " + codes());
                }
                lock.wait(left);
            }
        }
    }

    /** Waits until the callbacks queued so far have run (the listener saw every event raised before). */
    void drain() throws Exception {
        callbacks.submit(() -> { }).get(5, TimeUnit.SECONDS);
    }

    Shown lastShown() {
        return shown.get(shown.size() - 1);
    }

    /**
     * When the frame at {@code us} was shown, or, if it was skipped (the rate outran the frame
     * rate), when it was due: the first frame shown after it, corrected back by the rate.
     */
    long shownAtNanos(long us, double rate) {
        for (Shown s : shown) {
            if (s.ptsUs() >= us && s.ptsUs() < us + 500_000) {
                return s.atNanos() - Math.round((s.ptsUs() - us) * 1000 / rate);
            }
        }
        throw new AssertionError("no frame shown at " + us / 1e6 + " s");
    }

    /**
     * The frames of the sound heard (in {@link WallClockDeviceSink#pcm}) where a beep starts after
     * at least 5 ms of silence, from frame {@code from} on: where it first reaches half its level
     * (a time stretch cross-fades its windows, so a beep slowed down fades in over up to one
     * window, its first quiet samples ahead of where the beep belongs).
     */
    List<Long> beepStarts(long from) {
        byte[] pcm = sound.pcm();
        int ch = sound.channels();
        int quietNeeded = sound.sampleRate() / 200;
        List<Long> starts = new ArrayList<>();
        int quiet = 0;
        for (long i = from; i < pcm.length / (2L * ch); i++) {
            int o = (int) (i * ch * 2);
            int s = Math.abs((short) ((pcm[o] & 0xFF) | (pcm[o + 1] << 8)));
            if (s < 300) {
                quiet++;
            } else {
                if (s > 8000 && quiet >= quietNeeded) {
                    starts.add(i);
                }
                if (s > 8000) {
                    quiet = 0;
                }
            }
        }
        return starts;
    }

    /**
     * Of the beeps that start at {@code beeps} (frames of the sound heard), the one heard nearest
     * to {@code nanos}: the beep that belongs to the frame shown then (beeps are at least 250 ms of
     * wall time apart at 4 x; one cut off at the start, by a device that started late, is not
     * counted by order).
     */
    long beepNear(List<Long> beeps, long nanos) {
        long best = -1;
        long bestDistance = Long.MAX_VALUE;
        for (long b : beeps) {
            long d = Math.abs(sound.heardAtNanos(b) - nanos);
            if (d < bestDistance) {
                bestDistance = d;
                best = b;
            }
        }
        if (best < 0) {
            throw new AssertionError("no beep heard");
        }
        return best;
    }

    /** Rising zero crossings per second of channel 0 over {@code frames} frames from {@code from}. */
    double frequency(long from, int frames) {
        byte[] pcm = sound.pcm();
        int ch = sound.channels();
        int crossings = 0;
        short prev = 0;
        for (long i = from; i < from + frames; i++) {
            int o = (int) (i * ch * 2);
            short s = (short) ((pcm[o] & 0xFF) | (pcm[o + 1] << 8));
            if (prev < 0 && s >= 0) {
                crossings++;
            }
            prev = s;
        }
        return crossings / ((double) frames / sound.sampleRate());
    }

    long pcmFrames() {
        return sound.pcm().length / (2L * sound.channels());
    }

    /** Waits until the stream has played to its end. */
    void awaitComplete(long timeoutMs) throws InterruptedException {
        awaitEvent("NetStream.Play.Stop", 1, timeoutMs);
    }


    @Override
    public void close() {
        ns.close();
        nc.close();
        callbacks.shutdown();
    }
}
