package org.netstreamfx.player.record;

import java.nio.ByteBuffer;
import org.netstreamfx.player.media.TrackFormat;

/**
 * The VP9 configuration an enhanced FLV's SequenceStart carries: the VPCodecConfigurationRecord
 * with its FullBox version and flags ("VP Codec ISO Media File Format Binding" v1.0, section 2.2),
 * as FFmpeg 8's FLV muxer writes it:
 *
 * <pre>
 * version(8)=1 flags(24)=0 profile(8) level(8) bitDepth(4) chromaSubsampling(3) videoFullRangeFlag(1)
 * colourPrimaries(8) transferCharacteristics(8) matrixCoefficients(8) codecInitializationDataSize(16)=0
 * </pre>
 *
 * A VP9 track from FLV or WebM comes with the record; one from MP4 through FFmpeg's demuxer comes
 * with none (the 'vpcC' box is read into codec parameters, not extradata), so the record is
 * written from the track: its profile (FFmpeg's "Profile 0".."Profile 3"), the profile's bit depth
 * and 4:2:0 or 4:4:4 sampling, and the colour fields as "unspecified" (2). Decoders (FFmpeg's
 * and so this player's) take all of it from the bitstream; the record names the codec.
 */
final class VpCodecConfiguration {
    static final int RECORD_BYTES = 12;
    private static final int VERSION = 1;
    /** Level 0: not given (the bitstream has no level). */
    private static final int LEVEL_UNKNOWN = 0;
    private static final int UNSPECIFIED = 2;
    /**
     * {bitDepth, chromaSubsampling} of profiles 0 to 3 (VP9 bitstream spec, 7.2): 8-bit 4:2:0, 8-bit
     * 4:4:4, 10-bit 4:2:0, 10-bit 4:4:4; 4:2:0 as chroma co-sited with luma (1), 4:4:4 as 3.
     */
    private static final int[][] PROFILES = {{8, 1}, {8, 3}, {10, 1}, {10, 3}};
    private static final String PROFILE_PREFIX = "Profile ";

    private VpCodecConfiguration() {
    }

    /** The track's own record when it has one, else one written from the track. */
    static byte[] of(TrackFormat vp9) {
        byte[] given = vp9.extradata();
        if (given.length >= RECORD_BYTES && given[0] == VERSION) {
            return given;
        }
        int profile = profile(vp9.profile());
        int bitDepth = PROFILES[profile][0];
        int chroma = PROFILES[profile][1];
        return ByteBuffer.allocate(RECORD_BYTES).putInt(VERSION << 24).put((byte) profile).put((byte) LEVEL_UNKNOWN)
                .put((byte) ((bitDepth << 4) | (chroma << 1))).put((byte) UNSPECIFIED).put((byte) UNSPECIFIED)
                .put((byte) UNSPECIFIED).putShort((short) 0).array();
    }

    /** 0..3 from "Profile N"; 0 (8-bit 4:2:0, what nearly every VP9 stream is) when not named. */
    private static int profile(String name) {
        if (name.startsWith(PROFILE_PREFIX) && name.length() == PROFILE_PREFIX.length() + 1) {
            int p = name.charAt(PROFILE_PREFIX.length()) - '0';
            if (p >= 0 && p < PROFILES.length) {
                return p;
            }
        }
        return 0;
    }
}
