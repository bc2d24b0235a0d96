package org.netstreamfx.capture.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --tracks}: the rendition syntax, the sizes at the camera's aspect, and what is refused. */
class RenditionsTest {
    private static final H264Settings CAMERA = H264Settings.of(1280, 720, 30, 2500).withKeyframeInterval(1);

    @Test
    void renditionsTakeTheCameraAspectTheirRateAndBitRate() {
        Renditions r = Renditions.parse("720p30@2500, 360p@800,180p15@200");
        assertEquals(List.of(new Rendition(720, 30, 2500), new Rendition(360, 0, 800), new Rendition(180, 15, 200)),
                r.tracks());
        assertEquals("720p30@2500,360p@800,180p15@200", r.toString());
        assertEquals(30, r.cameraFrameRate(25), "the highest rate a rendition asks for");
        List<H264Settings> s = r.settings(1280, 720, 25, CAMERA);
        assertEquals(List.of(1280, 640, 320), s.stream().map(H264Settings::width).toList());
        assertEquals(List.of(720, 360, 180), s.stream().map(H264Settings::height).toList());
        assertEquals(List.of(25, 25, 15), s.stream().map(H264Settings::frameRate).toList(), "never above the camera's");
        assertEquals(List.of(2500, 800, 200), s.stream().map(H264Settings::bitrateKbps).toList());
        assertEquals(1.0, s.get(2).keyframeIntervalS());
        assertEquals(1920, new Rendition(1080, 30, 4000).width(1920, 1080));
        assertEquals(240, new Rendition(180, 30, 300).width(320, 240), "4:3 stays 4:3, widths even");
    }

    @Test
    void badSyntaxTooManyTracksAndUpscalingAreRefusedByName() {
        assertEquals("\"720x30\" is not a rendition; write HEIGHTp[FPS]@KBPS, e.g. 720p30@2500",
                assertThrows(IllegalArgumentException.class, () -> Renditions.parse("720p30@2500,720x30")).getMessage());
        assertEquals("\"\" is not a rendition; write HEIGHTp[FPS]@KBPS, e.g. 720p30@2500",
                assertThrows(IllegalArgumentException.class, () -> Renditions.parse("720p30@2500,")).getMessage());
        assertEquals("5 renditions is too many: at most 4 (each one is an encoder of its own)",
                assertThrows(IllegalArgumentException.class,
                        () -> Renditions.parse("720p@1,540p@1,360p@1,240p@1,180p@1")).getMessage());
        assertEquals("a rendition's height is an even number of lines, 16..4096, not 361",
                assertThrows(IllegalArgumentException.class, () -> Renditions.parse("361p@800")).getMessage());
        assertEquals("\"360p0@800\" has a frame rate of 0; leave it out for the camera's",
                assertThrows(IllegalArgumentException.class, () -> Renditions.parse("360p0@800")).getMessage());
        assertEquals("rendition 1080p30@4000 (1920x1080) is larger than the camera's 1280x720: renditions scale down "
                + "only", assertThrows(IllegalArgumentException.class,
                        () -> Renditions.parse("1080p30@4000").settings(1280, 720, 30, CAMERA)).getMessage());
    }
}
