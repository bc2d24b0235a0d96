package org.netstreamfx.capture.encode;

/**
 * The H.264 profiles a publisher may ask for (ISO/IEC 14496-10, Annex A), with their
 * profile_idc. Which ones an encoder can make: libx264 all three; libopenh264 Constrained
 * Baseline and High (CABAC) but not Main, which FFmpeg's wrapper turns into Constrained Baseline.
 */
public enum H264Profile {
    /** Constrained Baseline (profile_idc 66 with constraint_set1): CAVLC, no B-frames. */
    BASELINE(66, "baseline"),
    /** Main (77): CABAC, B-frames allowed. */
    MAIN(77, "main"),
    /** High (100): adds 8x8 transforms. */
    HIGH(100, "high");

    private final int profileIdc;
    private final String x264Name;

    H264Profile(int profileIdc, String x264Name) {
        this.profileIdc = profileIdc;
        this.x264Name = x264Name;
    }

    /** profile_idc as written in the SPS and the avcC. */
    public int profileIdc() {
        return profileIdc;
    }

    /** The name libx264's "profile" option takes. */
    public String x264Name() {
        return x264Name;
    }
}
