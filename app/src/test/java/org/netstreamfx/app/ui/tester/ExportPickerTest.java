package org.netstreamfx.app.ui.tester;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12, defect 5: exports default to Documents (or home) with a dated name, not ./session.jsonl. */
class ExportPickerTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 2, 6, 12, 40);

    @Test
    void theDefaultIsADatedFileInDocuments(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("Documents"));
        assertEquals(home.resolve("Documents").resolve("nsfx-session-2026-12-02-0612.jsonl"),
                ExportPicker.defaultFile(ExportPicker.Format.JSON_LINES, home, NOW));
        assertEquals(home.resolve("Documents").resolve("nsfx-session-2026-12-02-0612.csv"),
                ExportPicker.defaultFile(ExportPicker.Format.CSV, home, NOW));
    }

    @Test
    void withoutDocumentsTheDefaultIsInHome(@TempDir Path home) {
        assertEquals(home.resolve("nsfx-session-2026-12-02-0612.csv"),
                ExportPicker.defaultFile(ExportPicker.Format.CSV, home, NOW));
    }
}
