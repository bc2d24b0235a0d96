package org.netstreamfx.player.net;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.netstreamfx.player.clock.TimeSource;
import org.netstreamfx.player.health.HealthAnalyzer;
import org.netstreamfx.player.health.HealthReport;
import org.netstreamfx.player.health.HealthTap;
import org.netstreamfx.player.health.Profile;
import org.netstreamfx.player.playback.CoreEvent;
import org.netstreamfx.player.playback.PipelineTap;
import org.netstreamfx.player.publish.PublishHealth;
import org.netstreamfx.player.publish.Publisher;
import org.netstreamfx.player.session.Snapshot;

/**
 * A NetStream's stream health analysis: for each play, a fresh {@link HealthAnalyzer} on the
 * pipeline's tap whose findings become {@code NetStreamFX.Health.*} events ({@link HealthStatus});
 * while publishing, the publisher's analysis of what it sends ({@link PublishHealth}, whose
 * findings come as publish events to the same effect); the current one's report on demand. The delivery rules hear from the stream itself: its
 * Buffer.Empty and Buffer.Full, its first picture, its playhead and the connection's reconnects
 * (a play made again after a reconnect carries the count on; a new play starts it at 0).
 *
 * <p>Thread ownership: the hooks come from the playback and stream threads; what they share is
 * atomic or volatile, and the analyzer is synchronized.
 */
final class StreamHealth {
    private final Consumer<NetStatusEvent> events;
    private final TimeSource time;
    /** Whether plays go at real-time pace: only then is the time to the first picture the stream's. */
    private final BooleanSupplier realTime;
    private final AtomicReference<HealthAnalyzer> latest = new AtomicReference<>();
    private final Supplier<Publisher> publisher;
    /** The analyzer whose play has shown its first picture. */
    private volatile HealthAnalyzer framed;
    /** Reconnects since the user's play began. */
    private volatile int reconnects;
    /** Set by a reconnect: the next play is the same one made again, its count goes on. */
    private volatile boolean replaying;

    StreamHealth(Consumer<NetStatusEvent> events, TimeSource time, BooleanSupplier realTime,
                 Supplier<Publisher> publisher) {
        this.events = events;
        this.time = time;
        this.realTime = realTime;
        this.publisher = publisher;
    }

    /**
     * Analyses against {@code profile} what is published from now on, and returns what makes each
     * play's tap for it; null for null (no analysis).
     */
    Supplier<PipelineTap> use(Profile profile) {
        publisher.get().health().use(profile);
        if (profile == null) {
            return null;
        }
        return () -> {
            HealthAnalyzer analyzer = new HealthAnalyzer(profile, f -> events.accept(HealthStatus.event(f,
                    time.nanoTime())));
            analyzer.playStarted(time.nanoTime(), realTime.getAsBoolean());
            if (replaying) {
                replaying = false;
                analyzer.reconnects(reconnects);
            } else {
                reconnects = 0;
            }
            latest.set(analyzer);
            return new HealthTap(analyzer, time);
        };
    }

    /** A transition of the playback: Buffer.Empty and Buffer.Full are stalls beginning and ending. */
    void transition(CoreEvent event) {
        HealthAnalyzer a = latest.get();
        if (a == null) {
            return;
        }
        if (event instanceof CoreEvent.BufferEmpty) {
            a.bufferEmpty(time.nanoTime());
        } else if (event instanceof CoreEvent.BufferFull) {
            a.bufferFull(time.nanoTime());
        }
    }

    /** A picture is shown: the first of the play is its time to first frame. */
    void rendered() {
        HealthAnalyzer a = latest.get();
        if (a != null && a != framed) {
            framed = a;
            a.firstFrame(time.nanoTime());
        }
    }

    /** The playback's latest figures: its playhead, for the live latency and an ongoing stall. */
    void playhead(Snapshot s) {
        HealthAnalyzer a = latest.get();
        if (a != null) {
            a.playhead(s.timeUs(), time.nanoTime());
        }
    }

    /** The connection came back and the play is about to be made again. */
    void reconnected() {
        reconnects++;
        replaying = true;
    }

    /** While publishing, the analysis of what is sent; else the latest play's; null when none ran. */
    HealthReport report() {
        Publisher p = publisher.get();
        if (p.publishing()) {
            return p.health().report();
        }
        HealthAnalyzer a = latest.get();
        return a == null ? null : a.report();
    }
}
