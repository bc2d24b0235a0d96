package org.netstreamfx.player.net;

import org.netstreamfx.player.health.Finding;
import org.netstreamfx.player.health.Severity;

/**
 * A health finding as the NetStatus event a playing NetStream raises: code
 * {@code NetStreamFX.Health.<Rule>}, level from the severity (info is status), description the
 * finding's message and advice, details the finding's figures; its clear has the same code, level
 * status and {@code cleared: true} in the details.
 */
final class HealthStatus {
    private HealthStatus() {
    }

    static NetStatusEvent event(Finding f, long nanos) {
        StatusLevel level = f.cleared() ? StatusLevel.STATUS : levelOf(f.severity());
        String description = f.cleared() ? "Cleared: " + f.message() + " is gone."
                : f.message() + (f.advice().isEmpty() ? "." : ": " + f.advice() + ".");
        java.util.Map<String, Object> info = new java.util.LinkedHashMap<>();
        info.put("code", f.rule().code());
        info.put("level", level.wireName());
        info.put("description", description);
        info.put("details", f.eventDetails());
        return new NetStatusEvent(f.rule().code(), level, description, f.eventDetails(), info, nanos);
    }

    static StatusLevel levelOf(Severity s) {
        return switch (s) {
            case INFO -> StatusLevel.STATUS;
            case WARNING -> StatusLevel.WARNING;
            case ERROR -> StatusLevel.ERROR;
        };
    }
}
