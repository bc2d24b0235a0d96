package org.netstreamfx.app.ui.tester;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
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

    /** The date and time in an export's default name. */
    DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm", Locale.ROOT);

    /** The file to write, or empty when the user cancelled. */
    Optional<Path> pick(Window owner, Format format);

    /**
     * Where an export goes unless the user picks another place: {@code home/Documents} when it is a
     * folder, else {@code home}, as {@code nsfx-session-2026-12-02-0612.jsonl} (local date and time
     * to the minute).
     */
    static Path defaultFile(Format format, Path home, LocalDateTime now) {
        Path documents = home.resolve("Documents");
        Path folder = Files.isDirectory(documents) ? documents : home;
        return folder.resolve("nsfx-session-" + NAME_TIME.format(now) + "." + format.extension());
    }

    /** A save dialog filtered to the format's extension. */
    static ExportPicker fileChooser() {
        return (owner, format) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export the session as " + format.title());
            Path suggested = defaultFile(format, Path.of(System.getProperty("user.home")), LocalDateTime.now());
            if (Files.isDirectory(suggested.getParent())) {
                chooser.setInitialDirectory(suggested.getParent().toFile());
            }
            chooser.setInitialFileName(suggested.getFileName().toString());
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                    format.title() + " (*." + format.extension() + ")", "*." + format.extension()));
            File f = chooser.showSaveDialog(owner);
            return Optional.ofNullable(f).map(File::toPath);
        };
    }
}
