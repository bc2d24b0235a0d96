package org.netstreamfx.player.rtmp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The silence schedule on a hand-moved clock: probes at 1/3 and 2/3 of the limit, dead at the limit. */
class SilenceWatchTest {
    private static final long MS = 1_000_000;

    @Test
    void probesAtOneAndTwoThirdsThenExpiresAtTheLimit() {
        SilenceWatch w = new SilenceWatch(3000, 0);
        assertEquals(1000, w.readTimeoutMs(0));
        assertFalse(w.probeDue(999 * MS));
        assertTrue(w.probeDue(1000 * MS));
        w.probed(true);
        assertEquals(1000, w.readTimeoutMs(1000 * MS));
        assertFalse(w.probeDue(1500 * MS));
        assertTrue(w.probeDue(2000 * MS));
        w.probed(false); // a write was in progress: skipped, not counted as sent
        assertEquals(1000, w.readTimeoutMs(2000 * MS), "then the limit itself");
        assertFalse(w.probeDue(2999 * MS));
        assertFalse(w.expired(2999 * MS));
        assertTrue(w.expired(3000 * MS));
        assertEquals(1, w.pingsSent());
        assertEquals(3000, w.silentMs(3000 * MS));
    }

    @Test
    void anyByteEndsTheSilence() {
        SilenceWatch w = new SilenceWatch(3000, 0);
        w.probed(true);
        w.received(2500 * MS);
        assertEquals(0, w.pingsSent());
        assertFalse(w.expired(5000 * MS));
        assertTrue(w.probeDue(3500 * MS));
        assertTrue(w.expired(5500 * MS));
        assertEquals(1, w.readTimeoutMs(6000 * MS), "never 0, which a socket takes as forever");
    }
}
