package org.netstreamfx.app.ui.settings;

/**
 * What the publisher view keeps between runs: devices, encoding figures, the server URL and the
 * stream name. Never the stream key: there is no field for it, and {@link AppSettings} strips a
 * query (where keys travel) from both the URL and the name before it stores them.
 *
 * @param serverUrl   rtmp[s]://host[:port]/app, "" for none
 * @param streamName  the name published under (without key), "" for none
 * @param cameraId    a camera id for {@code Devices.camera}
 * @param microphoneId a microphone id for {@code Devices.microphone}
 * @param width       pixels
 * @param height      pixels
 * @param fps         frames per second
 * @param videoKbps   H.264 bit rate
 * @param audioKbps   AAC bit rate
 */
public record PublisherPrefs(String serverUrl, String streamName, String cameraId, String microphoneId, int width,
                             int height, int fps, int videoKbps, int audioKbps) {
    /** What a first run starts with: the test camera and the tone, 640x360 at 25 fps. */
    public static final PublisherPrefs DEFAULTS = new PublisherPrefs("", "", "test", "tone", 640, 360, 25, 800, 96);
}
