package org.netstreamfx.player.flv;

import org.netstreamfx.player.wire.WireFormatException;

/** Enhanced RTMP v2 AudioPacketType (ExAudioTagHeader). ModEx is consumed by the parser. */
public enum AudioPacketType {
    SEQUENCE_START(0),
    CODED_FRAMES(1),
    SEQUENCE_END(2),
    MULTICHANNEL_CONFIG(4),
    MULTITRACK(5);

    static final int MOD_EX = 7;

    private final int id;

    AudioPacketType(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    static AudioPacketType of(int id) throws WireFormatException {
        for (AudioPacketType t : values()) {
            if (t.id == id) {
                return t;
            }
        }
        throw WireFormatException.outOfRange("E-RTMP AudioPacketType", id, "3 and 6 are reserved, 8 to 15 undefined");
    }
}
