package org.netstreamfx.player.sink;

/**
 * Receives decoded pictures at their presentation time.
 *
 * <p>Called on the stream's playback thread. The frame's pixels are valid only during the call.
 */
public interface VideoSink {
    void render(VideoFrame frame);

    /** The stream closed or was detached: show nothing (or the poster) from now on. */
    default void clear() {
    }
}
