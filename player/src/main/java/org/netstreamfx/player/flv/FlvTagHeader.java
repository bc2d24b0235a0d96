package org.netstreamfx.player.flv;

import org.netstreamfx.player.wire.WireFormatException;

/**
 * The 11-byte FLV tag header (FLV/F4V spec v10.1, annex E.4.1).
 *
 * @param filtered the Filter bit: the body is encrypted (FLV spec annex F)
 * @param dataSize UI24 length of the body that follows
 * @param timestampMs Timestamp with TimestampExtended as its upper 8 bits, an SI32 in milliseconds
 * @param streamId UI24 StreamID, always 0 in files
 */
public record FlvTagHeader(FlvTagType type, boolean filtered, int dataSize, int timestampMs, int streamId) {
    public static final int SIZE = 11;

    /** Parses the first {@link #SIZE} bytes of {@code data}. */
    public static FlvTagHeader parse(byte[] data) throws WireFormatException {
        ByteCursor in = new ByteCursor(data);
        in.need("FLV tag header", SIZE);
        int first = in.u8("FLV TagType");
        FlvTagType type = FlvTagType.of(first & 0x1F);
        int dataSize = in.u24("FLV tag DataSize");
        int low = in.u24("FLV tag Timestamp");
        int extended = in.u8("FLV tag TimestampExtended");
        int streamId = in.u24("FLV tag StreamID");
        return new FlvTagHeader(type, (first & 0x20) != 0, dataSize, (extended << 24) | low, streamId);
    }
}
