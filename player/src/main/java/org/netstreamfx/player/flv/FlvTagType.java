package org.netstreamfx.player.flv;

import org.netstreamfx.player.wire.WireFormatException;

/** FLV TagType (FLV/F4V spec v10.1, annex E.4.1). */
public enum FlvTagType {
    AUDIO(8),
    VIDEO(9),
    SCRIPT_DATA(18);

    private final int id;

    FlvTagType(int id) {
        this.id = id;
    }

    /** The TagType number on the wire. */
    public int id() {
        return id;
    }

    /** The tag type for a TagType number; other numbers are not defined by the spec. */
    public static FlvTagType of(int id) throws WireFormatException {
        for (FlvTagType t : values()) {
            if (t.id == id) {
                return t;
            }
        }
        throw WireFormatException.outOfRange("FLV TagType", id, "must be 8 (audio), 9 (video) or 18 (script data)");
    }
}
