package org.netstreamfx.app.ui.player;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.DoubleBinding;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * bufferLength against bufferTime, live: a bar that fills with what is buffered, a tick where
 * bufferTime is, green at or above it and amber below, and the two figures in seconds.
 */
final class BufferGauge extends HBox {
    static final double BAR_WIDTH = 90;
    private static final PseudoClass FULL = PseudoClass.getPseudoClass("full");
    /** Held here: a binding only listened to would be collected (bindings listen weakly). */
    private final BooleanBinding full;

    BufferGauge(PlayerViewModel vm) {
        getStyleClass().add("buffer-gauge");
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);
        Region fill = new Region();
        fill.getStyleClass().add("buffer-fill");
        Region tick = new Region();
        tick.getStyleClass().add("buffer-tick");
        Pane bar = new Pane(fill, tick);
        bar.getStyleClass().add("buffer-bar");
        bar.setMinSize(BAR_WIDTH, 6);
        bar.setPrefSize(BAR_WIDTH, 6);
        bar.setMaxSize(BAR_WIDTH, 6);

        // The scale: twice bufferTime, or more when more is buffered, and at least half a second.
        DoubleBinding scale = Bindings.createDoubleBinding(() -> Math.max(0.5, Math.max(
                2 * vm.urls().bufferTimeProperty().get(), vm.figures().bufferLengthProperty().get())),
                vm.urls().bufferTimeProperty(), vm.figures().bufferLengthProperty());
        fill.prefWidthProperty().bind(bar.widthProperty().multiply(vm.figures().bufferLengthProperty()).divide(scale));
        fill.prefHeightProperty().bind(bar.heightProperty());
        tick.setPrefSize(2, 12);
        tick.layoutXProperty().bind(bar.widthProperty().multiply(vm.urls().bufferTimeProperty()).divide(scale).subtract(1));
        tick.setLayoutY(-3);
        full = Bindings.createBooleanBinding(
                () -> vm.figures().bufferLengthProperty().get() + 1e-3 >= vm.urls().bufferTimeProperty().get(),
                vm.figures().bufferLengthProperty(), vm.urls().bufferTimeProperty());
        full.addListener((o, was, now) -> fill.pseudoClassStateChanged(FULL, now));
        fill.pseudoClassStateChanged(FULL, full.get());

        Label caption = new Label();
        caption.getStyleClass().add("buffer-caption");
        caption.textProperty().bind(Bindings.createStringBinding(() -> String.format("%.1f / %.1f s",
                vm.figures().bufferLengthProperty().get(), vm.urls().bufferTimeProperty().get()),
                vm.figures().bufferLengthProperty(), vm.urls().bufferTimeProperty()));
        caption.setMinWidth(Region.USE_PREF_SIZE);
        Label name = new Label("Buffer");
        name.getStyleClass().add("caption");
        Tooltip.install(this, new Tooltip("bufferLength (seconds buffered ahead of the playhead) against "
                + "bufferTime (the tick)"));
        getChildren().addAll(name, bar, caption);
    }
}
