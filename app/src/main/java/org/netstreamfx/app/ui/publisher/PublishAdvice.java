package org.netstreamfx.app.ui.publisher;

import org.netstreamfx.app.ui.player.Notice;
import org.netstreamfx.player.net.NetStatusCode;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.StatusLevel;

/** What to tell the user to do about a warning or an error while publishing. */
final class PublishAdvice {
    private PublishAdvice() {
    }

    /**
     * The notice for {@code e} (its description already masked), or null for a status event and for
     * NetStreamFX.Audio.NoDevice: only the loopback monitor plays sound, and it is muted.
     */
    static Notice noticeFor(NetStatusEvent e, String maskedDescription) {
        if (e.level() == StatusLevel.STATUS || e.is(NetStatusCode.NSFX_AUDIO_NODEVICE)) {
            return null;
        }
        return new Notice(e.code(), e.level(), maskedDescription, adviceFor(e.code(), e.level()));
    }

    static String adviceFor(String code, StatusLevel level) {
        NetStatusCode known = null;
        for (NetStatusCode c : NetStatusCode.values()) {
            if (c.code().equals(code)) {
                known = c;
            }
        }
        String fallback = level == StatusLevel.ERROR ? "Go live again; the event list has the details."
                : "Publishing goes on.";
        if (known == null) {
            return fallback;
        }
        return switch (known) {
            case NETSTREAM_PUBLISH_BADNAME -> "The name is already being published: stop the other publisher or "
                    + "choose another stream name.";
            case NETCONNECTION_CONNECT_FAILED -> "Check the server URL and that the server is running, then go live again.";
            case NETCONNECTION_CONNECT_REJECTED -> "The server refused: check the application name and the stream key.";
            case NETCONNECTION_CONNECT_INVALIDAPP -> "Check the application name in the server URL (rtmp://host/app).";
            case NETCONNECTION_CONNECT_CLOSED -> "The connection is gone: go live again when the server is back.";
            case NSFX_CONNECT_RECONNECTING -> "The connection dropped; publishing resumes when it is back.";
            case NSFX_CONNECT_STALLED -> "The server stopped answering: check the network, then go live again.";
            case NSFX_PUBLISH_DROPPED -> "The network cannot keep up: lower the video bitrate or the size.";
            case NSFX_PUBLISH_STALLED -> "Nothing leaves: check the network, or lower the bitrates.";
            case NSFX_PUBLISH_FEEDFAILED -> "The stream goes on without it. Plug it back in (the lists refresh) or "
                    + "pick another device, then go live again.";
            default -> fallback;
        };
    }
}
