package org.netstreamfx.app.ui.player;

import java.util.Locale;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * What the picture shows while the player waits: a spinner with how full the buffer is
 * (bufferLength / bufferTime, 0–100 %) and why it waits ("Connecting", "Opening", "Buffering",
 * "Buffer empty: waiting for data", "Seeking", "Reconnecting in 3 s (attempt 2)"). Shown while
 * the state is CONNECTING, OPENING or BUFFERING, while an RTMP reconnect is pending, and while a
 * seek takes longer than 0.3 s; centred and mouse-transparent, so clicks still reach the
 * picture. FX thread.
 */
public final class BufferingOverlay extends VBox {
    private static final Duration REFRESH = Duration.millis(200);
    /** A seek shows the spinner only when it takes longer than this (a file's seek would flash it). */
    static final long SEEK_SHOWN_AFTER_NS = 300_000_000L;

    private final PlayerViewModel vm;
    private final Label percent = new Label();
    private final Label reason = new Label();
    private final Timeline refresh;
    /** When the seek under way started (System.nanoTime), or Long.MIN_VALUE. */
    private long seekingSince = Long.MIN_VALUE;

    public BufferingOverlay(PlayerViewModel vm) {
        super(8);
        this.vm = vm;
        setId("buffering");
        getStyleClass().add("buffering-overlay");
        setAlignment(Pos.CENTER);
        setMouseTransparent(true);
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(this, Pos.CENTER);
        ProgressIndicator spinner = new ProgressIndicator(ProgressIndicator.INDETERMINATE_PROGRESS);
        spinner.setPrefSize(56, 56);
        percent.setId("buffering-percent");
        percent.getStyleClass().add("buffering-percent");
        reason.setId("buffering-reason");
        reason.getStyleClass().add("buffering-reason");
        getChildren().addAll(new StackPane(spinner, percent), reason);
        setVisible(false);
        refresh = new Timeline(new KeyFrame(REFRESH, e -> update()));
        refresh.setCycleCount(Animation.INDEFINITE);
        // Counts down only while in a window (a view taken out of its scene stops it).
        sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                refresh.stop();
            } else {
                refresh.play();
            }
        });
        vm.stateProperty().addListener((o, was, now) -> update());
        vm.figures().bufferingReasonProperty().addListener((o, was, now) -> update());
        vm.seekingProperty().addListener((o, was, now) -> {
            seekingSince = now ? System.nanoTime() : Long.MIN_VALUE;
            update();
        });
        update();
    }

    /** bufferLength / bufferTime as a whole percentage, 0 to 100 (100 when bufferTime is 0). */
    static int percent(double bufferLength, double bufferTime) {
        if (!(bufferTime > 0)) {
            return 100;
        }
        double f = Math.max(0, Math.min(1, bufferLength / bufferTime));
        return (int) Math.floor(f * 100);
    }

    private void update() {
        PlayerState s = vm.stateProperty().get();
        boolean waiting = s == PlayerState.CONNECTING || s == PlayerState.OPENING || s == PlayerState.BUFFERING;
        boolean going = s != PlayerState.IDLE && s != PlayerState.FAILED && s != PlayerState.ENDED;
        boolean longSeek = seekingSince != Long.MIN_VALUE && System.nanoTime() - seekingSince > SEEK_SHOWN_AFTER_NS
                && s != PlayerState.PAUSED;
        boolean show = waiting || going && (vm.figures().reconnecting() || longSeek);
        setVisible(show);
        if (!show) {
            return;
        }
        percent.setText(String.format(Locale.ROOT, "%d %%",
                percent(vm.figures().bufferLengthProperty().get(), vm.urls().bufferTimeProperty().get())));
        String why;
        if (vm.figures().reconnecting()) {
            why = vm.figures().reconnectText();
        } else if (s == PlayerState.CONNECTING) {
            why = "Connecting";
        } else if (s == PlayerState.OPENING) {
            why = "Opening";
        } else if (seekingSince != Long.MIN_VALUE) {
            why = "Seeking";
        } else {
            why = vm.figures().bufferingReasonProperty().get().isEmpty() ? "Buffering" : vm.figures().bufferingReasonProperty().get();
        }
        reason.setText(why);
    }
}
