package org.netstreamfx.capture.device;

/**
 * The level of one block of audio, in dBFS (0 = full scale, 32768), all channels together.
 *
 * @param peakDbfs the largest sample magnitude: a sine of amplitude 0.1 FS reads -20.0
 * @param rmsDbfs  the root mean square against full scale (not AES17's +3 dB sine convention):
 *                 a sine of amplitude 0.1 FS reads -23.0, a full-scale square wave 0.0
 */
public record AudioLevel(double peakDbfs, double rmsDbfs) {
    /** What digital silence reads (instead of minus infinity). */
    public static final double SILENCE_DBFS = -120;

    /** Measures interleaved 16-bit samples {@code [offset, offset + count)}. */
    public static AudioLevel measure(short[] samples, int offset, int count) {
        int peak = 0;
        double sumSquares = 0;
        for (int i = offset; i < offset + count; i++) {
            int s = samples[i];
            peak = Math.max(peak, Math.abs(s));
            sumSquares += (double) s * s;
        }
        double rms = count == 0 ? 0 : Math.sqrt(sumSquares / count);
        return new AudioLevel(dbfs(peak), dbfs(rms));
    }

    private static double dbfs(double magnitude) {
        return magnitude <= 0 ? SILENCE_DBFS : Math.max(SILENCE_DBFS, 20 * Math.log10(magnitude / 32768.0));
    }
}
