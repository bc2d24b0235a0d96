package org.netstreamfx.player.flv;

import org.netstreamfx.player.wire.WireFormatException;

/**
 * Reads the Enhanced RTMP v2 ModEx chain of an ExAudioTagHeader or ExVideoTagHeader: while the
 * packet type is ModEx (7), modExDataSize (UI8 + 1, or UI16 + 1 when the UI8 form gives 256),
 * modExData, then a byte of modExType (UB[4]) and the next packet type (UB[4]). The only
 * modExType defined, TimestampOffsetNano (0), carries a UI24 nanosecond offset.
 */
final class ModEx {
    static final int PACKET_TYPE = 7;

    /** The packet type after the chain and the nanosecond offset it carried (0 if none). */
    record Result(int packetType, int timestampOffsetNanos) { }

    private ModEx() {
    }

    static Result read(ByteCursor in, int packetType, String prefix) throws WireFormatException {
        int nanos = 0;
        while (packetType == PACKET_TYPE) {
            int size = in.u8(prefix + " modExDataSize") + 1;
            if (size == 256) {
                size = in.u16(prefix + " modExDataSize") + 1;
            }
            in.need(prefix + " modExData", size);
            int dataStart = in.position();
            int firstThree = size >= 3 ? in.u24(prefix + " modExData") : 0;
            in.skip(prefix + " modExData", size - (in.position() - dataStart));
            int next = in.u8(prefix + " modExType");
            if ((next >>> 4) == 0 && size >= 3) {
                nanos = firstThree;
            }
            packetType = next & 0x0F;
        }
        return new Result(packetType, nanos);
    }
}
