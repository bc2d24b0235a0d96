package org.netstreamfx.player.net;

import java.util.Locale;

/** A NetStatusEvent's {@code info.level}. */
public enum StatusLevel {
    STATUS,
    WARNING,
    ERROR;

    /** As Flash writes it: "status", "warning", "error". */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StatusLevel fromWireName(String s) {
        if (s == null) {
            return STATUS;
        }
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "error" -> ERROR;
            case "warning" -> WARNING;
            default -> STATUS;
        };
    }
}
