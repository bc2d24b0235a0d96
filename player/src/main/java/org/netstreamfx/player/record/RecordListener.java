package org.netstreamfx.player.record;

/**
 * Receives a recorder's start, stop and failure (see {@link RecordStatus}), on the executor the
 * recorder was given, never on the media thread that writes.
 */
@FunctionalInterface
public interface RecordListener {
    void onRecordStatus(RecordStatus status);
}
