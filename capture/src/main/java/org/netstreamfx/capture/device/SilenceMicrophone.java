package org.netstreamfx.capture.device;

/**
 * Digital silence, paced like a microphone on the {@link CaptureClock}, in any format asked: what
 * a publisher sends in place of a microphone that was lost, so the stream's audio track runs on
 * (players that buffer every track, Flash's and ours, would otherwise stop the picture too).
 * Not listed among the devices.
 */
public final class SilenceMicrophone extends SignalMicrophone {
    public static final String ID = "silence";
    public static final int BLOCK_MS = 10;

    public SilenceMicrophone() {
        super(ID, "Silence", (index, rate) -> 0, BLOCK_MS);
    }
}
