package org.netstreamfx.app.ui.tester;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.netstreamfx.app.fault.Direction;
import org.netstreamfx.app.fault.FaultProxy;
import org.netstreamfx.app.ui.player.MediaAddress;
import org.netstreamfx.app.ui.player.PlayerViewModel;
import org.netstreamfx.player.util.Redact;

/**
 * Fault injection for testers: replays the Player's current http(s) or rtmp(s) address through a
 * local {@link FaultProxy} that limits bandwidth, adds latency or drops the connection after N
 * seconds, so Buffer.Empty/Full and reconnects can be provoked. Faults change at once while the
 * proxy runs.
 *
 * <p>Runs on the FX thread; the proxy is started and closed on "nsfx-fault-io".
 */
public final class FaultInjection {
    /** The largest value each field takes. */
    public static final long MAX_KBPS = 10_000_000;
    public static final long MAX_LATENCY_MS = 60_000;
    public static final long MAX_DROP_AFTER_SECONDS = 86_400;

    private final PlayerViewModel player;
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "nsfx-fault-io");
        t.setDaemon(true);
        return t;
    });
    private FaultProxy proxy;
    private String original;
    private String proxied;

    private final ReadOnlyLongWrapper bandwidthKbps = new ReadOnlyLongWrapper(this, "bandwidthKbps");
    private final ReadOnlyLongWrapper latencyMs = new ReadOnlyLongWrapper(this, "latencyMs");
    private final ReadOnlyLongWrapper dropAfterSeconds = new ReadOnlyLongWrapper(this, "dropAfterSeconds");
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Off: playing directly.");

    public FaultInjection(PlayerViewModel player) {
        this.player = player;
    }

    // Commands.

    /** Limits the download to {@code kbps} kbit/s (0: no limit); false outside 0..MAX_KBPS. */
    public boolean setBandwidthKbps(long kbps) {
        return setWithin(bandwidthKbps, kbps, MAX_KBPS);
    }

    /** Delays the bytes each way by {@code ms} (0: none); false outside 0..MAX_LATENCY_MS. */
    public boolean setLatencyMs(long ms) {
        return setWithin(latencyMs, ms, MAX_LATENCY_MS);
    }

    /** Drops each connection {@code seconds} after it opened (0: never); false outside the limits. */
    public boolean setDropAfterSeconds(long seconds) {
        return setWithin(dropAfterSeconds, seconds, MAX_DROP_AFTER_SECONDS);
    }

    /** Sets {@code fault} to {@code value} and applies it, if it is 0 to {@code max}; false (no change) outside. */
    private boolean setWithin(ReadOnlyLongWrapper fault, long value, long max) {
        if (value < 0 || value > max) {
            return false;
        }
        fault.set(value);
        apply();
        return true;
    }

    /** Plays the Player's current address again, through a new proxy with the faults set now. */
    public void start() {
        MediaAddress a = player.addressProperty().get();
        if (a == null || a.kind() == MediaAddress.Kind.FILE) {
            status.set("Open an http(s) or rtmp URL in the Player first: files are read directly.");
            return;
        }
        String url = a.address().equals(proxied) ? original : a.address();
        FaultProxy old = proxy;
        proxy = null;
        status.set("Starting the proxy to " + Redact.url(url) + "…");
        io.execute(() -> {
            closeQuietly(old);
            try {
                FaultProxy p = FaultProxy.forUrl(url);
                Platform.runLater(() -> started(p, url));
            } catch (IOException | IllegalArgumentException e) {
                Platform.runLater(() -> {
                    active.set(false);
                    status.set("Cannot start the proxy: " + e.getMessage());
                });
            }
        });
    }

    /** Closes the proxy and plays the original address directly again. */
    public void stop() {
        FaultProxy p = proxy;
        proxy = null;
        io.execute(() -> closeQuietly(p));
        if (active.get() && original != null) {
            active.set(false);
            status.set("Off: playing directly.");
            player.open(original);
        }
    }

    /** Resets every open connection through the proxy now. */
    public void dropNow() {
        if (proxy != null) {
            int n = proxy.dropNow();
            status.set("Dropped " + n + (n == 1 ? " connection." : " connections."));
        }
    }

    public void dispose() {
        FaultProxy p = proxy;
        proxy = null;
        io.execute(() -> closeQuietly(p));
        io.shutdown();
    }

    // Properties.

    public ReadOnlyLongProperty bandwidthKbpsProperty() {
        return bandwidthKbps.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty latencyMsProperty() {
        return latencyMs.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty dropAfterSecondsProperty() {
        return dropAfterSeconds.getReadOnlyProperty();
    }

    /** Whether the Player plays through the proxy. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    // FX thread.

    private void started(FaultProxy p, String url) {
        proxy = p;
        original = url;
        proxied = p.proxiedUrl(url);
        apply();
        active.set(true);
        status.set("On: " + Redact.url(url) + " through 127.0.0.1:" + p.port() + ".");
        player.open(proxied);
        player.recent().remove(proxied);
        player.recent().add(url);
    }

    private void apply() {
        FaultProxy p = proxy;
        if (p != null) {
            p.setBandwidthLimit(Direction.DOWN, bandwidthKbps.get() * 1000 / 8);
            p.setLatencyMs(Direction.UP, latencyMs.get());
            p.setLatencyMs(Direction.DOWN, latencyMs.get());
            p.setDropAfterMs(dropAfterSeconds.get() * 1000);
        }
    }

    private static void closeQuietly(FaultProxy p) {
        if (p != null) {
            p.close();
        }
    }
}
