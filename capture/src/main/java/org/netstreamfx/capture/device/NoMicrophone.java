package org.netstreamfx.capture.device;

import java.util.List;

/**
 * The microphone {@value #ID}: no audio. It offers no format; opening it gives a capture that
 * never delivers, so a publisher treats "none" as "no audio track" without special cases.
 */
public final class NoMicrophone implements Microphone {
    public static final String ID = "none";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "No audio";
    }

    @Override
    public List<PcmFormat> formats() {
        return List.of();
    }

    @Override
    public AudioCapture open(PcmFormat wanted, CaptureClock clock, AudioBlockListener listener) {
        NoMicrophone mic = this;
        return new AudioCapture() {
            @Override
            public Microphone microphone() {
                return mic;
            }

            @Override
            public PcmFormat format() {
                return wanted;
            }

            @Override
            public long blocksDelivered() {
                return 0;
            }

            @Override
            public void close() {
                // No thread and no device: nothing to stop.
            }
        };
    }
}
