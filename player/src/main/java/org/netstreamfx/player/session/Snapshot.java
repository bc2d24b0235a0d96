package org.netstreamfx.player.session;

/** The latest figures from a NetStream's playback thread, published whole for info() and the getters. */
public record Snapshot(long timeUs, long bufferLengthUs, long videoBufferUs, long audioBufferUs, long videoBufferBytes,
                long audioBufferBytes, long renderedFrames, long droppedFrames, double avDriftMs, double fps,
                long decodedFrames, long decodedSamples, long decodeErrors, boolean ended, long audioUnderruns,
                long skippedFrames, double playbackRate) {
    /** Before anything plays. */
    public static final Snapshot EMPTY = new Snapshot(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, 0, 0, 1.0);
}
