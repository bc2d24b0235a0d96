package org.netstreamfx.player.rtmp.message;

import org.netstreamfx.player.wire.WireFormatException;

/**
 * Acknowledgement, type 3 (Adobe RTMP specification 1.0, section 5.4.3): the number of bytes
 * received so far, modulo 2^32.
 *
 * @param sequenceNumber bytes received, 32-bit unsigned
 */
public record Acknowledgement(long sequenceNumber) implements ControlMessage {
    /** Body length on the wire. */
    public static final int BODY_LENGTH = ControlBytes.U32_BODY_LENGTH;

    public Acknowledgement {
        ControlBytes.checkU32("sequence number", sequenceNumber);
    }

    /** Parses the 4-byte body. */
    public static Acknowledgement parse(byte[] body) throws WireFormatException {
        return new Acknowledgement(ControlBytes.readU32Body("Acknowledgement body", body));
    }

    @Override
    public MessageType messageType() {
        return MessageType.ACKNOWLEDGEMENT;
    }

    @Override
    public byte[] encode() {
        return ControlBytes.u32Body(sequenceNumber);
    }
}
