package org.netstreamfx.app.ui.player;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * What the picture area shows while a stream with sound and no picture plays: its title, its
 * sound track ("AAC LC · 44.1 kHz · stereo · 64 kbit/s") and a level meter (RMS bar, peak mark,
 * dBFS) of the sound being played. Hidden otherwise. FX thread.
 */
public final class AudioOnlyPane extends VBox {
    /** The quietest level the meter shows: below it the bar is empty. */
    static final double FLOOR_DBFS = -60;

    public AudioOnlyPane(PlayerViewModel vm) {
        super(10);
        setId("audio-only");
        getStyleClass().add("audio-only");
        setAlignment(Pos.CENTER);
        setMouseTransparent(true);
        setMinSize(0, 0);
        visibleProperty().bind(vm.audioOnlyProperty());

        Label title = new Label();
        title.setId("audio-title");
        title.getStyleClass().add("placeholder-title");
        title.setWrapText(true);
        title.textProperty().bind(vm.titleProperty());
        Label codec = new Label();
        codec.setId("audio-codec");
        codec.getStyleClass().add("caption");
        codec.setWrapText(true);
        codec.textProperty().bind(vm.figures().audioCodecProperty());

        Region rms = new Region();
        rms.getStyleClass().add("level-rms");
        Region peak = new Region();
        peak.getStyleClass().add("level-peak");
        Region meter = new Region() {
            {
                getChildren().addAll(rms, peak);
            }

            @Override
            protected void layoutChildren() {
                double w = getWidth();
                double h = getHeight();
                rms.resizeRelocate(0, 0, Math.round(w * fraction(vm.figures().audioRmsDbfsProperty().get())), h);
                double p = fraction(vm.figures().audioPeakDbfsProperty().get());
                peak.resizeRelocate(Math.max(0, Math.round(w * p) - 2), 0, p > 0 ? 2 : 0, h);
            }
        };
        meter.setId("audio-level");
        meter.getStyleClass().add("level-meter");
        meter.setMinSize(60, 10);
        meter.setPrefSize(320, 10);
        meter.setMaxSize(320, 10);
        vm.figures().audioRmsDbfsProperty().addListener(o -> meter.requestLayout());
        vm.figures().audioPeakDbfsProperty().addListener(o -> meter.requestLayout());
        Label level = new Label();
        level.setId("audio-level-text");
        level.getStyleClass().add("caption");
        level.textProperty().bind(Bindings.createStringBinding(() -> text(vm.figures().audioRmsDbfsProperty().get(),
                vm.figures().audioPeakDbfsProperty().get()), vm.figures().audioRmsDbfsProperty(), vm.figures().audioPeakDbfsProperty()));

        getChildren().addAll(org.netstreamfx.app.ui.Icons.VOLUME.node(48), title, codec, meter, level);
    }

    /** Where {@code dbfs} falls on the meter, 0 (floor or below) to 1 (full scale). */
    static double fraction(double dbfs) {
        if (Double.isNaN(dbfs)) {
            return 0;
        }
        return Math.max(0, Math.min(1, (dbfs - FLOOR_DBFS) / -FLOOR_DBFS));
    }

    private static String text(double rms, double peak) {
        if (!(rms > FLOOR_DBFS)) {
            return "silence";
        }
        return String.format(Locale.ROOT, "RMS %.0f dBFS · peak %.0f dBFS", rms, peak);
    }
}
