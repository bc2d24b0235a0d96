package org.netstreamfx.capture.device;

import java.util.concurrent.atomic.AtomicLong;
import org.netstreamfx.capture.device.DeviceException.Reason;

/** What every microphone capture shares: its thread, its format, metering and the listener. */
abstract class AudioCaptureWorker extends CaptureWorker implements AudioCapture {
    private final Microphone microphone;
    private final PcmFormat format;
    private final CaptureClock clock;
    private final AudioBlockListener listener;
    private final AtomicLong delivered = new AtomicLong();

    AudioCaptureWorker(Microphone microphone, PcmFormat format, CaptureClock clock, AudioBlockListener listener) {
        super("nsfx-mic-" + microphone.id());
        this.microphone = microphone;
        this.format = format;
        this.clock = clock;
        this.listener = listener;
    }

    @Override
    public final Microphone microphone() {
        return microphone;
    }

    @Override
    public final PcmFormat format() {
        return format;
    }

    @Override
    public final long blocksDelivered() {
        return delivered.get();
    }

    final CaptureClock clock() {
        return clock;
    }

    // Called on the capture thread.

    /** Meters {@code frames} sample frames of {@code samples} and hands them to the listener. */
    final void deliver(short[] samples, int frames, long captureTimeUs) throws DeviceException {
        AudioLevel level = AudioLevel.measure(samples, 0, frames * format.channels());
        try {
            listener.onAudio(new AudioBlock(format, samples, frames, captureTimeUs, level));
        } catch (RuntimeException e) {
            throw new DeviceException(microphone.id(), Reason.FAILED, "The capture of microphone \""
                    + microphone.id() + "\" stopped: its audio listener failed (" + e + ").", e);
        }
        delivered.incrementAndGet();
    }

    @Override
    protected final void failed(DeviceException failure) {
        listener.onCaptureFailed(failure);
    }
}
