package org.netstreamfx.app.ui.player;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Issue 12, item 8: a finished file reads its end, not the last frame's time. */
class TimeFormatTest {
    @Test
    void aFinishedFileShowsItsDuration() {
        // A 20 s file whose last frame is at 19.96 s: the playhead stops there.
        assertEquals("0:20 / 0:20", TimeFormat.position(PlayerState.ENDED, 19.96, 20.0, false));
        assertEquals("0:19 / 0:20", TimeFormat.position(PlayerState.PAUSED, 19.96, 20.0, true));
        assertEquals("0:07 / live", TimeFormat.position(PlayerState.PLAYING, 7.2, -1, true));
        assertEquals("0:07 / --:--", TimeFormat.position(PlayerState.ENDED, 7.2, -1, false));
    }
}
