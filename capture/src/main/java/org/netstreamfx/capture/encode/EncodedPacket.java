package org.netstreamfx.capture.encode;

import java.util.Objects;

/**
 * One encoded access unit, on the capture clock in microseconds. For H.264 the data is in AVCC
 * form: NAL units each preceded by a 4-byte big-endian length (ISO/IEC 14496-15, 5.3.4.2), with
 * no parameter sets or access unit delimiters (those are in the avcC); for AAC it is one raw
 * access unit of 1024 samples (no ADTS header).
 *
 * <p>The data array is owned by the packet and handed over as is: whoever holds the packet may
 * send it, but must not change it.
 *
 * @param ptsUs     presentation time
 * @param dtsUs     decode time (equal to ptsUs without B-frames)
 * @param keyframe  an IDR picture (H.264); always true for AAC
 * @param data      the payload
 * @param trackId   the video rendition it belongs to (Enhanced RTMP trackId; 0 for a single-track feed)
 */
public record EncodedPacket(long ptsUs, long dtsUs, boolean keyframe, byte[] data, int trackId) {
    public EncodedPacket {
        Objects.requireNonNull(data, "data");
        if (dtsUs > ptsUs) {
            throw new IllegalArgumentException("dts " + dtsUs + " us is after pts " + ptsUs + " us");
        }
    }

    /** A packet of track 0. */
    public EncodedPacket(long ptsUs, long dtsUs, boolean keyframe, byte[] data) {
        this(ptsUs, dtsUs, keyframe, data, 0);
    }

    /** This packet as one of rendition {@code id}'s. */
    public EncodedPacket withTrack(int id) {
        return new EncodedPacket(ptsUs, dtsUs, keyframe, data, id);
    }

    /** pts − dts in microseconds (the FLV composition time, before rounding to milliseconds). */
    public long compositionOffsetUs() {
        return ptsUs - dtsUs;
    }
}
