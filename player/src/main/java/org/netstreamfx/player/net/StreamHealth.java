package org.netstreamfx.player.net;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.netstreamfx.player.clock.TimeSource;
import org.netstreamfx.player.health.HealthAnalyzer;
import org.netstreamfx.player.health.HealthReport;
import org.netstreamfx.player.health.HealthTap;
import org.netstreamfx.player.health.Profile;
import org.netstreamfx.player.playback.PipelineTap;
import org.netstreamfx.player.publish.PublishHealth;
import org.netstreamfx.player.publish.Publisher;

/**
 * A NetStream's stream health analysis: for each play, a fresh {@link HealthAnalyzer} on the
 * pipeline's tap whose findings become {@code NetStreamFX.Health.*} events ({@link HealthStatus});
 * while publishing, the publisher's analysis of what it sends ({@link PublishHealth}, whose
 * findings come as publish events to the same effect); the current one's report on demand.
 */
final class StreamHealth {
    private final Consumer<NetStatusEvent> events;
    private final TimeSource time;
    private final AtomicReference<HealthAnalyzer> latest = new AtomicReference<>();
    private final Publisher publisher;

    StreamHealth(Consumer<NetStatusEvent> events, TimeSource time, Publisher publisher) {
        this.events = events;
        this.time = time;
        this.publisher = publisher;
    }

    /**
     * Analyses against {@code profile} what is published from now on, and returns what makes each
     * play's tap for it; null for null (no analysis).
     */
    Supplier<PipelineTap> use(Profile profile) {
        publisher.health().use(profile);
        if (profile == null) {
            return null;
        }
        return () -> {
            HealthAnalyzer analyzer = new HealthAnalyzer(profile, f -> events.accept(HealthStatus.event(f,
                    time.nanoTime())));
            latest.set(analyzer);
            return new HealthTap(analyzer, time);
        };
    }

    /** While publishing, the analysis of what is sent; else the latest play's; null when none ran. */
    HealthReport report() {
        if (publisher.publishing()) {
            return publisher.health().report();
        }
        HealthAnalyzer a = latest.get();
        return a == null ? null : a.report();
    }
}
