package org.netstreamfx.capture.device;

import java.util.List;

/**
 * Digital silence, paced like a microphone on the {@link CaptureClock}, in any format asked: what
 * a publisher sends in place of a microphone that was lost, so the stream's audio track runs on
 * (players that buffer every track, Flash's and ours, would otherwise stop the picture too).
 * Not listed among the devices.
 */
public final class SilenceMicrophone implements Microphone {
    public static final String ID = "silence";
    public static final int BLOCK_MS = 10;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Silence";
    }

    @Override
    public List<PcmFormat> formats() {
        return PcmFormat.AAC_FORMATS;
    }

    @Override
    public AudioCapture open(PcmFormat wanted, CaptureClock clock, AudioBlockListener listener) {
        return SignalCapture.start(this, wanted, clock, listener, (index, rate) -> 0, BLOCK_MS);
    }
}
