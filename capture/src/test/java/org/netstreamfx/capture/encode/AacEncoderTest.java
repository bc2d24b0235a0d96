package org.netstreamfx.capture.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.flv.AudioSpecificConfig;

/** AAC-LC from 16-bit PCM: config, frame count, timestamps from the sample count. */
class AacEncoderTest {

    @Test
    void audioSpecificConfigSaysLcRateAndChannels() throws Exception {
        try (AacEncoder e = new AacEncoder(new AacSettings(48_000, 1, 64))) {
            // object type 2 (LC), frequency index 3 (48000), channel configuration 1: 00010 0011 0001 000,
            // then FFmpeg's explicit "no SBR" sync extension: 0x2B7 (11 bits), object type 5, sbrPresentFlag 0.
            assertArrayEquals(new byte[] {0x11, (byte) 0x88, 0x56, (byte) 0xE5, 0x00}, e.audioSpecificConfig());
            AudioSpecificConfig c = AudioSpecificConfig.parse(e.audioSpecificConfig());
            assertEquals(2, c.objectType());
            assertEquals(48_000, c.outputSampleRate());
            assertEquals(1, c.channels());
            assertEquals(false, c.sbr());
            assertEquals(1024, e.primingSamples());
        }
        try (AacEncoder e = new AacEncoder(new AacSettings(44_100, 2, 128))) {
            assertArrayEquals(new byte[] {0x12, 0x10}, java.util.Arrays.copyOf(e.audioSpecificConfig(), 2));
        }
    }

    @Test
    void timestampsComeFromTheSampleCountNotFromJitteryCaptureTimes() throws Exception {
        List<EncodedPacket> out = new ArrayList<>();
        long anchor = 5_000_000;
        try (AacEncoder e = new AacEncoder(new AacSettings(48_000, 2, 96))) {
            long sample = 0;
            for (int chunk = 0; chunk < 50; chunk++) {
                int n = 480 + (chunk % 3) * 7; // uneven chunks, as sound cards deliver
                short[] pcm = Synthetic.tone(48_000, 2, 1000, sample, n);
                long jitteryTime = anchor + sample * 1_000_000 / 48_000 + (chunk % 2) * 3_000;
                out.addAll(e.encode(pcm, 0, pcm.length, jitteryTime));
                sample += n;
            }
            out.addAll(e.flush());
            assertEquals(List.of(), e.flush());
            long frames = (sample + 1024 + 1023) / 1024;
            assertEquals(frames, out.size());
        }
        for (int i = 0; i < out.size(); i++) {
            EncodedPacket p = out.get(i);
            assertEquals(anchor + Math.floorDiv(i * 1024L * 1_000_000L, 48_000), p.ptsUs(), "frame " + i);
            assertEquals(p.ptsUs(), p.dtsUs());
            assertTrue(p.keyframe());
            assertTrue(p.data().length > 0);
        }
    }

    @Test
    void littleEndianBytesEncodeLikeShorts() throws Exception {
        short[] pcm = Synthetic.tone(44_100, 1, 1000, 0, 4096);
        ByteBuffer bytes = ByteBuffer.allocate(pcm.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : pcm) {
            bytes.putShort(s);
        }
        bytes.flip();
        List<byte[]> fromShorts = new ArrayList<>();
        List<byte[]> fromBytes = new ArrayList<>();
        try (AacEncoder a = new AacEncoder(new AacSettings(44_100, 1, 64));
             AacEncoder b = new AacEncoder(new AacSettings(44_100, 1, 64))) {
            a.encode(pcm, 0, pcm.length, 0).forEach(p -> fromShorts.add(p.data()));
            b.encode(bytes, 0).forEach(p -> fromBytes.add(p.data()));
            assertEquals(0, bytes.remaining(), "the buffer is consumed");
        }
        assertEquals(fromShorts.size(), fromBytes.size());
        for (int i = 0; i < fromShorts.size(); i++) {
            assertArrayEquals(fromShorts.get(i), fromBytes.get(i), "frame " + i);
        }
    }

    @Test
    void badSettingsAndInputFailWithAClearMessage() throws Exception {
        assertEquals("audio sample rate is 22050 Hz; it must be 44100 or 48000",
                assertThrows(IllegalArgumentException.class, () -> new AacSettings(22_050, 2, 128)).getMessage());
        assertEquals("audio channels is 6; it must be 1 (mono) or 2 (stereo)",
                assertThrows(IllegalArgumentException.class, () -> new AacSettings(48_000, 6, 128)).getMessage());
        assertEquals("audio bit rate is 0 kbit/s; it must be 16..320",
                assertThrows(IllegalArgumentException.class, () -> new AacSettings(48_000, 2, 0)).getMessage());
        try (AacEncoder e = new AacEncoder(new AacSettings(48_000, 2, 128))) {
            assertEquals("3 samples do not divide into 2 channels",
                    assertThrows(IllegalArgumentException.class, () -> e.encode(new short[3], 0, 3, 0)).getMessage());
            assertThrows(IndexOutOfBoundsException.class, () -> e.encode(new short[4], 2, 4, 0));
            assertEquals("16-bit PCM has an even number of bytes, got 3",
                    assertThrows(IllegalArgumentException.class, () -> e.encode(ByteBuffer.allocate(3), 0)).getMessage());
        }
    }
}
