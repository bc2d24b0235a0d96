package org.netstreamfx.player.source;

import java.io.Closeable;
import java.io.IOException;

/**
 * Bytes addressed by position: a local file, or a progressive HTTP download that fills in as it
 * arrives. Reads block until at least one byte at the position is available or the data ends.
 */
public interface RandomAccessInput extends Closeable {

    /**
     * Reads up to {@code len} bytes at {@code position}. Returns the count read (at least 1), or
     * -1 when {@code position} is at or past the end of the data.
     */
    int read(long position, byte[] dst, int off, int len) throws IOException;

    /** The total size, or -1 while unknown. */
    long size();

    /** Bytes available so far from the start (for a file: its size). */
    long bytesLoaded();

    /** A name safe to show and log: credentials and query strings masked. */
    String displayName();

    /**
     * Ends a read that is waiting for data not yet arrived with a {@link ReadWokenException}, so
     * the reader can do something else first (a seek); a read not waiting is left alone. Data that
     * is all there never waits: the default does nothing.
     */
    default void wake() {
    }
}
