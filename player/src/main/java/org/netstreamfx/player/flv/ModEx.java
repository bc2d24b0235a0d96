package org.netstreamfx.player.flv;

import org.netstreamfx.player.wire.WireFormatException;

/**
 * Reads the Enhanced RTMP v2 ModEx chain of an ExAudioTagHeader or ExVideoTagHeader: while the
 * packet type is ModEx (7), modExDataSize (UI8 + 1, or UI16 + 1 when the UI8 form gives 256),
 * modExData, then a byte of modExType (UB[4]) and the next packet type (UB[4]). The only
 * modExType defined, TimestampOffsetNano (0), carries a UI24 nanosecond offset; entries of any
 * other type are skipped and counted, so a player can say how many it did not understand.
 */
final class ModEx {
    static final int PACKET_TYPE = 7;

    /** The only modExType defined by Enhanced RTMP v2. */
    static final int TIMESTAMP_OFFSET_NANO = 0;
    private static final int NANO_OFFSET_BYTES = 3;

    /**
     * The packet type after the chain, the nanosecond offset it carried (0 if none) and how many
     * entries were of a type this reader does not know (skipped).
     */
    record Result(int packetType, int timestampOffsetNanos, int unknownTypes) { }

    private ModEx() {
    }

    static Result read(ByteCursor in, int packetType, String prefix) throws WireFormatException {
        int nanos = 0;
        int unknown = 0;
        while (packetType == PACKET_TYPE) {
            int size = in.u8(prefix + " modExDataSize") + 1;
            if (size == 256) {
                size = in.u16(prefix + " modExDataSize") + 1;
            }
            in.need(prefix + " modExData", size);
            int dataStart = in.position();
            int firstThree = size >= NANO_OFFSET_BYTES ? in.u24(prefix + " modExData") : 0;
            in.skip(prefix + " modExData", size - (in.position() - dataStart));
            int next = in.u8(prefix + " modExType");
            if ((next >>> 4) == TIMESTAMP_OFFSET_NANO && size >= NANO_OFFSET_BYTES) {
                nanos = firstThree;
            } else {
                unknown++;
            }
            packetType = next & 0x0F;
        }
        return new Result(packetType, nanos, unknown);
    }
}
