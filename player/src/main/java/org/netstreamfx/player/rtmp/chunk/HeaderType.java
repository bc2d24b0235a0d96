package org.netstreamfx.player.rtmp.chunk;

/**
 * The four chunk message header formats, selected by the 2-bit {@code fmt} field of the basic
 * header (Adobe RTMP specification 1.0, section 5.3.1.2).
 */
enum HeaderType {
    /** Type 0, 11 bytes: absolute timestamp, length, type id, message stream id (5.3.1.2.1). */
    TYPE_0(0, 11),
    /** Type 1, 7 bytes: timestamp delta, length, type id; same message stream (5.3.1.2.2). */
    TYPE_1(1, 7),
    /** Type 2, 3 bytes: timestamp delta only (5.3.1.2.3). */
    TYPE_2(2, 3),
    /** Type 3, no message header: continuation, or a new message repeating everything (5.3.1.2.4). */
    TYPE_3(3, 0);

    private static final HeaderType[] BY_FMT = values();

    final int fmt;
    final int messageHeaderLength;

    HeaderType(int fmt, int messageHeaderLength) {
        this.fmt = fmt;
        this.messageHeaderLength = messageHeaderLength;
    }

    static HeaderType fromFmt(int fmt) {
        return BY_FMT[fmt & 3];
    }
}
