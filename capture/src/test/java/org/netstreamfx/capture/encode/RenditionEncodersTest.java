package org.netstreamfx.capture.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.flv.AvcDecoderConfigurationRecord;
import org.netstreamfx.player.publish.FeedCodec;

/**
 * One camera picture, two renditions (320x180 at the camera's 10 fps, 160x90 at 5 fps): every
 * track's keyframes fall on the same pictures, every half second and on request, and the slower
 * track takes every other picture between them.
 */
class RenditionEncodersTest {
    /** The camera: 320x180 at 10 fps. */
    private static final int W = 320;
    private static final int H = 180;
    private static final int FPS = 10;
    /** The camera's frame time, and the keyframe interval: every fifth picture. */
    private static final long FRAME_US = 1_000_000 / FPS;
    private static final double KEYINT_S = 0.5;
    private static final List<H264Settings> TRACKS = List.of(H264Settings.of(W, H, FPS, 300),
            H264Settings.of(160, 90, 5, 100));

    @Test
    void keyframesFallOnTheSamePicturesOnEveryTrack() throws Exception {
        List<List<Long>> frames = List.of(new ArrayList<>(), new ArrayList<>());
        List<List<Long>> keys = List.of(new ArrayList<>(), new ArrayList<>());
        try (RenditionEncoders e = RenditionEncoders.open(FeedCodec.H264, VideoEncoders.SOFTWARE, TRACKS, W, H, FPS,
                KEYINT_S)) {
            for (VideoEncoders.Opened o : e.opened()) {
                AvcDecoderConfigurationRecord.parse(o.encoder().decoderConfig());
            }
            for (int i = 0; i <= 13; i++) {
                if (i == 12) {
                    e.requestKeyframe();
                }
                for (EncodedPacket p : e.encodeBgra(Synthetic.pattern(W, H, i), W * 4, i * FRAME_US)) {
                    frames.get(p.trackId()).add(p.ptsUs() / 1000);
                    if (p.keyframe()) {
                        keys.get(p.trackId()).add(p.ptsUs() / 1000);
                    }
                }
            }
        }
        assertEquals(List.of(0L, 500L, 1000L, 1200L), keys.get(0));
        assertEquals(keys.get(0), keys.get(1), "aligned keyframes");
        assertEquals(14, frames.get(0).size());
        assertEquals(List.of(0L, 200L, 400L, 500L, 700L, 900L, 1000L, 1200L), frames.get(1));
    }
}
