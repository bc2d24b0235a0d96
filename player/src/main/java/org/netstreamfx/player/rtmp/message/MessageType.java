package org.netstreamfx.player.rtmp.message;

/**
 * RTMP message type ids.
 *
 * <p>Protocol control messages 1, 2, 3, 5 and 6 are defined in section 5.4 of the Adobe RTMP
 * specification 1.0, User Control (4) in section 6.2 / 7.1.7, and the remaining types (audio,
 * video, data, shared object, command, aggregate) in section 7.1. Ids not listed here map to
 * {@link #UNKNOWN}; the raw id always travels alongside in {@link RtmpMessage#typeId()}.
 */
public enum MessageType {
    /** Set Chunk Size (5.4.1). */
    SET_CHUNK_SIZE(1),
    /** Abort Message (5.4.2). */
    ABORT(2),
    /** Acknowledgement (5.4.3). */
    ACKNOWLEDGEMENT(3),
    /** User Control Message (7.1.7). */
    USER_CONTROL(4),
    /** Window Acknowledgement Size (5.4.4). */
    WINDOW_ACK_SIZE(5),
    /** Set Peer Bandwidth (5.4.5). */
    SET_PEER_BANDWIDTH(6),
    /** Audio data (7.1.4). */
    AUDIO(8),
    /** Video data (7.1.5). */
    VIDEO(9),
    /** Data message, AMF3 (7.1.2). */
    DATA_AMF3(15),
    /** Shared object message, AMF3 (7.1.3). */
    SHARED_OBJECT_AMF3(16),
    /** Command message, AMF3 (7.1.1). */
    COMMAND_AMF3(17),
    /** Data message, AMF0 (7.1.2). */
    DATA_AMF0(18),
    /** Shared object message, AMF0 (7.1.3). */
    SHARED_OBJECT_AMF0(19),
    /** Command message, AMF0 (7.1.1). */
    COMMAND_AMF0(20),
    /** Aggregate message (7.1.6). */
    AGGREGATE(22),
    /** Any id not defined above; {@link #id()} is -1. */
    UNKNOWN(-1);

    private final int id;

    MessageType(int id) {
        this.id = id;
    }

    /** The wire id (0..255), or -1 for {@link #UNKNOWN}. */
    public int id() {
        return id;
    }

    /** True for the protocol control messages of section 5.4 and User Control (types 1..6). */
    public boolean isControl() {
        return id >= 1 && id <= 6;
    }

    /** The type for a wire id; {@link #UNKNOWN} for ids this enum does not name. */
    public static MessageType fromId(int id) {
        for (MessageType t : values()) {
            if (t.id == id && t != UNKNOWN) {
                return t;
            }
        }
        return UNKNOWN;
    }
}
