package org.netstreamfx.player.rtmp.message;

import org.netstreamfx.player.wire.WireFormatException;

/**
 * Set Peer Bandwidth, type 6 (Adobe RTMP specification 1.0, section 5.4.5): limits the peer's
 * output bandwidth by setting its Window Acknowledgement Size.
 *
 * @param size window size in bytes, 32-bit unsigned
 * @param limitType how to apply it
 */
public record SetPeerBandwidth(long size, LimitType limitType) implements ControlMessage {
    /** Body length on the wire. */
    public static final int BODY_LENGTH = 5;

    /** The limit type byte of section 5.4.5. */
    public enum LimitType {
        /** 0: limit output to the window size. */
        HARD(0),
        /** 1: limit to the window size or the current limit, whichever is smaller. */
        SOFT(1),
        /** 2: hard if the previous limit was hard, otherwise ignore the message. */
        DYNAMIC(2);

        private final int id;

        LimitType(int id) {
            this.id = id;
        }

        /** The wire value. */
        public int id() {
            return id;
        }

        /** The limit type for a wire value. */
        public static LimitType fromId(int id) throws WireFormatException {
            for (LimitType t : values()) {
                if (t.id == id) {
                    return t;
                }
            }
            throw WireFormatException.outOfRange("Set Peer Bandwidth limit type", id,
                    "must be 0 (hard), 1 (soft) or 2 (dynamic)");
        }
    }

    public SetPeerBandwidth {
        ControlBytes.checkU32("window size", size);
        if (limitType == null) {
            throw new IllegalArgumentException("limit type missing");
        }
    }

    /** Parses the 5-byte body. */
    public static SetPeerBandwidth parse(byte[] body) throws WireFormatException {
        ControlBytes.require("Set Peer Bandwidth body", body, BODY_LENGTH);
        return new SetPeerBandwidth(ControlBytes.u32(body, 0), LimitType.fromId(body[4] & 0xFF));
    }

    @Override
    public MessageType messageType() {
        return MessageType.SET_PEER_BANDWIDTH;
    }

    @Override
    public byte[] encode() {
        byte[] b = new byte[BODY_LENGTH];
        ControlBytes.putU32(b, 0, size);
        b[4] = (byte) limitType.id();
        return b;
    }
}
