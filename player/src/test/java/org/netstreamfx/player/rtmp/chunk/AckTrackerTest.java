package org.netstreamfx.player.rtmp.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.rtmp.message.Acknowledgement;
import org.netstreamfx.player.rtmp.message.WindowAckSize;

class AckTrackerTest {

    @Test
    void noAcknowledgementBeforeAWindowIsSet() {
        AckTracker t = new AckTracker();
        assertTrue(t.onBytesReceived(10_000_000).isEmpty());
        assertEquals(10_000_000, t.totalBytes());
    }

    @Test
    void acknowledgesEveryWindow() {
        AckTracker t = new AckTracker();
        t.setWindowSize(new WindowAckSize(100));
        assertTrue(t.onBytesReceived(99).isEmpty());
        assertEquals(Optional.of(new Acknowledgement(100)), t.onBytesReceived(1));
        assertTrue(t.onBytesReceived(99).isEmpty());
        // one read of many windows yields one acknowledgement with the total
        assertEquals(Optional.of(new Acknowledgement(449)), t.onBytesReceived(250));
        assertTrue(t.onBytesReceived(99).isEmpty());
        assertEquals(Optional.of(new Acknowledgement(549)), t.onBytesReceived(1));
    }

    @Test
    void sequenceNumberWrapsAt32Bits() {
        AckTracker t = new AckTracker();
        t.setWindowSize(2_500_000);
        assertEquals(Optional.of(new Acknowledgement(5_000_000_000L - (1L << 32))),
                t.onBytesReceived(5_000_000_000L));
        assertEquals(5_000_000_000L, t.totalBytes());
    }

    @Test
    void rejectsBadArguments() {
        AckTracker t = new AckTracker();
        assertThrows(IllegalArgumentException.class, () -> t.setWindowSize(0));
        assertThrows(IllegalArgumentException.class, () -> t.onBytesReceived(-1));
    }
}
