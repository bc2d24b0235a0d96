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

    @Override
    public final long bytesLoaded() {
        return input.bytesLoaded();
    }

    @Override
    public final long bytesTotal() {
        return input.size();
    }
}
