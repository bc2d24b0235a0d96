package org.netstreamfx.player.flv;

import org.netstreamfx.player.wire.WireFormatException;

/** Enhanced RTMP v2 AvMultitrackType, shared by audio and video multitrack packets. */
public enum AvMultitrackType {
    ONE_TRACK,
    MANY_TRACKS,
    MANY_TRACKS_MANY_CODECS;

    static AvMultitrackType of(String field, int id) throws WireFormatException {
        if (id < 0 || id > 2) {
            throw WireFormatException.outOfRange(field, id, "must be 0, 1 or 2");
        }
        return values()[id];
    }
}
