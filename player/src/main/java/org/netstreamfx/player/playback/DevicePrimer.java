package org.netstreamfx.player.playback;

import org.netstreamfx.player.sink.AudioSink;

/**
 * Starts a sound device before there is sound to play, so that picture and sound start together
 * at Buffer.Full. Devices take a while to start (ALSA starts one only when its buffer is full;
 * a sound server sets up the stream first: 100 to 250 ms through PulseAudio), so while a stream
 * buffers the device is fed silence: a full buffer until it starts, then only
 * {@value #RUNNING_QUEUE_US} µs, so that the sound that follows waits little behind it.
 *
 * <p>Thread ownership: the stream's playback thread.
 */
final class DevicePrimer {
    /** Silence kept queued in a running device while the stream buffers: one period and a half. */
    static final long RUNNING_QUEUE_US = 30_000;
    private byte[] silence = new byte[0];

    /**
     * Tops the device up with silence.
     *
     * @param started whether the device has played anything yet
     * @return frames of silence written
     */
    long prime(AudioSink sink, int sampleRateHz, int channels, boolean started) {
        int frameBytes = 2 * channels;
        long queued = sink.queuedFrames();
        long wantFrames = started ? RUNNING_QUEUE_US * sampleRateHz / 1_000_000 - queued
                : Math.max(sink.bufferUs(), RUNNING_QUEUE_US) * sampleRateHz / 1_000_000;
        if (wantFrames <= 0) {
            return 0;
        }
        int bytes = (int) Math.min(wantFrames, sampleRateHz) * frameBytes;
        if (silence.length < bytes) {
            silence = new byte[bytes];
        }
        return sink.write(silence, 0, bytes) / frameBytes;
    }
}
