package org.netstreamfx.capture.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PcmConverterTest {

    /** {@code seconds} of a sine of {@code hz} at amplitude 0.5, then converted in 10 ms blocks. */
    private static short[] convertSine(PcmFormat in, PcmFormat out, double hz, double seconds, int[] producedFrames,
            long[] firstTimeUs) {
        PcmConverter c = new PcmConverter(in, out);
        int block = in.sampleRate() / 100;
        int total = (int) (in.sampleRate() * seconds);
        short[] result = new short[(int) (out.sampleRate() * seconds + 10) * out.channels()];
        int at = 0;
        for (int start = 0; start < total; start += block) {
            short[] samples = new short[block * in.channels()];
            for (int i = 0; i < block; i++) {
                short v = (short) Math.round(16384 * Math.sin(2 * Math.PI * hz * (start + i) / in.sampleRate()));
                Arrays.fill(samples, i * in.channels(), (i + 1) * in.channels(), v);
            }
            AudioBlock b = c.convert(new AudioBlock(in, samples, block, in.sampleTimeUs(start), null));
            if (start == 0) {
                firstTimeUs[0] = b.captureTimeUs();
            }
            System.arraycopy(b.samples(), 0, result, at, b.frames() * out.channels());
            at += b.frames() * out.channels();
        }
        producedFrames[0] = at / out.channels();
        return result;
    }

    @ParameterizedTest
    @CsvSource({"48000, 1, 44100, 2", "44100, 2, 48000, 1", "16000, 1, 44100, 2", "44100, 2, 44100, 1"})
    void aSineKeepsItsFrequencyLevelAndTimeAcrossRatesAndChannels(int inRate, int inCh, int outRate, int outCh) {
        PcmFormat in = new PcmFormat(inRate, inCh);
        PcmFormat out = new PcmFormat(outRate, outCh);
        int[] frames = new int[1];
        long[] firstUs = new long[1];
        short[] pcm = convertSine(in, out, 440, 1.0, frames, firstUs);
        // Output frames reach the last input frame's time: up to outRate / inRate frames short of a second.
        assertEquals(outRate, frames[0], Math.ceil(outRate / (double) inRate), "one second in, one second out");
        assertEquals(0, firstUs[0], "the first output frame is the first input frame");
        // Every output frame k is the sine at k / outRate s, within the interpolation error.
        double worst = 0;
        for (int k = 0; k < frames[0] - 1; k++) {
            double expected = 16384 * Math.sin(2 * Math.PI * 440 * k / outRate);
            for (int c = 0; c < outCh; c++) {
                worst = Math.max(worst, Math.abs(pcm[k * outCh + c] - expected));
            }
        }
        // Linear interpolation of a 440 Hz sine at >= 16 kHz: error at most A (pi f / fs)^2 / 2 + rounding.
        double bound = 16384 * Math.pow(Math.PI * 440 / inRate, 2) / 2 + 1;
        assertEquals(0, worst, bound, "largest error against the ideal sine");
    }

    @Test
    void stereoToMonoAveragesAndMonoToStereoCopies() {
        PcmConverter down = new PcmConverter(new PcmFormat(48000, 2), new PcmFormat(48000, 1));
        AudioBlock d = down.convert(new AudioBlock(new PcmFormat(48000, 2), new short[] {1000, 3000, -200, 200}, 2, 7,
                null));
        assertEquals(2, d.frames());
        assertEquals(2000, d.samples()[0]);
        assertEquals(0, d.samples()[1]);
        assertEquals(7, d.captureTimeUs());
        PcmConverter up = new PcmConverter(new PcmFormat(44100, 1), new PcmFormat(44100, 2));
        AudioBlock u = up.convert(new AudioBlock(new PcmFormat(44100, 1), new short[] {-5, 9}, 2, 0, null));
        assertEquals(-5, u.samples()[0]);
        assertEquals(-5, u.samples()[1]);
        assertEquals(9, u.samples()[2]);
        assertEquals(9, u.samples()[3]);
    }

    @Test
    void aStepStaysAtItsTimeWhenResampled() {
        // A step at input frame 4800 (0.1 s at 48 kHz) is at output frame 4410 at 44.1 kHz.
        PcmFormat in = new PcmFormat(48000, 1);
        PcmFormat out = new PcmFormat(44100, 1);
        PcmConverter c = new PcmConverter(in, out);
        short[] all = new short[9600];
        Arrays.fill(all, 4800, 9600, (short) 10000);
        short[] got = new short[9000];
        int at = 0;
        for (int start = 0; start < all.length; start += 480) {
            AudioBlock b = c.convert(new AudioBlock(in, Arrays.copyOfRange(all, start, start + 480), 480,
                    in.sampleTimeUs(start), null));
            System.arraycopy(b.samples(), 0, got, at, b.frames());
            at += b.frames();
        }
        assertEquals(8820, at);
        assertEquals(0, got[4409]);
        assertEquals(10000, got[4410]);
    }

    @Test
    void aBlockOfAnotherFormatIsRefused() {
        PcmConverter c = new PcmConverter(new PcmFormat(48000, 1), new PcmFormat(44100, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> c.convert(new AudioBlock(new PcmFormat(44100, 1), new short[2], 2, 0, null)));
        assertEquals("a block of 44100 Hz mono given to a converter from 48000 Hz mono", e.getMessage());
    }
}
