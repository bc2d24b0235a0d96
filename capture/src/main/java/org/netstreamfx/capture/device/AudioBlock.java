package org.netstreamfx.capture.device;

/**
 * A block of captured audio, handed to {@link AudioBlockListener#onAudio} on the capture thread.
 * The samples array belongs to the capture and is reused: valid only during the call.
 *
 * @param format        16-bit signed PCM at this rate and channel count
 * @param samples       interleaved samples; {@code frames * format.channels()} of them from index 0
 * @param frames        sample frames in the block (per channel)
 * @param captureTimeUs when the first sample was captured, on the capture's {@link CaptureClock}
 * @param level         the block's peak and RMS level
 */
public record AudioBlock(PcmFormat format, short[] samples, int frames, long captureTimeUs, AudioLevel level) {

    /** Microseconds the block lasts. */
    public long durationUs() {
        return frames * 1_000_000L / format.sampleRate();
    }
}
