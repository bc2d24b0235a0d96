package org.netstreamfx.capture.device;

/**
 * The virtual tone microphone, id {@value #ID}: a {@value #TONE_HZ} Hz sine at -20 dBFS peak
 * (amplitude 0.1 of full scale), replaced for the first {@value #BEEP_MS} ms of every whole second
 * of the {@link CaptureClock} by a {@value #BEEP_HZ} Hz beep at -6 dBFS peak. The same clock
 * makes the test camera's counter cross a multiple of its (integer) frame rate at those instants,
 * so the offset between the beep's onset and that frame, after a round trip through encoders,
 * a server and a player, is the A/V sync error.
 *
 * <p>Sample {@code s} of the signal is the sample at {@code s / rate} seconds of the clock, so
 * every block's {@code captureTimeUs} is exact and the phase runs on without a break. Blocks of
 * {@value #BLOCK_MS} ms are delivered once the clock has passed their end, as a real microphone's.
 * Both channels of stereo carry the same signal.
 */
public final class ToneMicrophone extends SignalMicrophone {
    public static final String ID = "tone";
    public static final int TONE_HZ = 1000;
    public static final double TONE_AMPLITUDE = 0.1;
    public static final int BEEP_HZ = 2000;
    public static final int BEEP_MS = 100;
    public static final double BEEP_AMPLITUDE = 0.5;
    public static final int BLOCK_MS = 10;

    public ToneMicrophone() {
        super(ID, "Test tone (1 kHz at -20 dBFS, 100 ms 2 kHz beep each second)", ToneMicrophone::sample, BLOCK_MS);
    }

    /** The sample at index {@code s} (time {@code s / rate} s of the clock), as a fraction of full scale. */
    static double sample(long s, int rate) {
        long inSecond = Math.floorMod(s, rate);
        boolean beep = inSecond * 1000 < (long) BEEP_MS * rate;
        int hz = beep ? BEEP_HZ : TONE_HZ;
        double amplitude = beep ? BEEP_AMPLITUDE : TONE_AMPLITUDE;
        // The phase restarts each second (whole cycles of both tones fit in a second).
        return amplitude * Math.sin(2 * Math.PI * hz * inSecond / rate);
    }
}
