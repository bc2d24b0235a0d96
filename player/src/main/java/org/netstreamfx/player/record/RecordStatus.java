package org.netstreamfx.player.record;

import java.util.Objects;

/**
 * What a recorder reports: it started writing, it stopped and the file is complete, or it failed.
 * The engine's API layer turns these into Flash's {@code NetStream.Record.Start}, {@code .Stop}
 * and {@code .Failed} events; the recorders themselves know nothing of NetStatus.
 *
 * @param kind         started, stopped or failed
 * @param description  a sentence for people ("Recording to /tmp/a.flv.")
 * @param file         the file's path as given, which is the event's details
 * @param nanoTime     when it happened ({@link System#nanoTime()} scale)
 */
public record RecordStatus(Kind kind, String description, String file, long nanoTime) {

    /** The three things a recording reports. */
    public enum Kind { STARTED, STOPPED, FAILED }

    public RecordStatus {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
    }
}
