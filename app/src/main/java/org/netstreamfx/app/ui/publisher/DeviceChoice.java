package org.netstreamfx.app.ui.publisher;

/**
 * One entry of a device picker.
 *
 * @param id   what {@code Devices.camera} / {@code Devices.microphone} takes back
 * @param name for people
 */
public record DeviceChoice(String id, String name) {
    @Override
    public String toString() {
        return name;
    }
}
