package org.netstreamfx.player.ffmpeg;

import org.netstreamfx.player.source.FfmpegSource;
import org.netstreamfx.player.source.UnsupportedMediaException;
import org.netstreamfx.player.ffmpeg.FfmpegErrors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12: an FFmpeg error is named, never shown as its raw number "(-1094995529)". */
class FfmpegErrorsTest {
    private static final int AVERROR_INVALIDDATA = -1094995529; // FFERRTAG('I','N','D','A')

    @Test
    void invalidDataHasFfmpegsMessageAndItsName() {
        assertEquals("AVERROR_INVALIDDATA", FfmpegErrors.name(AVERROR_INVALIDDATA));
        assertEquals("Invalid data found when processing input (AVERROR_INVALIDDATA)",
                FfmpegErrors.describe(AVERROR_INVALIDDATA));
    }

    @Test
    void otherTagsAndErrnoCodesAreNamed() {
        assertEquals("AVERROR_EOF", FfmpegErrors.name(-0x20464F45)); // FFERRTAG('E','O','F',' ')
        assertEquals("AVERROR_DEMUXER_NOT_FOUND", FfmpegErrors.name(-0x4D4544F8));
        assertEquals("AVERROR_HTTP_NOT_FOUND", FfmpegErrors.name(-0x343034F8));
        assertEquals("AVERROR(ENOMEM)", FfmpegErrors.name(-12));
        assertEquals("AVERROR(EAGAIN)", FfmpegErrors.name(FfmpegErrors.EAGAIN));
        assertEquals("Cannot allocate memory (AVERROR(ENOMEM))", FfmpegErrors.describe(-12));
    }

    @Test
    void anUnknownCodeIsDescribedOnceByFfmpeg() {
        String text = FfmpegErrors.describe(-987654);
        assertTrue(text.contains("-987654"), text);
        assertEquals(text.indexOf("-987654"), text.lastIndexOf("-987654"), text);
    }

    @Test
    void aNonMediaFileSaysWhatIsWrongInWords(@TempDir Path dir) throws Exception {
        // An XML document, as the "non-media file" (FFmpeg gives up with INVALIDDATA or EOF, by build).
        Path notes = dir.resolve("settings.dat");
        Files.writeString(notes, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<settings>\n"
                + "  <entry key=\"bufferTime\">0.1</entry>\n".repeat(100) + "</settings>\n", StandardCharsets.UTF_8);
        UnsupportedMediaException e = assertThrows(UnsupportedMediaException.class, () -> {
            try (FfmpegSource source = FfmpegSource.forFile(notes)) {
                source.open();
            }
        });
        assertTrue(e.getMessage().matches("(?s).*[a-z] \\(AVERROR_[A-Z_]+\\)\\).*"), e.getMessage());
        assertFalse(e.getMessage().matches("(?s).*\\(-?\\d+\\).*"), "a raw number in: " + e.getMessage());
    }
}
