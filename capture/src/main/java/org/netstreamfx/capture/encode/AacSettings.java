package org.netstreamfx.capture.encode;

/**
 * What the AAC-LC encoder is asked to make from 16-bit PCM.
 *
 * @param sampleRateHz  44100 or 48000
 * @param channels      1 (mono) or 2 (stereo, interleaved L R)
 * @param bitrateKbps   target bit rate in kbit/s: 16..320
 */
public record AacSettings(int sampleRateHz, int channels, int bitrateKbps) {
    public static final int MIN_BITRATE_KBPS = 16;
    public static final int MAX_BITRATE_KBPS = 320;

    public AacSettings {
        if (sampleRateHz != 44_100 && sampleRateHz != 48_000) {
            throw new IllegalArgumentException("audio sample rate is " + sampleRateHz + " Hz; it must be 44100 or 48000");
        }
        if (channels != 1 && channels != 2) {
            throw new IllegalArgumentException("audio channels is " + channels + "; it must be 1 (mono) or 2 (stereo)");
        }
        if (bitrateKbps < MIN_BITRATE_KBPS || bitrateKbps > MAX_BITRATE_KBPS) {
            throw new IllegalArgumentException("audio bit rate is " + bitrateKbps + " kbit/s; it must be "
                    + MIN_BITRATE_KBPS + ".." + MAX_BITRATE_KBPS);
        }
    }
}
