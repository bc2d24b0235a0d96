package org.netstreamfx.app.ui.publisher;

/**
 * One entry of a device picker.
 *
 * @param id   what {@code Devices.camera} / {@code Devices.microphone} takes back
 * @param name for people
 */
public record DeviceChoice(String id, String name) {
    /**
     * The name without what it says in brackets at the end ("Test pattern" for "Test pattern
     * (lavfi testsrc2, frame counter)"), for a picker's box; the list shows the whole name.
     */
    public String shortName() {
        int open = name.indexOf(" (");
        return open > 0 && name.endsWith(")") ? name.substring(0, open) : name;
    }

    @Override
    public String toString() {
        return name;
    }
}
