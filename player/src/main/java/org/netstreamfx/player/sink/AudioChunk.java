package org.netstreamfx.player.sink;

/**
 * Decoded audio as signed 16-bit little-endian interleaved PCM.
 *
 * @param ptsUs        time of the first sample
 * @param sampleRateHz samples per second per channel
 * @param channels     1 or 2
 * @param pcm          the samples (owned by the chunk)
 * @param lengthBytes  valid bytes in pcm
 */
public record AudioChunk(long ptsUs, int sampleRateHz, int channels, byte[] pcm, int lengthBytes) implements TimedFrame {
    public int frames() {
        return lengthBytes / (2 * channels);
    }

    @Override
    public long durationUs() {
        return frames() * 1_000_000L / sampleRateHz;
    }

    /** The same audio without its first {@code skipFrames} frames. */
    public AudioChunk dropFrames(int skipFrames) {
        int skip = Math.min(skipFrames, frames());
        int skipBytes = skip * 2 * channels;
        byte[] rest = java.util.Arrays.copyOfRange(pcm, skipBytes, lengthBytes);
        return new AudioChunk(ptsUs + skip * 1_000_000L / sampleRateHz, sampleRateHz, channels, rest, rest.length);
    }

    @Override
    public void release() {
        // Heap memory: nothing to give back.
    }
}
