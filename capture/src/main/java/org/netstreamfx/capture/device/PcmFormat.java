package org.netstreamfx.capture.device;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * A microphone format: signed 16-bit little-endian PCM, interleaved when stereo.
 *
 * @param sampleRate samples per second per channel (8000..192000)
 * @param channels   1 (mono) or 2 (stereo)
 */
public record PcmFormat(int sampleRate, int channels) {
    public static final int MIN_SAMPLE_RATE = 8000;
    public static final int MAX_SAMPLE_RATE = 192_000;
    /** What FLV's AAC carries (44.1 and 48 kHz, mono and stereo), in the order a device lists them. */
    public static final List<PcmFormat> AAC_FORMATS = List.of(new PcmFormat(48000, 1), new PcmFormat(48000, 2),
            new PcmFormat(44100, 1), new PcmFormat(44100, 2));

    public PcmFormat {
        if (sampleRate < MIN_SAMPLE_RATE || sampleRate > MAX_SAMPLE_RATE) {
            throw new IllegalArgumentException("sample rate " + sampleRate + " Hz is outside "
                    + MIN_SAMPLE_RATE + ".." + MAX_SAMPLE_RATE);
        }
        if (channels != 1 && channels != 2) {
            throw new IllegalArgumentException("channel count " + channels + " is not 1 or 2");
        }
    }

    /** Bytes per sample frame (all channels): 2 per channel. */
    public int frameBytes() {
        return 2 * channels;
    }

    /** Microseconds from sample frame 0 to sample frame {@code index}, rounded down. */
    public long sampleTimeUs(long index) {
        return Math.floorDiv(index * 1_000_000L, sampleRate);
    }

    @Override
    public String toString() {
        return sampleRate + " Hz " + (channels == 1 ? "mono" : "stereo");
    }

    /**
     * The supported format closest to {@code wanted}: the same sample rate if offered (else the
     * nearest), then the same channel count. Returns {@code wanted} when none is supported.
     */
    public static PcmFormat closest(Collection<PcmFormat> supported, PcmFormat wanted) {
        return supported.stream()
                .min(Comparator.comparingInt((PcmFormat f) -> Math.abs(f.sampleRate - wanted.sampleRate))
                        .thenComparingInt(f -> Math.abs(f.channels - wanted.channels)))
                .orElse(wanted);
    }
}
