package org.netstreamfx.player.flv;

import org.netstreamfx.player.wire.WireFormatException;

/**
 * The FLV file header (FLV/F4V spec v10.1, annex E.2): "FLV", version 1, TypeFlags and the
 * DataOffset at which the body (PreviousTagSize0 and the tags) starts.
 */
public record FlvHeader(int version, boolean hasAudio, boolean hasVideo, long dataOffset) {
    /** Size of the version 1 header. */
    public static final int SIZE = 9;
    /** Largest DataOffset accepted: room for future header fields, not for megabytes. */
    public static final long MAX_DATA_OFFSET = 1 << 16;

    /** Parses the first {@link #SIZE} bytes of {@code data}. */
    public static FlvHeader parse(byte[] data) throws WireFormatException {
        ByteCursor in = new ByteCursor(data);
        in.need("FLV header", SIZE);
        int f = in.u8("FLV Signature");
        int l = in.u8("FLV Signature");
        int v = in.u8("FLV Signature");
        if (f != 'F' || l != 'L' || v != 'V') {
            throw WireFormatException.outOfRange("FLV Signature", (f << 16) | (l << 8) | v,
                    "must be \"FLV\" (0x464C56)");
        }
        int version = in.u8("FLV Version");
        if (version != 1) {
            throw WireFormatException.outOfRange("FLV Version", version, "must be 1");
        }
        int flags = in.u8("FLV TypeFlags");
        long dataOffset = in.u32("FLV DataOffset") & 0xFFFF_FFFFL;
        if (dataOffset < SIZE) {
            throw WireFormatException.outOfRange("FLV DataOffset", dataOffset, "must be at least " + SIZE);
        }
        if (dataOffset > MAX_DATA_OFFSET) {
            throw WireFormatException.overLimit("FLV DataOffset", dataOffset, MAX_DATA_OFFSET);
        }
        return new FlvHeader(version, (flags & 0x04) != 0, (flags & 0x01) != 0, dataOffset);
    }
}
