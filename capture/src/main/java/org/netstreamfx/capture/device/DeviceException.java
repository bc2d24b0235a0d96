package org.netstreamfx.capture.device;

import java.util.Objects;

/**
 * A camera or microphone could not be opened or stopped delivering. The message is a sentence
 * for the user: it names the device and says what to do. Other devices are not affected.
 */
public final class DeviceException extends Exception {

    /** Why the device failed. */
    public enum Reason {
        /** No such device (wrong id, unplugged before opening, a file that does not exist). */
        NOT_FOUND,
        /** Another program (or another capture of ours) holds the device. */
        BUSY,
        /** The device refused every format we asked for. */
        UNSUPPORTED_FORMAT,
        /** The device stopped delivering while capturing (unplugged, driver error). */
        DISCONNECTED,
        /** Anything else; the message carries FFmpeg's or the sound system's own words. */
        FAILED,
        /** The id itself is malformed or asks for something out of range (a screen region, a window id). */
        INVALID_ID
    }

    private final String deviceId;
    private final Reason reason;

    public DeviceException(String deviceId, Reason reason, String message) {
        this(deviceId, reason, message, null);
    }

    public DeviceException(String deviceId, Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The id of the camera or microphone, as listed by {@link Devices#list()}. */
    public String deviceId() {
        return deviceId;
    }

    public Reason reason() {
        return reason;
    }
}
