package org.netstreamfx.app.session;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.netstreamfx.player.net.StatusLevel;

/**
 * One entry of a recorded session: its line (already masked), when it happened, and for stats
 * the typed sample (for charts). Immutable.
 */
public final class SessionEntry {
    private final long seq;
    private final long nanos;
    private final EventLine line;
    private final StatsSample stats;
    private final String searchText;

    SessionEntry(long seq, long nanos, EventLine line, StatsSample stats, String payloadJson) {
        this.seq = seq;
        this.nanos = nanos;
        this.line = Objects.requireNonNull(line, "line");
        this.stats = stats;
        this.searchText = (line.type() + "\n" + Objects.toString(line.code(), "") + "\n" + line.description()
                + "\n" + payloadJson).toLowerCase(Locale.ROOT);
    }

    /** The entry's number in the session, from 0; numbers of dropped entries are not reused. */
    public long seq() {
        return seq;
    }

    /** When it happened, {@link System#nanoTime()} scale. */
    public long nanos() {
        return nanos;
    }

    /** Seconds since the session started. */
    public double t() {
        return line.t();
    }

    public EventLine line() {
        return line;
    }

    public EventLine.Kind kind() {
        return line.kind();
    }

    /**
     * The level the event log filters on: a status line's own level; callbacks and control events
     * count as {@code STATUS}; stats have none (empty).
     */
    public Optional<StatusLevel> level() {
        return switch (line.kind()) {
            case STATUS -> Optional.of(StatusLevel.fromWireName(line.level()));
            case CALLBACK, CONTROL -> Optional.of(StatusLevel.STATUS);
            case STATS -> Optional.empty();
        };
    }

    /** The typed sample of a stats entry. */
    public Optional<StatsSample> stats() {
        return Optional.ofNullable(stats);
    }

    /** True when {@code lowerCaseText} occurs in the type, code, description or payload (as JSON). */
    boolean contains(String lowerCaseText) {
        return searchText.contains(lowerCaseText);
    }

    @Override
    public String toString() {
        return "SessionEntry#" + seq + line.fields();
    }
}
