package org.netstreamfx.player.record;

import org.netstreamfx.player.net.NetStatusEvent;

/**
 * Receives a recorder's {@code NetStream.Record.Start}, {@code NetStream.Record.Stop} and
 * {@code NetStream.Record.Failed} events (details: the file's path), on the executor the recorder
 * was given, never on the media thread that writes.
 */
@FunctionalInterface
public interface RecordListener {
    void onRecordStatus(NetStatusEvent event);
}
