package org.netstreamfx.app.ui.publisher;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import org.netstreamfx.app.ui.player.TimeFormat;

/**
 * The on-air indicator: "OFF AIR", "CONNECTING", "● ON AIR 0:42", "RECONNECTING IN 3 s", … with a
 * pseudo-class per {@link PublisherState} for its colour.
 */
final class OnAirBadge extends Label {
    OnAirBadge(PublisherViewModel vm) {
        getStyleClass().add("on-air");
        setId("on-air");
        PublishFigures f = vm.figures();
        textProperty().bind(Bindings.createStringBinding(() -> text(vm.stateProperty().get(),
                f.onAirSecondsProperty().get(), f.reconnectSecondsProperty().get()),
                vm.stateProperty(), f.onAirSecondsProperty(), f.reconnectSecondsProperty()));
        vm.stateProperty().addListener((o, was, now) -> {
            pseudoClassStateChanged(pseudo(was), false);
            pseudoClassStateChanged(pseudo(now), true);
        });
        pseudoClassStateChanged(pseudo(vm.stateProperty().get()), true);
    }

    static String text(PublisherState state, double onAirSeconds, double reconnectSeconds) {
        return switch (state) {
            case IDLE -> "OFF AIR";
            case CONNECTING -> "CONNECTING…";
            case LIVE -> "● ON AIR  " + TimeFormat.of(onAirSeconds);
            case RECONNECTING -> String.format(Locale.ROOT, "RECONNECTING IN %.0f s", Math.ceil(Math.max(0, reconnectSeconds)));
            case STOPPING -> "STOPPING…";
            case FAILED -> "FAILED";
        };
    }

    private static PseudoClass pseudo(PublisherState s) {
        return PseudoClass.getPseudoClass(s.name().toLowerCase(Locale.ROOT));
    }
}
