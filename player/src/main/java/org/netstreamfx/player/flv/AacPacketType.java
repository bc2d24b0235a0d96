package org.netstreamfx.player.flv;

import org.netstreamfx.player.wire.WireFormatException;

/** AACPacketType (FLV/F4V spec v10.1, annex E.4.2.1). */
public enum AacPacketType {
    /** The body is an AudioSpecificConfig (ISO 14496-3). */
    SEQUENCE_HEADER,
    /** The body is one raw AAC frame. */
    RAW;

    public static AacPacketType of(int id) throws WireFormatException {
        return switch (id) {
            case 0 -> SEQUENCE_HEADER;
            case 1 -> RAW;
            default -> throw WireFormatException.outOfRange("FLV AACPacketType", id, "must be 0 or 1");
        };
    }
}
