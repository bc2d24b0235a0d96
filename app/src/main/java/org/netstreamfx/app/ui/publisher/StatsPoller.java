package org.netstreamfx.app.ui.publisher;

import java.util.function.Consumer;
import org.netstreamfx.player.health.HealthReport;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;
import org.netstreamfx.app.ui.Daemons;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.net.NetStreamInfo;

/**
 * Reads the publisher's figures four times a second: {@code tick} on the FX thread, and the
 * publishing stream's {@code info()}, which may wait for the engine's locks, on
 * "nsfx-publisher-stats" (one read at a time), handed to {@link PublishFigures#stream} on the FX
 * thread while the stream is still the current one, with its health report.
 */
final class StatsPoller {
    private static final Duration POLL_INTERVAL = Duration.millis(250);

    private final Executor callbacks;
    private final PublishFigures figures;
    private final Supplier<NetStream> current;
    private final Runnable tick;
    private final Consumer<HealthReport> health;
    private final Timeline poll;
    /** Reads NetStream.info() off the FX thread. */
    private final ExecutorService stats = Daemons.single("nsfx-publisher-stats");
    private final AtomicBoolean statsInFlight = new AtomicBoolean();

    /**
     * @param current the stream being published, or null (read on the FX thread)
     * @param tick    updates the figures that need no engine lock (FX thread)
     * @param health  shows the stream's health report, null before anything was judged (FX thread)
     */
    StatsPoller(Executor callbacks, PublishFigures figures, Supplier<NetStream> current, Runnable tick,
                Consumer<HealthReport> health) {
        this.callbacks = callbacks;
        this.figures = figures;
        this.current = current;
        this.tick = tick;
        this.health = health;
        poll = new Timeline(new KeyFrame(POLL_INTERVAL, e -> poll()));
        poll.setCycleCount(Animation.INDEFINITE);
        poll.play();
    }

    // Called on the FX thread.

    void stop() {
        poll.stop();
        stats.shutdown();
    }

    private void poll() {
        tick.run();
        NetStream ns = current.get();
        if (ns != null && ns.publishing() && statsInFlight.compareAndSet(false, true)) {
            // NetStream.info() takes the publisher's lock, which publish() holds while the feeds open.
            stats.execute(() -> {
                NetStreamInfo info = ns.info();
                HealthReport report = ns.healthReport();
                statsInFlight.set(false);
                callbacks.execute(() -> {
                    if (ns == current.get() && ns.publishing()) {
                        figures.stream(info);
                        health.accept(report);
                    }
                });
            });
        }
    }
}
