package org.netstreamfx.player.net;

import org.netstreamfx.player.record.RecordListener;
import org.netstreamfx.player.record.RecordStatus;

/**
 * Maps a recorder's {@link RecordStatus} to Flash's events: {@code NetStream.Record.Start},
 * {@code NetStream.Record.Stop} and {@code NetStream.Record.Failed}, with the file's path as
 * details. The recorders stay free of the API layer; whoever hands one a listener and wants
 * NetStatus events wraps its {@link NetStatusListener} with {@link #forwardingTo}.
 */
public final class RecordEvents {
    private RecordEvents() {
    }

    /** The NetStatus event for a recorder's status. */
    public static NetStatusEvent toEvent(RecordStatus status) {
        NetStatusCode code = switch (status.kind()) {
            case STARTED -> NetStatusCode.NETSTREAM_RECORD_START;
            case STOPPED -> NetStatusCode.NETSTREAM_RECORD_STOP;
            case FAILED -> NetStatusCode.NETSTREAM_RECORD_FAILED;
        };
        return NetStatusEvent.of(code, status.description(), status.file(), status.nanoTime());
    }

    /** A recorder's listener that hands each status on as its NetStatus event. */
    public static RecordListener forwardingTo(NetStatusListener listener) {
        return status -> listener.onNetStatus(toEvent(status));
    }
}
