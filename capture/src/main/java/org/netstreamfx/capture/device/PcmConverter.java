package org.netstreamfx.capture.device;

import java.util.Arrays;

/**
 * Turns a microphone's blocks into the format the encoder wants when the device could not give
 * it: remixes (mono to stereo copies the channel; stereo to mono averages the two) and then
 * resamples by linear interpolation between neighbouring sample frames.
 *
 * <p>Why linear and not FFmpeg's swresample: the conversions met in practice are 44.1 ↔ 48 kHz
 * and a headset's 16 or 8 kHz up to 44.1/48 kHz, where a speech or music signal has next to
 * nothing near the Nyquist frequency; linear interpolation keeps every sample's time exact
 * (output frame {@code k} is input position {@code k * inRate / outRate}, computed in integers,
 * so a beep's onset stays where it was) and needs no native state. It has no anti-alias filter:
 * downsampling a signal with content above the output's Nyquist frequency folds it back
 * (−40 dB or so for 20 kHz content going 48 → 44.1 kHz).
 *
 * <p>Streaming: the last input frame of a block is kept to interpolate across the boundary with
 * the next block. Thread ownership: one thread (the capture thread) calls {@link #convert}.
 */
public final class PcmConverter {
    /** The largest block converted at once, in input sample frames (10 s at 192 kHz). */
    public static final int MAX_BLOCK_FRAMES = 1_920_000;

    private final PcmFormat in;
    private final PcmFormat out;
    private final double[] previous;
    private final double[] current;
    private short[] output = new short[0];
    private long inputFrames;
    private long outputFrames;

    public PcmConverter(PcmFormat in, PcmFormat out) {
        this.in = in;
        this.out = out;
        previous = new double[out.channels()];
        current = new double[out.channels()];
    }

    public PcmFormat input() {
        return in;
    }

    public PcmFormat output() {
        return out;
    }

    /**
     * Converts one block (in this converter's input format) and returns the converted block; its
     * samples array is reused by the next call. Its capture time is that of its first frame:
     * the block's time plus the first output frame's position in the block.
     */
    public AudioBlock convert(AudioBlock block) {
        if (!block.format().equals(in)) {
            throw new IllegalArgumentException("a block of " + block.format() + " given to a converter from " + in);
        }
        if (block.frames() > MAX_BLOCK_FRAMES) {
            throw new IllegalArgumentException("a block of " + block.frames() + " frames is over the "
                    + MAX_BLOCK_FRAMES + " a converter takes at once");
        }
        long firstOutputPosNum = outputFrames * in.sampleRate() - inputFrames * out.sampleRate();
        int capacity = (int) ((long) (block.frames() + 2) * out.sampleRate() / in.sampleRate() + 2) * out.channels();
        if (output.length < capacity) {
            output = new short[capacity];
        }
        int produced = 0;
        short[] samples = block.samples();
        for (int f = 0; f < block.frames(); f++) {
            remix(samples, f * in.channels(), current);
            long g = inputFrames + f;
            if (g == 0) {
                System.arraycopy(current, 0, previous, 0, current.length);
            }
            // Every output frame whose input position p = k * inRate / outRate lies in (g - 1, g].
            while (outputFrames * in.sampleRate() <= g * out.sampleRate()) {
                double fraction = g == 0 ? 1
                        : (outputFrames * in.sampleRate() - (g - 1) * out.sampleRate()) / (double) out.sampleRate();
                for (int c = 0; c < current.length; c++) {
                    double v = previous[c] + (current[c] - previous[c]) * fraction;
                    output[produced * out.channels() + c] = (short) Math.max(Short.MIN_VALUE,
                            Math.min(Short.MAX_VALUE, Math.round(v)));
                }
                produced++;
                outputFrames++;
            }
            System.arraycopy(current, 0, previous, 0, current.length);
        }
        inputFrames += block.frames();
        // The first output frame sits firstOutputPosNum / outRate input frames after the block's start.
        long offsetUs = Math.floorDiv(firstOutputPosNum * 1_000_000L, (long) out.sampleRate() * in.sampleRate());
        return new AudioBlock(out, output, produced, block.captureTimeUs() + offsetUs,
                AudioLevel.measure(output, 0, produced * out.channels()));
    }

    private void remix(short[] samples, int at, double[] into) {
        if (in.channels() == out.channels()) {
            for (int c = 0; c < into.length; c++) {
                into[c] = samples[at + c];
            }
        } else if (in.channels() == 1) {
            Arrays.fill(into, samples[at]);
        } else {
            into[0] = (samples[at] + samples[at + 1]) / 2.0;
        }
    }
}
