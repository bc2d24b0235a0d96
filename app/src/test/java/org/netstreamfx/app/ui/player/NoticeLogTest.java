package org.netstreamfx.app.ui.player;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.netstreamfx.player.net.NetStatusCode;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.StatusLevel;

/** The player's notice and event log, without a stream (the flow tests cover them playing). */
class NoticeLogTest {

    @Test
    void theLogKeepsTheNewestEvents() {
        NoticeLog log = new NoticeLog(this);
        for (int i = 0; i < NoticeLog.MAX_EVENTS + 5; i++) {
            log.record(NetStatusEvent.of(NetStatusCode.NETSTREAM_BUFFER_FULL, "full " + i, null, i));
        }
        assertEquals(NoticeLog.MAX_EVENTS, log.events().size());
        assertEquals("full 5", log.events().get(0).description());
    }

    @Test
    void theNoSoundDeviceNoticeShowsOnceASession() {
        NoticeLog log = new NoticeLog(this);
        NetStatusEvent noDevice = NetStatusEvent.of(NetStatusCode.NSFX_AUDIO_NODEVICE, "no device", null, 1);
        log.show(noDevice, null, null);
        assertEquals(NetStatusCode.NSFX_AUDIO_NODEVICE.code(), log.notice().get().code());
        log.post(null);
        log.show(noDevice, null, null);
        assertNull(log.notice().get());
    }

    @Test
    void reconnectingSaysTheAttemptAndWhyAndReconnectedClearsIt() {
        NoticeLog log = new NoticeLog(this);
        log.showReconnect(NetStatusEvent.of(NetStatusCode.NSFX_CONNECT_RECONNECTING,
                "Reconnecting in 500 ms (try 2 of 3) after: connection reset.", 2, 1), null);
        Notice n = log.notice().get();
        assertEquals(StatusLevel.WARNING, n.level());
        assertEquals("Reconnecting (attempt 2)…", n.description());
        assertEquals("The connection dropped (connection reset); playback goes on when it is back.", n.advice());
        log.showReconnect(NetStatusEvent.of(NetStatusCode.NSFX_CONNECT_RECONNECTED, "back", null, 2), null);
        assertNull(log.notice().get());
    }

    @Test
    void anAddressThatCannotOpenIsAStreamNotFoundError() {
        NoticeLog log = new NoticeLog(this);
        log.cannotOpen("Not a file or URL: x");
        Notice n = log.notice().get();
        assertEquals(NetStatusCode.NETSTREAM_PLAY_STREAMNOTFOUND.code(), n.code());
        assertEquals(StatusLevel.ERROR, n.level());
        assertEquals("Not a file or URL: x", n.description());
        Notice other = new Notice("X", StatusLevel.WARNING, "d", "a");
        log.post(other);
        assertSame(other, log.notice().get());
    }
}
