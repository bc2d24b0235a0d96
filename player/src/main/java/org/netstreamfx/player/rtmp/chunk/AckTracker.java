package org.netstreamfx.player.rtmp.chunk;

import java.util.Optional;
import org.netstreamfx.player.rtmp.message.Acknowledgement;
import org.netstreamfx.player.rtmp.message.WindowAckSize;

/**
 * Counts bytes received on a connection and says when an Acknowledgement is due (Adobe RTMP
 * specification 1.0, sections 5.4.3 and 5.4.4): after the peer announces a Window Acknowledgement
 * Size, the receiver acknowledges each time that many bytes have arrived since the last
 * acknowledgement, sending the total received so far modulo 2^32 as the sequence number.
 *
 * <p>Count every byte read from the socket after the handshake (the specification counts the
 * handshake too, but servers in practice count from the first chunk; either way the peer only
 * uses the number for flow control). Before any window is set no acknowledgement is due. One call
 * to {@link #onBytesReceived(long)} yields at most one acknowledgement, however large the read,
 * so a tiny window cannot make us flood the peer.
 *
 * <p>Threading: not thread-safe; the connection's reader thread owns it.
 */
public final class AckTracker {
    private long windowSize;
    private long totalBytes;
    private long acknowledgedAt;

    /** Applies a Window Acknowledgement Size from the peer. */
    public void setWindowSize(WindowAckSize size) {
        setWindowSize(size.size());
    }

    /** Sets the window, 1..2^32-1 bytes. */
    public void setWindowSize(long size) {
        if (size < 1 || size > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("window size " + size + " outside 1..2^32-1");
        }
        windowSize = size;
    }

    /** The window in force, or 0 if the peer has not set one. */
    public long windowSize() {
        return windowSize;
    }

    /** All bytes counted so far (64-bit, does not wrap). */
    public long totalBytes() {
        return totalBytes;
    }

    /** The sequence number an acknowledgement sent now would carry: total bytes modulo 2^32. */
    public long sequenceNumber() {
        return totalBytes & 0xFFFFFFFFL;
    }

    /**
     * Counts {@code count} more bytes received; returns the Acknowledgement to send if a window's
     * worth of bytes has arrived since the last one.
     */
    public Optional<Acknowledgement> onBytesReceived(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("byte count " + count + " is negative");
        }
        totalBytes += count;
        if (windowSize == 0 || totalBytes - acknowledgedAt < windowSize) {
            return Optional.empty();
        }
        acknowledgedAt = totalBytes;
        return Optional.of(new Acknowledgement(sequenceNumber()));
    }
}
