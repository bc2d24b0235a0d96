package org.netstreamfx.app.ui.publisher.health;

import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.netstreamfx.player.health.HealthReport;
import org.netstreamfx.player.health.Profile;
import org.netstreamfx.player.health.Severity;
import org.netstreamfx.player.publish.MediaFeed;
import org.netstreamfx.player.publish.StreamCheck;

/**
 * "Check my stream": before going live, the chosen camera and microphone are encoded with the
 * chosen settings for {@link #CHECK_SECONDS} and judged by the chosen profile's rules, the way
 * Twitch's bandwidth test checks a setup; nothing is sent anywhere. The verdict says pass, or how
 * many findings there are to fix (the {@link PublishHealthModel} lists them with what to change).
 *
 * <p>Threads: {@link #start} and {@link #cancel} on the FX thread, and they return at once: the
 * devices open on the I/O executor given, the check runs on the feeds' threads and its own
 * ({@link StreamCheck}), and the verdict comes back through {@code callbacks}, after the feeds
 * have stopped (the devices are free again when {@code after} runs).
 */
public final class StreamChecker {
    /** How long a check encodes, in media seconds: as long as Twitch's bandwidth test. */
    public static final double CHECK_SECONDS = 10;

    /** Opens the feeds to check, on the I/O thread; either may be null, not both. */
    @FunctionalInterface
    public interface FeedOpener {
        MediaFeed[] open() throws Exception;
    }

    private final Executor callbacks;
    private double checkSeconds = CHECK_SECONDS;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(this, "verdict", "");
    private final ReadOnlyObjectWrapper<Boolean> passed = new ReadOnlyObjectWrapper<>(this, "passed");
    /** The check under way, set on the I/O thread; null before it starts and after. */
    private volatile StreamCheck current;
    private volatile boolean cancelled;

    /** @param callbacks the FX thread: {@code Platform::runLater} */
    public StreamChecker(Executor callbacks) {
        this.callbacks = callbacks;
    }

    /** Whether a check runs (Go live waits, the settings stay as they are). */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** For tests: a shorter check. */
    void setCheckSeconds(double seconds) {
        checkSeconds = seconds;
    }

    /**
     * Checks the feeds {@code opener} opens on {@code io} against {@code profile}; the report goes
     * to {@code shown} and then {@code after} runs (FX thread), whatever the outcome. Ignored while
     * a check runs.
     */
    public void start(Profile profile, Executor io, FeedOpener opener, Consumer<HealthReport> shown, Runnable after) {
        if (running.get()) {
            return;
        }
        running.set(true);
        cancelled = false;
        passed.set(null);
        verdict.set(String.format(Locale.ROOT, "Checking: encoding %s s for %s, sending nothing…",
                PublishHealthModel.fmtSeconds(checkSeconds), profile.name()));
        long durationUs = Math.round(checkSeconds * 1e6);
        io.execute(() -> {
            StreamCheck check;
            try {
                MediaFeed[] feeds = opener.open();
                check = new StreamCheck(feeds[0], feeds[1], profile, durationUs);
            } catch (Exception e) {
                callbacks.execute(() -> finish(profile, null, e, shown, after));
                return;
            }
            current = check;
            check.start().whenComplete((r, e) -> callbacks.execute(() -> finish(profile, r, e, shown, after)));
            if (cancelled) {
                check.cancel();
            }
        });
    }

    /** The last check's verdict, or what it is doing; "" before the first. */
    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** Gives the check up: the feeds stop, the verdict says so. */
    public void cancel() {
        cancelled = true;
        StreamCheck c = current;
        if (c != null) {
            c.cancel();
        }
    }

    /** Whether the last check passed; null while none finished (or it was cancelled). */
    public ReadOnlyObjectProperty<Boolean> passedProperty() {
        return passed.getReadOnlyProperty();
    }

    private void finish(Profile profile, HealthReport r, Throwable e, Consumer<HealthReport> shown, Runnable after) {
        current = null;
        running.set(false);
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof CancellationException) {
            verdict.set("Check cancelled.");
        } else if (cause != null) {
            verdict.set("Check failed: " + cause.getMessage());
            passed.set(false);
        } else {
            shown.accept(r);
            long toFix = r.findings().stream().filter(f -> !f.cleared() && f.severity() != Severity.INFO).count();
            passed.set(toFix == 0);
            verdict.set(toFix == 0 ? String.format(Locale.ROOT, "Pass: %.1f s judged by %s, nothing to fix.",
                    r.coveredS(), profile.name()) : String.format(Locale.ROOT, "%d to fix before going live "
                    + "(%s): see the findings.", toFix, profile.name()));
        }
        after.run();
    }
}
