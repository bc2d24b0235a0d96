package org.netstreamfx.player.source;

/**
 * A demuxer reading a {@link RandomAccessInput} (a local file, a progressive download): how much
 * of the stream is loaded, and its size, are the input's. The base of {@link FlvSource} and
 * {@link FfmpegSource}, which read the same inputs with different demuxers.
 */
abstract class InputSource implements MediaSource {
    protected final RandomAccessInput input;

    protected InputSource(RandomAccessInput input) {
        this.input = input;
    }

    /**
     * Whether {@code loaded} bytes (a value of {@link #bytesLoaded}) are the whole input, so that
     * every time is in reach of a seek ({@link #seekableUntilUs} is empty). False while the size
     * is unknown.
     */
    protected final boolean whole(long loaded) {
        long size = input.size();
        return size > 0 && loaded >= size;
    }

    @Override
    public final long bytesLoaded() {
        return input.bytesLoaded();
    }

    @Override
    public final long bytesTotal() {
        return input.size();
    }
}
