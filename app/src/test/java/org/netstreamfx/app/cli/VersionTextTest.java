package org.netstreamfx.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code nsfx --version}: the app, FFmpeg with its licence and configuration, JavaFX and Java. */
class VersionTextTest {
    @Test
    void ffmpegsLicenceStringSaysLgplOrGpl() {
        assertEquals("LGPL", VersionText.licenceKind("LGPL version 3 or later"));
        assertEquals("LGPL", VersionText.licenceKind("LGPL version 2.1 or later"));
        assertEquals("GPL", VersionText.licenceKind("GPL version 3 or later"));
        assertEquals("GPL", VersionText.licenceKind("GPL version 2 or later"));
    }

    @Test
    void everyVersionIsPrinted() {
        List<String> lines = List.of(new VersionText().getVersion());
        assertTrue(lines.get(0).startsWith("NetStreamFX "), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("FFmpeg 8.")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("FFmpeg licence: LGPL (libavcodec: LGPL version ")),
                lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("FFmpeg configuration: ") && l.contains("--enable-")),
                lines.toString());
        // The runtime version of javafx.properties ("21.0.9+1"), read without starting the toolkit.
        assertTrue(lines.stream().anyMatch(l -> l.matches("JavaFX 21\\.\\d+\\.\\d+\\+\\d+")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Java " + System.getProperty("java.version"))),
                lines.toString());
    }
}
