package org.netstreamfx.app.ui.player;

import org.netstreamfx.player.net.StatusLevel;

/**
 * A message for the user about a NetStatus event: its code and level, what happened, and a
 * sentence that says what to do.
 *
 * @param code         the NetStatus code, e.g. "NetStream.Play.StreamNotFound"
 * @param level        warning or error
 * @param description  what the engine said happened
 * @param advice       what the user can do about it
 */
public record Notice(String code, StatusLevel level, String description, String advice) {

    /** One line for the notification bar: code, then what happened, then what to do. */
    public String text() {
        String what = description == null || description.isBlank() ? "" : " " + description.strip();
        if (!what.isEmpty() && !what.endsWith(".")) {
            what += ".";
        }
        return code + ":" + what + " " + advice;
    }
}
