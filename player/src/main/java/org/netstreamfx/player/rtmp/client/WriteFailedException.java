package org.netstreamfx.player.rtmp.client;

import java.io.IOException;

/**
 * The connection's own verdict on its writing side, which ends the connection: a write made no
 * progress for the stall limit ({@link RtmpWriter#STALL_LIMIT_MS}), or commands or control messages
 * found the outbound queue full ({@link OutboundQueue#MAX_QUEUED_BYTES}). The message is the
 * sentence of the Connect.Closed event; it names host and port only.
 */
public final class WriteFailedException extends IOException {
    private final boolean stalled;

    public WriteFailedException(String message, boolean stalled) {
        super(message);
        this.stalled = stalled;
    }

    /** True for a stalled write, false for a full queue. */
    public boolean stalled() {
        return stalled;
    }
}
