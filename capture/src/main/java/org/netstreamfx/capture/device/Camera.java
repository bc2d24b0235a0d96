package org.netstreamfx.capture.device;

import java.util.List;

/** A source of pictures: a real camera, the test pattern, or a media file played as a loop. */
public interface Camera {

    /** What {@link Devices#camera(String)} takes back: "test", a device path or name, a file path. */
    String id();

    /** For people. */
    String name();

    /**
     * Formats the camera offers; {@link #open} picks the closest of these to the one asked for.
     * The test camera accepts any size and rate in {@link VideoFormat}'s limits and lists common ones.
     */
    List<VideoFormat> formats();

    /**
     * Starts capturing, on a thread of its own named {@code nsfx-camera-<id>}, frames going to
     * {@code listener} stamped by {@code clock}.
     *
     * @param wanted the size and rate asked for; the capture's {@link VideoCapture#format()} says
     *               what was negotiated
     * @throws DeviceException the device is missing, busy or refuses; nothing is left open
     */
    VideoCapture open(VideoFormat wanted, CaptureClock clock, VideoFrameListener listener) throws DeviceException;
}
