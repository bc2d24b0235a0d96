package org.netstreamfx.testkit.sound;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A known signal for microphone tests: silence with a {@value #BEEP_MS} ms {@value #BEEP_HZ} Hz
 * beep at {@value #BEEP_AMPLITUDE} of full scale (−6 dBFS peak) at the start of every whole
 * second, as raw signed 16-bit little-endian PCM for {@link SoundServer#play}; and the onset
 * finder that reads the beeps back from captured or decoded audio.
 */
public final class Beeps {
    public static final int BEEP_HZ = 1000;
    public static final int BEEP_MS = 100;
    public static final double BEEP_AMPLITUDE = 0.5;
    /** What counts as loud when looking for onsets: −18 dBFS, far above silence, under the beep's peak. */
    public static final int ONSET_THRESHOLD = 4000;
    /** The quiet an onset needs before it: more than a beep's own zero crossings, less than the gap. */
    public static final int QUIET_MS = 300;
    /** The most beeps written to one file (a test signal, not a recording). */
    public static final int MAX_BEEPS = 60;
    /** Silence after the last beep: its {@value #BEEP_MS} ms and as much again. */
    public static final int TAIL_MS = 2 * BEEP_MS;

    private Beeps() {
    }

    /**
     * Writes {@code beeps} beeps of the signal (the first at 0 s, then one each second, ending
     * {@link #TAIL_MS} ms after the last beep starts) at {@code rateHz}, {@code channels} channels
     * (all the same).
     */
    public static Path write(Path file, int rateHz, int channels, int beeps) throws IOException {
        if (beeps < 1 || beeps > MAX_BEEPS) {
            throw new IllegalArgumentException("beeps " + beeps + " is outside 1.." + MAX_BEEPS);
        }
        int frames = rateHz * (beeps - 1) + rateHz * TAIL_MS / 1000;
        ByteBuffer b = ByteBuffer.allocate(frames * channels * 2).order(ByteOrder.LITTLE_ENDIAN);
        int beepFrames = rateHz * BEEP_MS / 1000;
        for (int i = 0; i < frames; i++) {
            int inSecond = i % rateHz;
            short s = inSecond < beepFrames
                    ? (short) Math.round(BEEP_AMPLITUDE * 32767 * Math.sin(2 * Math.PI * BEEP_HZ * inSecond / rateHz))
                    : 0;
            for (int c = 0; c < channels; c++) {
                b.putShort(s);
            }
        }
        Files.write(file, b.array());
        return file;
    }

    /**
     * The sample frames where a beep starts in {@code frames} frames of interleaved 16-bit audio:
     * the first frame whose level (any channel) reaches {@link #ONSET_THRESHOLD} after at least
     * {@link #QUIET_MS} ms below it.
     */
    public static List<Integer> onsets(short[] interleaved, int channels, int frames, int rateHz) {
        List<Integer> found = new ArrayList<>();
        int quietFrames = rateHz * QUIET_MS / 1000;
        long lastLoud = -quietFrames - 1L;
        for (int i = 0; i < frames; i++) {
            boolean loud = false;
            for (int c = 0; c < channels; c++) {
                loud |= Math.abs(interleaved[i * channels + c]) >= ONSET_THRESHOLD;
            }
            if (loud) {
                if (i - lastLoud > quietFrames) {
                    found.add(i);
                }
                lastLoud = i;
            }
        }
        return found;
    }

    /** Seconds between consecutive onsets (frame indices at {@code rateHz}). */
    public static List<Double> spacingsS(List<? extends Number> onsetFrames, int rateHz) {
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < onsetFrames.size(); i++) {
            gaps.add((onsetFrames.get(i).doubleValue() - onsetFrames.get(i - 1).doubleValue()) / rateHz);
        }
        return gaps;
    }
}
