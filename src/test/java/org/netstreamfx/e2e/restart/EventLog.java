package org.netstreamfx.e2e.restart;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.netstreamfx.player.net.NetStatusEvent;

/**
 * The NetConnection and NetStream events of one client in the order they were raised, each with
 * its time from an origin (the kill), printed as the test's event sequence.
 */
final class EventLog {
    private final String name;
    private final List<NetStatusEvent> events = new CopyOnWriteArrayList<>();
    private volatile long originNanos = System.nanoTime();

    EventLog(String name) {
        this.name = name;
    }

    void add(NetStatusEvent e) {
        events.add(e);
    }

    /** Times are printed from now on (e.g. the kill). */
    void originNow() {
        originNanos = System.nanoTime();
    }

    long originNanos() {
        return originNanos;
    }

    /** The codes, in the order raised, without the Buffer.Empty/Full of a live edge. */
    List<String> codes() {
        return sorted().stream().map(NetStatusEvent::code).filter(c -> !c.startsWith("NetStream.Buffer.")).toList();
    }

    /** {@link #codes()} raised after the origin (the kill). */
    List<String> codesSinceOrigin() {
        return sorted().stream().filter(e -> e.monotonicNanos() >= originNanos).map(NetStatusEvent::code)
                .filter(c -> !c.startsWith("NetStream.Buffer.")).toList();
    }

    List<NetStatusEvent> sorted() {
        List<NetStatusEvent> l = new ArrayList<>(events);
        l.sort(Comparator.comparingLong(NetStatusEvent::monotonicNanos));
        return l;
    }

    /** The first event with {@code code}, or null. */
    NetStatusEvent first(String code) {
        return sorted().stream().filter(e -> e.code().equals(code)).findFirst().orElse(null);
    }

    /** Seconds from the origin to the first {@code code}; NaN if none came. */
    double secondsTo(String code) {
        NetStatusEvent e = first(code);
        return e == null ? Double.NaN : (e.monotonicNanos() - originNanos) / 1e9;
    }

    long count(String code) {
        return events.stream().filter(e -> e.code().equals(code)).count();
    }

    /** Waits (polling every 20 ms) until {@code condition}, or fails with the events seen. */
    void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + ": timed out after " + limit.toSeconds() + " s waiting for " + what
                        + "\n" + this);
            }
            Thread.sleep(20);
        }
    }

    void awaitCode(String code, Duration limit) throws InterruptedException {
        await(code, limit, () -> first(code) != null);
    }

    /** The sequence, one event a line: seconds from the origin, code, description. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(name).append(" events (s from the kill):\n");
        for (NetStatusEvent e : sorted()) {
            b.append(String.format(Locale.ROOT, "  %+7.2f  %-40s %s%n", (e.monotonicNanos() - originNanos) / 1e9,
                    e.code(), e.description()));
        }
        return b.toString();
    }
}
