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

/**
 * A NetStream's stream health analysis: for each play, a fresh {@link HealthAnalyzer} on the
 * pipeline's tap whose findings become {@code NetStreamFX.Health.*} events ({@link HealthStatus});
 * the latest one's report on demand.
 */
final class StreamHealth {
    private final Consumer<NetStatusEvent> events;
    private final TimeSource time;
    private final AtomicReference<HealthAnalyzer> latest = new AtomicReference<>();

    StreamHealth(Consumer<NetStatusEvent> events, TimeSource time) {
        this.events = events;
        this.time = time;
    }

    /** What makes each play's tap for {@code profile}; null for null (no analysis). */
    Supplier<PipelineTap> tapsFor(Profile profile) {
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

    HealthReport report() {
        HealthAnalyzer a = latest.get();
        return a == null ? null : a.report();
    }
}
