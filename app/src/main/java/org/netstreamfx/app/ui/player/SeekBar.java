package org.netstreamfx.app.ui.player;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.scene.control.Slider;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The seek slider over a progress track that shows three things at once: what has played (up to
 * the playhead), what is buffered (up to time + bufferLength) and what is loaded (bytesLoaded of
 * bytesTotal). Dragging or clicking seeks when released.
 */
final class SeekBar extends StackPane {
    private final Slider slider = new Slider(0, 1, 0);
    private final Region loaded = bar("seek-loaded");
    private final Region buffered = bar("seek-buffered");
    private final Region played = bar("seek-played");
    private final Region track = new Region();
    private boolean updatingFromModel;

    /**
     * @param focusHome where the keyboard focus goes when a click gives it to the slider: the
     *                  slider is disabled while the duration is unknown, and JavaFX would then move
     *                  focus on to the next control (the bufferTime field)
     */
    SeekBar(PlayerViewModel vm, Runnable focusHome) {
        getStyleClass().add("seek-bar");
        track.getStyleClass().add("seek-track");
        slider.getStyleClass().add("seek-slider");
        slider.setFocusTraversable(false);
        slider.focusedProperty().addListener((o, was, now) -> {
            if (now) {
                javafx.application.Platform.runLater(() -> {
                    if (slider.isFocused()) {
                        focusHome.run();
                    }
                });
            }
        });
        slider.disabledProperty().addListener((o, was, now) -> {
            if (now && slider.isFocused()) {
                focusHome.run();
            }
        });
        track.setMaxHeight(4);
        track.setManaged(true);
        Region abRange = abRange(vm);
        StackPane bars = new StackPane(track, loaded, buffered, played, abRange);
        bars.setMaxHeight(4);
        bars.getStyleClass().add("seek-bars");
        bars.setMouseTransparent(true);
        getChildren().addAll(bars, slider);

        DoubleBinding span = Bindings.createDoubleBinding(() -> Math.max(vm.durationProperty().get(), 0),
                vm.durationProperty());
        slider.maxProperty().bind(Bindings.max(span, 0.001));
        slider.disableProperty().bind(span.lessThanOrEqualTo(0));
        width(played, Bindings.createDoubleBinding(() -> fraction(vm.timeProperty().get(), span.get()),
                vm.timeProperty(), span));
        width(buffered, Bindings.createDoubleBinding(
                () -> fraction(vm.timeProperty().get() + vm.figures().bufferLengthProperty().get(), span.get()),
                vm.timeProperty(), vm.figures().bufferLengthProperty(), span));
        width(loaded, vm.figures().loadedFractionProperty());

        vm.timeProperty().addListener((o, was, now) -> {
            if (!slider.isValueChanging()) {
                updatingFromModel = true;
                slider.setValue(now.doubleValue());
                updatingFromModel = false;
            }
        });
        slider.valueChangingProperty().addListener((o, was, now) -> {
            if (!now) {
                vm.seek(slider.getValue());
            }
        });
        slider.valueProperty().addListener((o, was, now) -> {
            if (!updatingFromModel && !slider.isValueChanging()) {
                vm.seek(now.doubleValue());
            }
        });
    }

    /**
     * The A–B repeat range over the track: from A to B, or a thin mark at A while B is unset;
     * hidden when there is none.
     */
    private Region abRange(PlayerViewModel vm) {
        Region r = bar("seek-ab");
        r.setId("seek-ab");
        ABRepeat ab = vm.playlists().abRepeat();
        javafx.beans.value.ObservableDoubleValue span = Bindings.createDoubleBinding(
                () -> Math.max(vm.durationProperty().get(), 0), vm.durationProperty());
        r.visibleProperty().bind(Bindings.createBooleanBinding(() -> !Double.isNaN(ab.a()) && span.get() > 0,
                ab.aProperty(), span));
        r.translateXProperty().bind(Bindings.createDoubleBinding(
                () -> Double.isNaN(ab.a()) ? 0 : Math.max(0, Math.min(1, fraction(ab.a(), span.get()))) * track.getWidth(),
                ab.aProperty(), span, track.widthProperty()));
        r.maxWidthProperty().bind(Bindings.createDoubleBinding(() -> {
            if (Double.isNaN(ab.a())) {
                return 0.0;
            }
            if (Double.isNaN(ab.b())) {
                return 2.0;
            }
            return Math.max(2, Math.min(1, fraction(ab.b() - ab.a(), span.get())) * track.getWidth());
        }, ab.aProperty(), ab.bProperty(), span, track.widthProperty()));
        return r;
    }

    private void width(Region bar, javafx.beans.value.ObservableDoubleValue fraction) {
        bar.maxWidthProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(0, Math.min(1, fraction.get())) * track.getWidth(), fraction, track.widthProperty()));
    }

    private static Region bar(String styleClass) {
        Region r = new Region();
        r.getStyleClass().addAll("seek-fill", styleClass);
        r.setMaxHeight(4);
        r.setMinWidth(0);
        StackPane.setAlignment(r, javafx.geometry.Pos.CENTER_LEFT);
        return r;
    }

    private static double fraction(double value, double span) {
        return span <= 0 ? 0 : value / span;
    }
}
