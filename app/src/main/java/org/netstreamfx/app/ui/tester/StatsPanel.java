package org.netstreamfx.app.ui.tester;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.layout.GridPane;
import org.netstreamfx.app.ui.StatRows;

/** The live figures of the session: fps, input bitrate, dropped frames, buffer, bytes, A/V drift. */
final class StatsPanel extends GridPane {
    StatsPanel(TesterViewModel vm) {
        getStyleClass().add("stats-panel");
        setHgap(12);
        setVgap(4);
        row(0, "FPS", "stat-fps", Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%.1f", vm.fpsProperty().get()), vm.fpsProperty()));
        row(1, "Input bitrate", "stat-bitrate", Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%.0f kbit/s", vm.inputKbpsProperty().get()), vm.inputKbpsProperty()));
        // The player's own figure (late in the engine + replaced before the screen showed them).
        row(2, "Dropped frames", "stat-dropped", vm.player().figures().droppedFramesProperty().asString());
        row(3, "Buffer", "stat-buffer", Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%.2f / %.2f s", vm.bufferLengthProperty().get(),
                        vm.bufferTimeProperty().get()), vm.bufferLengthProperty(), vm.bufferTimeProperty()));
        row(4, "Bytes loaded", "stat-bytes", Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%,d", vm.bytesLoadedProperty().get()), vm.bytesLoadedProperty()));
        row(5, "A/V drift", "stat-drift", Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%+.1f ms", vm.avDriftMsProperty().get()), vm.avDriftMsProperty()));
    }

    private void row(int row, String name, String id, ObservableValue<String> value) {
        StatRows.add(this, row, name, id, value);
    }
}
