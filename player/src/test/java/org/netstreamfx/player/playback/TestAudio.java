package org.netstreamfx.player.playback;

import org.netstreamfx.player.sink.AudioChunk;

/** Mono 16-bit audio (48 kHz unless told) whose sample values are their index in the chunk (0, 1, 2, ...). */
final class TestAudio {
    static final int RATE_HZ = 48_000;

    private TestAudio() {
    }

    static AudioChunk chunk(long ptsMs, long durationMs) {
        return chunk(ptsMs, durationMs, RATE_HZ);
    }

    /** The same at another sample rate. */
    static AudioChunk chunk(long ptsMs, long durationMs, int rateHz) {
        int frames = (int) (durationMs * rateHz / 1000);
        byte[] pcm = new byte[frames * 2];
        for (int i = 0; i < frames; i++) {
            pcm[2 * i] = (byte) i;
            pcm[2 * i + 1] = (byte) (i >> 8);
        }
        return new AudioChunk(ptsMs * 1000, rateHz, 1, pcm, pcm.length);
    }

    /** The value of the sample at {@code byteOffset} (little-endian 16-bit). */
    static int sampleAt(byte[] pcm, int byteOffset) {
        return (pcm[byteOffset] & 0xff) | (pcm[byteOffset + 1] << 8);
    }
}
