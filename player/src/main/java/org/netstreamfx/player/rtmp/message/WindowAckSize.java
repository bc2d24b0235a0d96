package org.netstreamfx.player.rtmp.message;

import org.netstreamfx.player.wire.WireFormatException;

/**
 * Window Acknowledgement Size, type 5 (Adobe RTMP specification 1.0, section 5.4.4): the peer
 * wants an Acknowledgement after every {@code size} bytes received.
 *
 * @param size window size in bytes, 1..2^32-1
 */
public record WindowAckSize(long size) implements ControlMessage {
    /** Body length on the wire. */
    public static final int BODY_LENGTH = 4;

    public WindowAckSize {
        ControlBytes.checkU32("window size", size);
        if (size == 0) {
            throw new IllegalArgumentException("window size must be at least 1");
        }
    }

    /** Parses the 4-byte body; a window of 0 would ask for an acknowledgement per byte. */
    public static WindowAckSize parse(byte[] body) throws WireFormatException {
        ControlBytes.require("Window Acknowledgement Size body", body, BODY_LENGTH);
        long v = ControlBytes.u32(body, 0);
        if (v == 0) {
            throw WireFormatException.outOfRange("Window Acknowledgement Size", v, "must be at least 1");
        }
        return new WindowAckSize(v);
    }

    @Override
    public MessageType messageType() {
        return MessageType.WINDOW_ACK_SIZE;
    }

    @Override
    public byte[] encode() {
        byte[] b = new byte[BODY_LENGTH];
        ControlBytes.putU32(b, 0, size);
        return b;
    }
}
