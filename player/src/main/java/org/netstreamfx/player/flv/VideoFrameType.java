package org.netstreamfx.player.flv;

import org.netstreamfx.player.wire.WireFormatException;

/** VIDEODATA FrameType (FLV/F4V spec v10.1, annex E.4.3.1; Enhanced RTMP keeps the values). */
public enum VideoFrameType {
    KEY(1),
    INTER(2),
    DISPOSABLE_INTER(3),
    GENERATED_KEY(4),
    /** Video info/command frame: the body is a one-byte command, not a picture. */
    COMMAND(5);

    private final int id;

    VideoFrameType(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    static VideoFrameType of(int id) throws WireFormatException {
        if (id < 1 || id > 5) {
            throw WireFormatException.outOfRange("FLV video FrameType", id, "must be 1 to 5");
        }
        return values()[id - 1];
    }
}
