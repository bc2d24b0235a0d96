package org.netstreamfx.player.health;

import java.util.Locale;

/**
 * How bad a health finding is: {@code info} (worth knowing), {@code warning} (an ingest service
 * would complain or viewers may notice) or {@code error} (the stream is broken or would be refused).
 */
public enum Severity {
    INFO,
    WARNING,
    ERROR;

    /** "info", "warning", "error", as reports and profile files write it. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The severity a profile file names, or empty for an unknown name. */
    public static java.util.Optional<Severity> fromWireName(String s) {
        for (Severity v : values()) {
            if (v.wireName().equals(s)) {
                return java.util.Optional.of(v);
            }
        }
        return java.util.Optional.empty();
    }
}
