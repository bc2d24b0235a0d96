package org.netstreamfx.capture.device;

import java.util.List;

/**
 * A microphone asked for by an id that is not there ({@link Devices#microphoneOrMissing}):
 * opening it throws the {@link DeviceException} that said so. A publisher attaches it like any
 * other, so the failure reaches the stream's listeners as the feed's error event (naming the
 * id and what to do) while the camera is published on.
 */
public final class MissingMicrophone implements Microphone {
    private final DeviceException why;

    public MissingMicrophone(DeviceException why) {
        this.why = why;
    }

    @Override
    public String id() {
        return why.deviceId();
    }

    @Override
    public String name() {
        return "Missing microphone " + why.deviceId();
    }

    @Override
    public List<PcmFormat> formats() {
        return List.of();
    }

    @Override
    public AudioCapture open(PcmFormat wanted, CaptureClock clock, AudioBlockListener listener)
            throws DeviceException {
        throw new DeviceException(why.deviceId(), why.reason(), why.getMessage(), why);
    }
}
