package org.netstreamfx.player.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** atempo shortens audio by the tempo and keeps its pitch. */
class AudioTempoTest {
    private static final int RATE = 44_100;

    private static byte[] sine(double hz, double seconds, int channels) {
        int frames = (int) (RATE * seconds);
        byte[] pcm = new byte[frames * 2 * channels];
        for (int i = 0; i < frames; i++) {
            short s = (short) Math.round(12_000 * Math.sin(2 * Math.PI * hz * i / RATE));
            for (int c = 0; c < channels; c++) {
                int o = (i * channels + c) * 2;
                pcm[o] = (byte) s;
                pcm[o + 1] = (byte) (s >> 8);
            }
        }
        return pcm;
    }

    /** Rising zero crossings of channel 0 per second: the frequency. */
    private static double frequency(byte[] pcm, int channels) {
        int frames = pcm.length / (2 * channels);
        int crossings = 0;
        short prev = 0;
        int skip = RATE / 10; // past the filter's start-up
        for (int i = skip; i < frames - skip; i++) {
            int o = i * channels * 2;
            short s = (short) ((pcm[o] & 0xFF) | (pcm[o + 1] << 8));
            if (prev < 0 && s >= 0) {
                crossings++;
            }
            prev = s;
        }
        return crossings / ((frames - 2.0 * skip) / RATE);
    }

    @Test
    void sixPercentFasterIsSixPercentShorterAtTheSamePitch() {
        byte[] input = sine(440, 4.0, 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AudioTempo tempo = new AudioTempo(RATE, 2, 1.06)) {
            int chunk = 4096 * 4;
            for (int off = 0; off < input.length; off += chunk) {
                int n = Math.min(chunk, input.length - off);
                byte[] part = java.util.Arrays.copyOfRange(input, off, off + n);
                out.writeBytes(tempo.process(part, n));
            }
            out.writeBytes(tempo.finish());
        }
        byte[] result = out.toByteArray();
        double seconds = result.length / (2.0 * 2 * RATE);
        assertEquals(4.0 / 1.06, seconds, 0.03, "duration after a 1.06 tempo");
        assertEquals(440, frequency(result, 2), 440 * 0.01, "pitch kept");
    }

    /** Outside one atempo's 0.5 to 2 two stages run in a row: the length follows the tempo, the pitch stays. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(doubles = {0.25, 0.5, 2.0, 3.0, 4.0})
    void theWholeRateRangeKeepsThePitch(double rate) {
        byte[] input = sine(1000, 3.0, 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AudioTempo tempo = new AudioTempo(RATE, 2, rate)) {
            int chunk = 2048 * 4;
            for (int off = 0; off < input.length; off += chunk) {
                int n = Math.min(chunk, input.length - off);
                out.writeBytes(tempo.process(java.util.Arrays.copyOfRange(input, off, off + n), n));
            }
            out.writeBytes(tempo.finish());
        }
        byte[] result = out.toByteArray();
        double seconds = result.length / (2.0 * 2 * RATE);
        assertEquals(3.0 / rate, seconds, 0.03 * 3.0 / rate, "duration at tempo " + rate);
        assertEquals(1000, frequency(result, 2), 1000 * 0.03, "pitch kept at tempo " + rate);
    }

    /**
     * A new filter's output frame n holds the input at leadUs + n x tempo: beeps that start on
     * every whole second of the input are heard there, to within 15 ms of output time (the time
     * stretch itself places each sound up to a few ms either way, by where its windows fall).
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(doubles = {0.25, 0.5, 1.06, 2.0, 4.0})
    void theLeadPlacesEachSoundWhereItBelongs(double rate) {
        int frames = RATE * 4;
        byte[] input = new byte[frames * 4];
        for (int i = 0; i < frames; i++) {
            double t = (double) i / RATE;
            short s = (short) ((t % 1) < 0.5 ? Math.round(16_000 * Math.sin(2 * Math.PI * 1000 * t)) : 0);
            for (int c = 0; c < 2; c++) {
                input[(i * 2 + c) * 2] = (byte) s;
                input[(i * 2 + c) * 2 + 1] = (byte) (s >> 8);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long leadUs;
        try (AudioTempo tempo = new AudioTempo(RATE, 2, rate)) {
            leadUs = tempo.leadUs();
            for (int off = 0; off < input.length; off += 8192) {
                int n = Math.min(8192, input.length - off);
                out.writeBytes(tempo.process(java.util.Arrays.copyOfRange(input, off, off + n), n));
            }
        }
        byte[] o = out.toByteArray();
        java.util.List<Double> placedAt = new java.util.ArrayList<>();
        int quiet = 0;
        for (int i = 0; i < o.length / 4; i++) {
            int s = Math.abs((short) ((o[i * 4] & 0xFF) | (o[i * 4 + 1] << 8)));
            if (s < 300) {
                quiet++;
            } else if (s > 8_000) {
                if (quiet > RATE / 200) {
                    placedAt.add((leadUs / 1e6 + i * rate / RATE)); // input seconds
                }
                quiet = 0;
            }
        }
        assertEquals(3, placedAt.size(), "beeps at 1, 2 and 3 s: " + placedAt);
        for (int k = 0; k < 3; k++) {
            assertEquals(k + 1, placedAt.get(k), 0.015 * rate, "lead " + leadUs + " µs at tempo " + rate + ": " + placedAt);
        }
    }

    @Test
    void monoWorksToo() {
        byte[] input = sine(1000, 2.0, 1);
        try (AudioTempo tempo = new AudioTempo(RATE, 1, 1.06)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(tempo.process(input, input.length));
            out.writeBytes(tempo.finish());
            assertEquals(1000, frequency(out.toByteArray(), 1), 10);
        }
    }

    @Test
    void temposOutsideTheFiltersRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AudioTempo(RATE, 2, 4.5));
        assertThrows(IllegalArgumentException.class, () -> new AudioTempo(RATE, 2, 0.2));
        assertThrows(IllegalArgumentException.class, () -> new AudioTempo(RATE, 6, 1.06));
    }
}
