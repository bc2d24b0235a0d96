package org.netstreamfx.player.flv;

import org.netstreamfx.player.wire.WireFormatException;

/**
 * Enhanced RTMP VideoPacketType; legacy AVCPacketType 0, 1, 2 (FLV spec annex E.4.3.1) map to
 * SEQUENCE_START, CODED_FRAMES and SEQUENCE_END, and other legacy codecs' frames to CODED_FRAMES.
 */
public enum VideoPacketType {
    SEQUENCE_START(0),
    CODED_FRAMES(1),
    SEQUENCE_END(2),
    /** Coded frames with no composition time field (it is 0). */
    CODED_FRAMES_X(3),
    METADATA(4),
    MPEG2TS_SEQUENCE_START(5),
    MULTITRACK(6);

    private final int id;

    VideoPacketType(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    static VideoPacketType of(int id) throws WireFormatException {
        if (id < 0 || id > 6) {
            throw WireFormatException.outOfRange("E-RTMP VideoPacketType", id, "must be 0 to 6 (7, ModEx, is followed by the real type)");
        }
        return values()[id];
    }
}
