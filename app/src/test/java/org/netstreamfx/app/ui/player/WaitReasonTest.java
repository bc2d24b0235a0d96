package org.netstreamfx.app.ui.player;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.netstreamfx.player.net.NetStatusCode;
import org.netstreamfx.player.net.NetStatusEvent;

/** The buffering spinner's reason and reconnect countdown, and the input rate, from events and samples. */
class WaitReasonTest {
    private static final long S = 1_000_000_000L;
    private final WaitReason w = new WaitReason();

    private void note(NetStatusCode code, String description, Object details, long atNs) {
        w.note(NetStatusEvent.of(code, description, details, atNs), atNs);
    }

    @Test
    void eachEventSaysWhyThePlayerWaits() {
        note(NetStatusCode.NETSTREAM_PLAY_START, "Started.", null, 0);
        assertEquals("Buffering", w.reasonProperty().get());
        note(NetStatusCode.NETSTREAM_BUFFER_FULL, "Full.", null, S);
        assertEquals("", w.reasonProperty().get());
        note(NetStatusCode.NETSTREAM_BUFFER_EMPTY, "Empty.", null, 2 * S);
        assertEquals("Buffer empty: waiting for data", w.reasonProperty().get());
    }

    @Test
    void aReconnectCountsDownFromTheDelayItsEventNames() {
        note(NetStatusCode.NSFX_CONNECT_RECONNECTING,
                "Reconnecting to rtmp://h/live in 2250 ms (try 2 of 10) after: reset", 2, 10 * S);
        assertTrue(w.reconnecting());
        assertEquals("Reconnecting", w.reasonProperty().get());
        assertEquals("Reconnecting in 3 s (attempt 2)", w.reconnectText(10 * S));
        assertEquals("Reconnecting in 1 s (attempt 2)", w.reconnectText(11 * S + S / 2));
        assertEquals("Reconnecting (attempt 2)", w.reconnectText(13 * S));
        note(NetStatusCode.NETSTREAM_PLAY_START, "Started.", null, 13 * S);
        assertEquals("Reconnecting", w.reasonProperty().get(), "still reconnecting until Reconnected");
        note(NetStatusCode.NSFX_CONNECT_RECONNECTED, "Reconnected.", null, 14 * S);
        assertFalse(w.reconnecting());
        assertEquals("Buffering", w.reasonProperty().get());
        assertEquals("", w.reconnectText(14 * S));
    }

    @Test
    void aDelayOverTheLimitIsTakenAsTheLimit() {
        note(NetStatusCode.NSFX_CONNECT_RECONNECTING, "Reconnecting in 999999999999 ms (try 1 of 1)", 1, 0);
        assertEquals("Reconnecting in " + WaitReason.MAX_RECONNECT_DELAY_MS / 1000 + " s (attempt 1)", w.reconnectText(0));
        note(NetStatusCode.NETCONNECTION_CONNECT_CLOSED, "Gave up.", null, S);
        assertFalse(w.reconnecting());
    }

    @Test
    void theInputRateIsBitsPerSecondOverItsWindowAndStartsOverWhenTheCountGoesDown() {
        InputRate r = new InputRate(3);
        assertEquals(0, r.add(0, 0));
        assertEquals(8_000, r.add(1_000, S), 1e-6);
        assertEquals(12_000, r.add(3_000, 2 * S), 1e-6, "3000 bytes over 2 s");
        assertEquals(20_000, r.add(6_000, 3 * S), 1e-6, "the oldest sample left the window: 5000 bytes over 2 s");
        assertEquals(0, r.add(10, 4 * S), "a new play: the count went down");
        assertEquals(800, r.add(110, 5 * S), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> new InputRate(1));
    }
}
