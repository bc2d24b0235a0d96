package org.netstreamfx.player.media;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a decoder needs to start on a track: the codec, its configuration record (avcC for H.264,
 * the AudioSpecificConfig for AAC) and the basic geometry or sample format.
 *
 * @param index          the track's index within its source
 * @param codec          the codec
 * @param extradata      codec configuration bytes, never null (may be empty)
 * @param width          video width in pixels, 0 for audio
 * @param height         video height in pixels, 0 for audio
 * @param frameRate      nominal video frame rate, 0 when unknown or audio
 * @param sampleRateHz   audio output sample rate (after SBR), 0 for video
 * @param channels       audio output channels (after PS), 0 for video
 * @param bitRateBps     the declared bit rate, 0 when unknown
 * @param profile        the codec profile as people name it ("High", "HE-AACv2"), or "" when unknown
 * @param level          the codec level ("3.1"), or "" when unknown or not applicable
 * @param reorderDepth   video: how many frames the decoder must hold back to output them in
 *                       presentation order (B-frames), when the container tells; 0 otherwise
 */
public record TrackFormat(int index, Codec codec, byte[] extradata, int width, int height,
                          double frameRate, int sampleRateHz, int channels, long bitRateBps,
                          String profile, String level, int reorderDepth) {

    /** A track whose reordering depth is not known (0). */
    public TrackFormat(int index, Codec codec, byte[] extradata, int width, int height,
                       double frameRate, int sampleRateHz, int channels, long bitRateBps,
                       String profile, String level) {
        this(index, codec, extradata, width, height, frameRate, sampleRateHz, channels, bitRateBps, profile, level, 0);
    }

    public TrackFormat {
        Objects.requireNonNull(codec, "codec");
        extradata = extradata == null ? new byte[0] : extradata.clone();
        profile = profile == null ? "" : profile;
        level = level == null ? "" : level;
    }

    public TrackKind kind() {
        return codec.kind();
    }

    @Override
    public byte[] extradata() {
        return extradata.clone();
    }

    public TrackFormat withProfile(String newProfile) {
        return new TrackFormat(index, codec, extradata, width, height, frameRate, sampleRateHz,
                channels, bitRateBps, newProfile, level, reorderDepth);
    }

    public TrackFormat withReorderDepth(int depth) {
        return new TrackFormat(index, codec, extradata, width, height, frameRate, sampleRateHz,
                channels, bitRateBps, profile, level, Math.max(0, Math.min(16, depth)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrackFormat t && index == t.index && codec == t.codec
                && Arrays.equals(extradata, t.extradata) && width == t.width && height == t.height
                && Double.compare(frameRate, t.frameRate) == 0 && sampleRateHz == t.sampleRateHz
                && channels == t.channels && bitRateBps == t.bitRateBps
                && profile.equals(t.profile) && level.equals(t.level) && reorderDepth == t.reorderDepth;
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, codec, Arrays.hashCode(extradata), width, height, sampleRateHz, channels);
    }

    @Override
    public String toString() {
        return kind() == TrackKind.VIDEO
                ? "track " + index + " " + codec.displayName() + " " + profile + " " + width + "x" + height
                : "track " + index + " " + codec.displayName() + " " + profile + " " + sampleRateHz + " Hz "
                        + channels + " ch";
    }
}
