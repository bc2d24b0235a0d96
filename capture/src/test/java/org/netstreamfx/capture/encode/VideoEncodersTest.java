package org.netstreamfx.capture.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.publish.FeedCodec;

/**
 * The encoders behind {@code --video-codec}/{@code --encoder}: each software encoder of the
 * default natives opens, gives its configuration record and keyframe-first packets; hardware
 * probes on a machine without a GPU all say "not available" within the bound, and {@code auto}
 * falls back to software naming what it tried.
 */
class VideoEncodersTest {
    private static final int W = 320;
    private static final int H = 180;
    private static final H264Settings SMALL = H264Settings.of(W, H, 25, 300).withKeyframeInterval(1);

    private static List<EncodedPacket> encode(VideoEncoder e, int pictures) throws EncoderException {
        List<EncodedPacket> out = new ArrayList<>();
        for (int i = 0; i < pictures; i++) {
            out.addAll(e.encodeBgra(Synthetic.pattern(W, H, i), W * 4, 1_000 + i * 40_000L));
        }
        out.addAll(e.flush());
        return out;
    }

    @Test
    void av1FromSvtHasAnAv1cAroundItsSequenceHeader() throws Exception {
        try (VideoEncoder e = VideoEncoders.open(FeedCodec.AV1, "libsvtav1", SMALL).encoder()) {
            byte[] c = e.decoderConfig();
            assertEquals(Av1ConfigRecord.MARKER_VERSION, c[0] & 0xFF);
            assertEquals(0, (c[1] & 0xFF) >> 5, "seq_profile 0 (main)");
            assertEquals(Av1ConfigRecord.OBU_SEQUENCE_HEADER, (c[4] >> 3) & 0xF, "configOBUs start with the sequence header");
            // Low delay (pred-struct=1, with CBR, rc=2, which it needs): each picture's temporal unit comes out as it goes in.
            List<EncodedPacket> first = e.encodeBgra(Synthetic.pattern(W, H, 0), W * 4, 1_000);
            assertEquals(1, first.size(), "no lookahead: the first picture's unit at once");
            assertTrue(first.get(0).keyframe());
            assertEquals(1, e.encodeBgra(Synthetic.pattern(W, H, 1), W * 4, 41_000).size());
        }
    }

    @Test
    void av1FromLibaomHasAnAv1cFromItsFirstTemporalUnit() throws Exception {
        try (VideoEncoder e = VideoEncoders.open(FeedCodec.AV1, "libaom-av1", SMALL).encoder()) {
            assertEquals(Av1ConfigRecord.MARKER_VERSION, e.decoderConfig()[0] & 0xFF);
            assertTrue(encode(e, 3).get(0).keyframe());
        }
    }

    @Test
    void vp9HasAVpccForProfile0EightBit420() throws Exception {
        try (VideoEncoder e = VideoEncoders.open(FeedCodec.VP9, VideoEncoders.SOFTWARE, SMALL).encoder()) {
            assertEquals("libvpx-vp9", e.encoderName());
            byte[] c = e.decoderConfig();
            assertEquals(1, c[0], "vpcC version 1");
            assertEquals(0, c[4], "profile 0");
            assertEquals(VpConfigRecord.level(W, H, 25), c[5]);
            assertEquals(0x82, c[6] & 0xFF, "8 bits, 4:2:0 co-sited, limited range");
            assertTrue(encode(e, 3).get(0).keyframe());
        }
    }

    @Test
    void hevcNeedsLibx265OrHardwareAndSaysSo() throws Exception {
        assumeTrue(!VideoEncoders.inNatives("libx265"), "these natives carry libx265: the HEVC round trip covers it");
        EncoderException e = assertThrows(EncoderException.class,
                () -> VideoEncoders.open(FeedCodec.HEVC, VideoEncoders.SOFTWARE, SMALL));
        assertTrue(e.getMessage().contains("-Pgpl"), e.getMessage());
    }

    @Test
    void everyHardwareEncoderIsUnavailableWithinTheBoundWithoutAGpu() {
        assumeTrue(!new java.io.File("/dev/dri").exists() && !new java.io.File("/dev/nvidia0").exists(),
                "this machine has a GPU device node");
        for (VideoEncoders.Known k : VideoEncoders.known()) {
            if (!k.hardware()) {
                continue;
            }
            long t0 = System.nanoTime();
            VideoEncoders.Probe p = VideoEncoders.probe(k.codec(), k.name(), VideoEncoders.PROBE_LIMIT);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertFalse(p.available(), k.name() + " says it is available: " + p.reason());
            assertTrue(ms <= VideoEncoders.PROBE_LIMIT.toMillis() + 500, k.name() + " took " + ms + " ms");
        }
    }

    @Test
    void autoFallsBackToSoftwareWithAnEncoderEventNamingTheTriedOnes() throws Exception {
        assumeTrue(!new java.io.File("/dev/dri").exists() && !new java.io.File("/dev/nvidia0").exists(),
                "this machine has a GPU device node");
        VideoEncoders.Opened o = VideoEncoders.open(FeedCodec.H264, VideoEncoders.AUTO, SMALL);
        try (VideoEncoder e = o.encoder()) {
            assertFalse(e.hardware());
            EncoderPick pick = o.pick();
            assertEquals(e.encoderName(), pick.encoder());
            assertTrue(pick.fallbackFrom().contains("h264_nvenc"), pick.toString());
            NetStatusEvent ev = pick.toEvent();
            assertEquals("NetStreamFX.Publish.Encoder", ev.code());
            assertEquals("status", ev.level().toString().toLowerCase(java.util.Locale.ROOT));
            java.util.Map<?, ?> d = (java.util.Map<?, ?>) ev.details();
            assertEquals("H264", d.get("codec"));
            assertEquals(false, d.get("hardware"));
            assertTrue(String.valueOf(d.get("fallbackFrom")).startsWith("h264_nvenc"), d.toString());
        }
    }

    @Test
    void aNamedEncoderForAnotherCodecIsRefused() {
        EncoderException e = assertThrows(EncoderException.class,
                () -> VideoEncoders.open(FeedCodec.VP9, "libsvtav1", SMALL));
        assertEquals("libsvtav1 encodes AV1, not VP9", e.getMessage());
    }
}
