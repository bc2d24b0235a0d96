package org.netstreamfx.capture.device;

import java.util.List;

/**
 * A computed microphone (the tone, silence): it offers the formats FLV's AAC carries, generates
 * any format asked in {@link PcmFormat}'s limits, and paces its blocks on the capture clock
 * ({@link SignalCapture}).
 */
abstract class SignalMicrophone implements Microphone {
    private final String id;
    private final String name;
    private final SignalCapture.Signal signal;
    private final int blockMs;

    SignalMicrophone(String id, String name, SignalCapture.Signal signal, int blockMs) {
        this.id = id;
        this.name = name;
        this.signal = signal;
        this.blockMs = blockMs;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<PcmFormat> formats() {
        return PcmFormat.AAC_FORMATS;
    }

    /** Any rate and channel count in {@link PcmFormat}'s limits is generated as asked. */
    @Override
    public final AudioCapture open(PcmFormat wanted, CaptureClock clock, AudioBlockListener listener) {
        return SignalCapture.start(this, wanted, clock, listener, signal, blockMs);
    }
}
