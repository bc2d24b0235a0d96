package org.netstreamfx.player.rtmp.client;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.NetStatusListener;

/** Collects NetStatus events (on the callback thread) for a test to wait on. */
final class Events implements NetStatusListener {
    private final LinkedBlockingQueue<NetStatusEvent> queue = new LinkedBlockingQueue<>();
    private final List<NetStatusEvent> all = new ArrayList<>();
    final List<String> threads = new ArrayList<>();

    @Override
    public void onNetStatus(NetStatusEvent e) {
        synchronized (all) {
            all.add(e);
            threads.add(Thread.currentThread().getName());
            all.notifyAll();
        }
        queue.add(e);
    }

    /** The next event, failing after {@code seconds}. */
    NetStatusEvent next(double seconds) throws InterruptedException {
        NetStatusEvent e = queue.poll((long) (seconds * 1000), TimeUnit.MILLISECONDS);
        if (e == null) {
            fail("no NetStatus event within " + seconds + " s; had " + codes());
        }
        return e;
    }

    /** Waits for an event with {@code code}, skipping others. */
    NetStatusEvent await(String code, double seconds) throws InterruptedException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (true) {
            long left = end - System.nanoTime();
            NetStatusEvent e = queue.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (e == null) {
                fail("no " + code + " within " + seconds + " s; had " + codes());
            }
            if (e.code().equals(code)) {
                return e;
            }
        }
    }

    /**
     * The first event so far or to come with {@code code} that passes {@code test}, whatever came
     * between (the queue {@link #await} reads is left as it is); failing after {@code seconds}.
     */
    NetStatusEvent awaitFirst(String code, java.util.function.Predicate<NetStatusEvent> test, double seconds)
            throws InterruptedException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        synchronized (all) {
            while (true) {
                for (NetStatusEvent e : all) {
                    if (e.code().equals(code) && test.test(e)) {
                        return e;
                    }
                }
                long leftMs = (end - System.nanoTime()) / 1_000_000;
                if (leftMs <= 0) {
                    fail("no such " + code + " within " + seconds + " s; had " + all.stream()
                            .map(e -> e.code() + " " + e.details()).toList());
                }
                all.wait(leftMs);
            }
        }
    }

    /** Nothing more arrives for {@code ms}. */
    NetStatusEvent poll(long ms) throws InterruptedException {
        return queue.poll(ms, TimeUnit.MILLISECONDS);
    }

    /** Each event's description and information, as text: what a listener could show or log. */
    List<String> texts() {
        synchronized (all) {
            return all.stream().map(e -> e.description() + " " + e.info()).toList();
        }
    }

    List<String> codes() {
        synchronized (all) {
            return all.stream().map(NetStatusEvent::code).toList();
        }
    }
}
