package org.netstreamfx.app.ui.player;

import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Circle;

/**
 * "● LIVE −1.8 s" in the transport bar while a live stream plays: the distance to the live edge
 * is bufferLength (how far the playhead is behind the newest data received). More than the
 * catch-up threshold behind ({@link UrlOptionsControl#catchUpThreshold()}) it turns grey and reads
 * "BEHIND". Clicking it goes to the newest data ({@link PlayerViewModel#goToLive()}, also L).
 */
final class LiveBadge extends Button {
    private static final PseudoClass BEHIND = PseudoClass.getPseudoClass("behind");

    LiveBadge(PlayerViewModel vm) {
        setId("live-badge");
        getStyleClass().add("live-badge");
        Circle dot = new Circle(4);
        dot.getStyleClass().add("live-dot");
        setGraphic(dot);
        setFocusTraversable(false);
        setTooltip(new Tooltip("Live: seconds behind the newest data received (bufferLength). Click or L: go to live"));
        visibleProperty().bind(vm.liveProperty());
        managedProperty().bind(vm.liveProperty());
        setOnAction(e -> vm.goToLive());
        Runnable update = () -> {
            double bl = vm.figures().bufferLengthProperty().get();
            boolean behind = behind(bl, vm.urls().catchUpThreshold());
            pseudoClassStateChanged(BEHIND, behind);
            setText(text(bl, behind));
        };
        vm.figures().bufferLengthProperty().addListener((o, was, now) -> update.run());
        vm.urls().bufferTimeProperty().addListener((o, was, now) -> update.run());
        vm.urls().bufferTimeMaxProperty().addListener((o, was, now) -> update.run());
        vm.liveProperty().addListener((o, was, now) -> update.run());
        update.run();
    }

    /** More than the catch-up threshold behind the newest data. */
    static boolean behind(double bufferLength, double threshold) {
        return threshold > 0 && bufferLength > threshold;
    }

    /** "LIVE −1.8 s", or "BEHIND −4.2 s" when {@code behind}. */
    static String text(double bufferLength, boolean behind) {
        return String.format(Locale.ROOT, "%s \u2212%.1f s", behind ? "BEHIND" : "LIVE", Math.max(0, bufferLength));
    }
}
