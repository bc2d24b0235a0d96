package org.netstreamfx.player.playback;

import org.netstreamfx.player.sink.TimedFrame;

/**
 * The decoded end of one track as the playback core sees it.
 *
 * <p>Thread ownership: {@link #peek()} and {@link #poll()} are called only on the playback thread;
 * the producer side is the track's decoder thread.
 */
public interface TrackOutput<F extends TimedFrame> {
    /** Marks "nothing buffered yet" for {@link #bufferedEndUs()}. */
    long NOTHING = Long.MIN_VALUE;

    /** The next decoded frame, or null when none is ready. */
    F peek();

    /** Removes and returns the next decoded frame, or null. */
    F poll();

    /** The end time of everything this track has received (decoded or not), or {@link #NOTHING}. */
    long bufferedEndUs();

    /** Compressed bytes waiting to be decoded. */
    long bufferedBytes();

    /** True when the source has ended for this track and every frame has been taken. */
    boolean finished();
}
