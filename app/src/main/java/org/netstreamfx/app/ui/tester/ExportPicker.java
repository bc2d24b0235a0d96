package org.netstreamfx.app.ui.tester;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Chooses the file an export is written to (the app shows a FileChooser; tests answer directly). */
@FunctionalInterface
public interface ExportPicker {
    /** What an export writes. */
    enum Format {
        JSON_LINES("JSON lines", "jsonl"), CSV("CSV", "csv");

        private final String title;
        private final String extension;

        Format(String title, String extension) {
            this.title = title;
            this.extension = extension;
        }

        public String title() {
            return title;
        }

        public String extension() {
            return extension;
        }
    }

    /** The file to write, or empty when the user cancelled. */
    Optional<Path> pick(Window owner, Format format);

    /** A save dialog filtered to the format's extension. */
    static ExportPicker fileChooser() {
        return (owner, format) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export the session as " + format.title());
            chooser.setInitialFileName("session." + format.extension());
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                    format.title() + " (*." + format.extension() + ")", "*." + format.extension()));
            File f = chooser.showSaveDialog(owner);
            return Optional.ofNullable(f).map(File::toPath);
        };
    }
}
