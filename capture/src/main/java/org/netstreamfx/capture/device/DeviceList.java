package org.netstreamfx.capture.device;

import java.util.List;

/**
 * What {@link Devices#list()} found: real cameras then the test camera; real microphones then
 * the tone and "none". Any media file path also works as a camera ({@link #FILE_CAMERA_NOTE}).
 */
public record DeviceList(List<Camera> cameras, List<Microphone> microphones) {
    public static final String FILE_CAMERA_NOTE =
            "Any media file path also works as a camera: it plays as a loop at the size and rate asked for.";
    /** How to ask for the screen, a region of it or a window (see {@link ScreenSpec}). */
    public static final String SCREEN_CAMERA_NOTE = "The screen is a camera too: " + ScreenSpec.SYNTAX
            + " (e.g. screen::0,region=1280x720+0+0,cursor=off), scaled to the size asked for.";

    public DeviceList {
        cameras = List.copyOf(cameras);
        microphones = List.copyOf(microphones);
    }
}
