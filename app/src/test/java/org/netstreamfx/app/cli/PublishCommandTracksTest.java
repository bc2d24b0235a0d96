package org.netstreamfx.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code nsfx publish --tracks}: a bad rendition list is a bad argument (exit 2) with a sentence
 * saying what is wrong, before anything connects (the address here has no server behind it).
 */
class PublishCommandTracksTest {
    private static final String NOWHERE = "rtmp://127.0.0.1:9/live/key";

    /** What {@code nsfx publish ARGS} wrote to stderr, with its exit status in front. */
    private static String refused(String... args) {
        PrintStream err = System.err;
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int exit = new CommandLine(new PublishCommand()).execute(args);
            return exit + " " + e.toString(StandardCharsets.UTF_8).strip();
        } finally {
            System.setErr(err);
        }
    }

    @Test
    void badSyntaxIsRefusedWithTheFormToWrite() {
        assertEquals("2 nsfx publish: --tracks: \"720x30\" is not a rendition; write HEIGHTp[FPS]@KBPS, e.g. 720p30@2500",
                refused(NOWHERE, "--size", "1280x720", "--tracks", "720p30@2500,720x30"));
        assertEquals("2 nsfx publish: --tracks: a rendition's bit rate is 1..100000 kbit/s, not 0",
                refused(NOWHERE, "--size", "1280x720", "--tracks", "720p30@0"));
    }

    @Test
    void moreThanFourTracksAreRefused() {
        assertEquals("2 nsfx publish: --tracks: 5 renditions is too many: at most 4 (each one is an encoder of its own)",
                refused(NOWHERE, "--size", "1280x720", "--tracks", "720p@2500,540p@1500,360p@800,240p@400,180p@200"));
    }

    @Test
    void aRenditionLargerThanTheCameraIsRefused() {
        assertEquals("2 nsfx publish: --tracks: rendition 1080p30@4000 (1920x1080) is larger than the camera's "
                + "1280x720: renditions scale down only",
                refused(NOWHERE, "--size", "1280x720", "--tracks", "1080p30@4000,720p30@2500"));
    }
}
