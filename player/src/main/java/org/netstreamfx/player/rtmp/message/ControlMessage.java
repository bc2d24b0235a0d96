package org.netstreamfx.player.rtmp.message;

import java.util.Optional;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * A protocol control message (Adobe RTMP specification 1.0, section 5.4: types 1, 2, 3, 5, 6)
 * or a User Control event (section 7.1.7: type 4). Each implementation parses its body with a
 * static {@code parse(byte[])} that checks the length first and encodes back with
 * {@link #encode()}.
 */
public sealed interface ControlMessage
        permits SetChunkSize, Abort, Acknowledgement, WindowAckSize, SetPeerBandwidth, UserControl {

    /** The message type that carries this control message. */
    MessageType messageType();

    /** The message body, big-endian as on the wire. */
    byte[] encode();

    /**
     * Parses the body of a control message; empty for message types that are not control
     * messages.
     *
     * @throws WireFormatException if the body is too short or a value is out of range
     */
    static Optional<ControlMessage> parse(MessageType type, byte[] body) throws WireFormatException {
        return switch (type) {
            case SET_CHUNK_SIZE -> Optional.of(SetChunkSize.parse(body));
            case ABORT -> Optional.of(Abort.parse(body));
            case ACKNOWLEDGEMENT -> Optional.of(Acknowledgement.parse(body));
            case USER_CONTROL -> Optional.of(UserControl.parse(body));
            case WINDOW_ACK_SIZE -> Optional.of(WindowAckSize.parse(body));
            case SET_PEER_BANDWIDTH -> Optional.of(SetPeerBandwidth.parse(body));
            default -> Optional.empty();
        };
    }

    /** Parses {@code message}'s payload; empty if it is not a control message. */
    static Optional<ControlMessage> parse(RtmpMessage message) throws WireFormatException {
        return parse(message.type(), message.payload());
    }
}
