package org.netstreamfx.capture.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Opus from libopus: 48 kHz only, an OpusHead header, 20 ms packets stamped on the sample count. */
class OpusEncoderTest {
    @Test
    void headerIsAnOpusHeadAndPacketsAre20MsApart() throws Exception {
        try (OpusEncoder e = new OpusEncoder(new AacSettings(48_000, 2, 96))) {
            byte[] head = e.decoderConfig();
            assertEquals("OpusHead", new String(head, 0, 8, StandardCharsets.US_ASCII));
            assertEquals(2, head[9], "channels");
            assertEquals(960, e.frameSamples());
            short[] pcm = new short[48_000 / 5 * 2];
            for (int i = 0; i < pcm.length; i += 2) {
                pcm[i] = pcm[i + 1] = (short) (8000 * Math.sin(i * Math.PI / 100));
            }
            List<EncodedPacket> out = new ArrayList<>(e.encode(pcm, 0, pcm.length, 1_000_000));
            out.addAll(e.flush());
            assertTrue(out.size() >= 10, out.size() + " packets");
            assertEquals(1_000_000, out.get(0).ptsUs(), "the first packet holds the first sample");
            assertEquals(1_020_000, out.get(1).ptsUs());
            assertEquals(20_000, out.get(2).ptsUs() - out.get(1).ptsUs());
        }
    }

    @Test
    void only48kHz() {
        EncoderException e = assertThrows(EncoderException.class, () -> new OpusEncoder(new AacSettings(44_100, 2, 96)));
        assertEquals("Opus is published at 48000 Hz, not 44100 Hz", e.getMessage());
    }
}
