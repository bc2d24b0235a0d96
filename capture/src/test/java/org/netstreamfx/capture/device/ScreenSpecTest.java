package org.netstreamfx.capture.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Screen camera ids: what each part asks FFmpeg for, and a sentence for every malformed or out-of-range one. */
class ScreenSpecTest {

    @Test
    void aRegionOfAnXDisplayWithoutTheCursor() throws Exception {
        ScreenSpec s = ScreenSpec.parse("screen::99.0,region=640x360+80+60,cursor=off", "x11grab");
        assertEquals(":99.0", s.display());
        assertEquals(new ScreenSpec.Region(640, 360, 80, 60), s.region());
        assertFalse(s.cursor());
        assertEquals(":99.0", s.ffmpegInput(":0"));
        assertEquals(Map.of("framerate", "25.000", "draw_mouse", "0", "video_size", "640x360", "grab_x", "80",
                "grab_y", "60"), s.ffmpegOptions(25));
    }

    @Test
    void theDefaultDisplayWholeWithTheCursor() throws Exception {
        ScreenSpec s = ScreenSpec.parse("screen:", "x11grab");
        assertEquals("", s.display());
        assertNull(s.region());
        assertTrue(s.cursor());
        assertEquals(":5", s.ffmpegInput(":5"));
        assertEquals(Map.of("framerate", "30.000", "draw_mouse", "1"), s.ffmpegOptions(30));
    }

    @Test
    void anXWindowByHexOrDecimalId() throws Exception {
        assertEquals("48234503", ScreenSpec.parse("screen::0,window=0x2E00007", "x11grab").ffmpegOptions(10)
                .get("window_id"));
        ScreenSpec s = ScreenSpec.parse("screen:remote:1.0,window=42,cursor=off", "x11grab");
        assertEquals("42", s.ffmpegOptions(10).get("window_id"));
        assertFalse(s.cursor());
    }

    @Test
    void gdigrabTakesTheDesktopOrAWindowTitleWithCommas() throws Exception {
        ScreenSpec desktop = ScreenSpec.parse("screen:desktop,region=800x600+10+20,cursor=on", "gdigrab");
        assertEquals("desktop", desktop.ffmpegInput(null));
        assertEquals(Map.of("framerate", "15.000", "draw_mouse", "1", "video_size", "800x600", "offset_x", "10",
                "offset_y", "20"), desktop.ffmpegOptions(15));
        ScreenSpec window = ScreenSpec.parse("screen:,cursor=off,window=Report, final - Notepad", "gdigrab");
        assertEquals("title=Report, final - Notepad", window.ffmpegInput(null));
        assertFalse(window.cursor());
    }

    @Test
    void avfoundationTakesAScreenIndex() throws Exception {
        ScreenSpec s = ScreenSpec.parse("screen:1,cursor=off", "avfoundation");
        assertEquals("Capture screen 1", s.ffmpegInput(null));
        assertEquals("0", s.ffmpegOptions(30).get("capture_cursor"));
        assertEquals("Capture screen 0", ScreenSpec.parse("screen:", "avfoundation").ffmpegInput(null));
    }

    @Test
    void everyMalformedOrOutOfRangeIdSaysWhatAndHowToWriteIt() {
        Map<String, String> cases = Map.ofEntries(
                Map.entry("screen::0,region=0x480+0+0", "outside 1x1..7680x7680 (VideoFormat.MAX_DIMENSION)"),
                Map.entry("screen::0,region=7681x480+0+0", "outside 1x1..7680x7680"),
                Map.entry("screen::0,region=640x480+32767+0", "reaches past 32767"),
                Map.entry("screen::0,region=640x480+99999999+0", "reaches past 32767"),
                Map.entry("screen::0,region=640x480", "is not WxH+X+Y"),
                Map.entry("screen::0,region=-640x480+0+0", "is not WxH+X+Y"),
                Map.entry("screen::0,region=640x480+-1+0", "is not WxH+X+Y"),
                Map.entry("screen::0,cursor=maybe", "cursor is on or off"),
                Map.entry("screen::0,zoom=2", "\"zoom=2\" is no option"),
                Map.entry("screen:localhost", "is no X display"),
                Map.entry("screen::0,window=0", "outside 1..0xFFFFFFFF (MAX_WINDOW_ID)"),
                Map.entry("screen::0,window=0x100000000", "outside 1..0xFFFFFFFF"),
                Map.entry("screen::0,window=notepad", "is no X window id"),
                Map.entry("screen::0,region=10x10+0+0,window=7", "a region or a window, not both"));
        cases.forEach((id, why) -> {
            DeviceException e = assertThrows(DeviceException.class, () -> ScreenSpec.parse(id, "x11grab"), id);
            assertEquals(DeviceException.Reason.INVALID_ID, e.reason());
            assertEquals(id, e.deviceId());
            assertTrue(e.getMessage().contains(why) && e.getMessage().contains(ScreenSpec.SYNTAX)
                    && e.getMessage().contains("\"" + id + "\""), id + ": " + e.getMessage());
        });
        assertThrows(DeviceException.class, () -> ScreenSpec.parse("screen:2", "gdigrab"));
        assertThrows(DeviceException.class, () -> ScreenSpec.parse("screen:,window=", "gdigrab"));
        assertThrows(DeviceException.class, () -> ScreenSpec.parse("screen:,window=" + "x".repeat(513), "gdigrab"));
        assertThrows(DeviceException.class, () -> ScreenSpec.parse("screen:64", "avfoundation"));
        assertThrows(DeviceException.class, () -> ScreenSpec.parse("screen:0,region=10x10+0+0", "avfoundation"));
    }

    @Test
    void devicesHandsScreenIdsToTheScreenCameraAndItsErrorsBack() throws Exception {
        Devices devices = new Devices(new CameraDiscovery("video4linux2"), List::of);
        Camera screen = devices.camera("screen::7,region=320x240+0+0");
        assertInstanceOf(ScreenCamera.class, screen);
        assertEquals("screen::7,region=320x240+0+0", screen.id());
        assertEquals(List.of(new VideoFormat(320, 240, 30)), screen.formats());
        assertTrue(screen.name().contains("region 320x240+0+0"), screen.name());
        DeviceException e = assertThrows(DeviceException.class, () -> devices.camera("screen::0,region=1x1+40000+0"));
        assertEquals(DeviceException.Reason.INVALID_ID, e.reason());
    }

    /** No X server answers on a display nobody runs: opening fails at once, naming the screen. */
    @Test
    void aDisplayThatIsNotThereFailsToOpenWithASentence() throws Exception {
        Camera screen = ScreenCamera.of("screen::60999");
        CaptureClock clock = new JumpingClock(0);
        DeviceException e = assertThrows(DeviceException.class,
                () -> screen.open(new VideoFormat(320, 240, 10), clock, new FrameCollector(1, clock)));
        assertTrue(e.getMessage().startsWith("The screen \"screen::60999\" could not be captured (FFmpeg: "),
                e.getMessage());
        assertTrue(e.getMessage().contains("X display is running"), e.getMessage());
    }
}
