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
    public static final int BODY_LENGTH = ControlBytes.U32_BODY_LENGTH;

    public WindowAckSize {
        ControlBytes.checkU32("window size", size);
        if (size == 0) {
            throw new IllegalArgumentException("window size must be at least 1");
        }
    }

    /** Parses the 4-byte body; a window of 0 would ask for an acknowledgement per byte. */
    public static WindowAckSize parse(byte[] body) throws WireFormatException {
        long v = ControlBytes.readU32Body("Window Acknowledgement Size body", body);
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
        return ControlBytes.u32Body(size);
    }
}
