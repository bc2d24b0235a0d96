package org.netstreamfx.capture.device;

/**
 * A computed microphone's capture (the tone, silence): sample {@code s} of the signal is the
 * sample at {@code s / rate} seconds of the {@link CaptureClock}, so every block's
 * {@code captureTimeUs} is exact and the signal runs on without a break. Blocks of
 * {@code blockMs} ms are delivered once the clock has passed their end, as a real microphone's;
 * every channel carries the same signal.
 *
 * <p>Its thread computes and paces the blocks; nothing native is held.
 */
final class SignalCapture extends AudioCaptureWorker {
    /** The signal: sample {@code index} at {@code rate}, as a fraction of full scale (-1..1). */
    @FunctionalInterface
    interface Signal {
        double sample(long index, int rate);
    }

    private final Signal signal;
    private final int blockMs;

    SignalCapture(Microphone microphone, PcmFormat format, CaptureClock clock, AudioBlockListener listener,
            Signal signal, int blockMs) {
        super(microphone, format, clock, listener);
        this.signal = signal;
        this.blockMs = blockMs;
    }

    /** Starts a capture of {@code signal} at {@code format} and returns it. */
    static AudioCapture start(Microphone microphone, PcmFormat format, CaptureClock clock, AudioBlockListener listener,
            Signal signal, int blockMs) {
        SignalCapture capture = new SignalCapture(microphone, format, clock, listener, signal, blockMs);
        capture.start();
        return capture;
    }

    // Called on the capture thread.

    @Override
    protected void loop() throws InterruptedException, DeviceException {
        PcmFormat format = format();
        int rate = format.sampleRate();
        int frames = rate * blockMs / 1000;
        short[] block = new short[frames * format.channels()];
        long s = Math.floorDiv(clock().nowUs() * rate + 999_999, 1_000_000L); // first sample at or after now
        while (!closing()) {
            clock().sleepUntilUs(format.sampleTimeUs(s + frames));
            for (int i = 0; i < frames; i++) {
                short v = (short) Math.round(signal.sample(s + i, rate) * 32767);
                for (int c = 0; c < format.channels(); c++) {
                    block[i * format.channels() + c] = v;
                }
            }
            deliver(block, frames, format.sampleTimeUs(s));
            s += frames;
        }
    }

    @Override
    protected void release() {
        // Nothing native: the signal is computed.
    }
}
