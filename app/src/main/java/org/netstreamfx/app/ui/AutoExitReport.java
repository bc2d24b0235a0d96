package org.netstreamfx.app.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.stage.Stage;
import org.netstreamfx.app.ui.player.PlaybackFigures;
import org.netstreamfx.app.ui.player.PlayerState;
import org.netstreamfx.app.ui.player.PlayerViewModel;

/**
 * {@code nsfx gui --autoexit-report FILE}: when the media has played to its end (or failed), the
 * window writes the play's figures to FILE as JSON and closes, as {@code ffplay -autoexit} ends at
 * the end of its file. {@code nsfx bench} (GuiCostBench) reads the dropped frames of a GUI process
 * this way: the count is the one the player shows, and the file appears at the moment playback
 * ended, so the bench reads the process's CPU and memory at the same moment.
 *
 * <p>The file is written to a temporary name and moved into place, so a reader never sees half
 * of it.
 */
final class AutoExitReport {
    private AutoExitReport() {
    }

    // Called on the FX thread.

    /** Closes {@code stage} once {@code vm} reaches ENDED or FAILED, after writing {@code file}. */
    static void install(Stage stage, PlayerViewModel vm, Path file, PrintStream err) {
        vm.stateProperty().addListener((obs, old, state) -> {
            if (state == PlayerState.ENDED || state == PlayerState.FAILED) {
                try {
                    write(file, figures(vm, state));
                } catch (IOException e) {
                    err.println("nsfx gui: cannot write " + file + ": " + e.getMessage());
                }
                stage.hide();
            }
        });
    }

    private static Map<String, Object> figures(PlayerViewModel vm, PlayerState state) {
        PlaybackFigures f = vm.figures();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", state.name());
        m.put("position", vm.timeProperty().get());
        m.put("duration", vm.durationProperty().get());
        m.put("droppedFrames", f.droppedFramesProperty().get());
        m.put("lateFrames", f.lateFramesProperty().get());
        m.put("replacedFrames", f.replacedFramesProperty().get());
        return m;
    }

    private static void write(Path file, Map<String, Object> figures) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        new ObjectMapper().writeValue(tmp.toFile(), figures);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
