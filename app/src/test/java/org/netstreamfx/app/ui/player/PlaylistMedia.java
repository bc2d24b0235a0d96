package org.netstreamfx.app.ui.player;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Short clips for the playlist tests ({@link org.netstreamfx.app.ui.TestMedia#shortClip}): 1.6 s
 * of testsrc2 at 160x90, 25 fps, with a tone.
 */
final class PlaylistMedia {
    /** The clips' length in seconds. */
    static final double CLIP_S = 1.6;

    private PlaylistMedia() {
    }

    /** The short clip, copied into {@code dir} under each of {@code names}, in that order. */
    static List<Path> copies(Path dir, String... names) throws IOException {
        Path clip = clip();
        List<Path> out = new ArrayList<>();
        for (String name : names) {
            out.add(Files.copy(clip, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING));
        }
        return out;
    }

    static Path clip() {
        return org.netstreamfx.app.ui.TestMedia.shortClip();
    }
}
