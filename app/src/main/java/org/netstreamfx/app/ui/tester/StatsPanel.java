package org.netstreamfx.app.ui.tester;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import org.netstreamfx.app.ui.StatRows;
import org.netstreamfx.app.ui.player.PlayingTracks;
import org.netstreamfx.player.media.TrackKind;

/**
 * The live figures of the session: fps, input bitrate, dropped frames, buffer, bytes, A/V drift,
 * the server's E-RTMP support, and every track of the stream with the ones that play.
 */
final class StatsPanel extends GridPane {
    /** How wide the server's capabilities may run before they wrap. */
    private static final double CAPS_WIDTH = 220;

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
        // What the RTMP server said of Enhanced RTMP in its connect answer (capsEx, FourCC maps).
        Label caps = StatRows.add(this, 6, "Server E-RTMP", "stat-server-caps", Bindings.createStringBinding(() -> {
            String text = vm.player().figures().serverCapsProperty().get();
            return text.isEmpty() ? "—" : text;
        }, vm.player().figures().serverCapsProperty()));
        caps.setWrapText(true); // a server may list a dozen FourCCs
        caps.setMaxWidth(CAPS_WIDTH);
        caps.setMinHeight(Region.USE_PREF_SIZE);
        // Every track of the stream, the ones that play marked (Enhanced RTMP multitrack has several of a kind).
        PlayingTracks tracks = vm.player().figures().tracks();
        Label listed = StatRows.add(this, 7, "Tracks", "stat-tracks", Bindings.createStringBinding(tracks::describe,
                tracks.listedProperty(), tracks.playingProperty(TrackKind.VIDEO), tracks.playingProperty(TrackKind.AUDIO)));
        listed.setMinHeight(Region.USE_PREF_SIZE);
    }

    private void row(int row, String name, String id, ObservableValue<String> value) {
        StatRows.add(this, row, name, id, value);
    }
}
