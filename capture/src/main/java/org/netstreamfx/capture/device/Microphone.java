package org.netstreamfx.capture.device;

import java.util.List;

/** A source of 16-bit PCM: a sound-card input, the tone generator, or "none". */
public interface Microphone {

    /** What {@link Devices#microphone(String)} takes back: "tone", "none", or a listed device id. */
    String id();

    /** For people. */
    String name();

    /** Formats offered; {@link #open} picks the closest to the one asked for. Empty for "none". */
    List<PcmFormat> formats();

    /**
     * Starts capturing on a thread of its own named {@code nsfx-mic-<id>}, blocks going to
     * {@code listener} stamped by {@code clock}.
     *
     * @throws DeviceException the device is missing, busy or refuses every format; nothing is left open
     */
    AudioCapture open(PcmFormat wanted, CaptureClock clock, AudioBlockListener listener) throws DeviceException;
}
