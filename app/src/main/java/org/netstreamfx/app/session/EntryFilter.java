package org.netstreamfx.app.session;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.netstreamfx.player.net.StatusLevel;

/**
 * What the event log shows: entries at one of {@code levels} (callbacks and control events count
 * as status), containing {@code text} (case-insensitive, in the type, code, description, details
 * or data; "" matches all), with stats and raw RTMP control events shown on demand.
 *
 * @param levels  the levels shown
 * @param text    text every shown entry contains, or ""
 * @param stats   whether stats samples are shown
 * @param control whether raw RTMP control events are shown
 */
public record EntryFilter(Set<StatusLevel> levels, String text, boolean stats, boolean control) {

    public EntryFilter {
        levels = levels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(levels));
        text = Objects.requireNonNullElse(text, "").trim();
    }

    /** Every entry. */
    public static EntryFilter all() {
        return new EntryFilter(EnumSet.allOf(StatusLevel.class), "", true, true);
    }

    /** The event log's default: every NetStatus event and callback, no stats, no raw control events. */
    public static EntryFilter events() {
        return new EntryFilter(EnumSet.allOf(StatusLevel.class), "", false, false);
    }

    public EntryFilter withLevels(Set<StatusLevel> newLevels) {
        return new EntryFilter(newLevels, text, stats, control);
    }

    public EntryFilter withText(String newText) {
        return new EntryFilter(levels, newText, stats, control);
    }

    public EntryFilter withStats(boolean show) {
        return new EntryFilter(levels, text, show, control);
    }

    public EntryFilter withControl(boolean show) {
        return new EntryFilter(levels, text, stats, show);
    }

    public boolean matches(SessionEntry e) {
        boolean kindShown = switch (e.kind()) {
            case STATS -> stats;
            case CONTROL -> control && levels.contains(StatusLevel.STATUS);
            case STATUS, CALLBACK -> e.level().map(levels::contains).orElse(false);
        };
        return kindShown && (text.isEmpty() || e.contains(text.toLowerCase(Locale.ROOT)));
    }
}
