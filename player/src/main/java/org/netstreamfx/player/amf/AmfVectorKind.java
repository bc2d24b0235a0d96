package org.netstreamfx.player.amf;

/** The four AMF3 vector types (AMF3 spec 3.15), with their type markers. */
public enum AmfVectorKind {
    /** vector-int-marker 0x0D: 32-bit signed integers. */
    INT(0x0D, 4),
    /** vector-uint-marker 0x0E: 32-bit unsigned integers. */
    UINT(0x0E, 4),
    /** vector-double-marker 0x0F: 64-bit doubles. */
    DOUBLE(0x0F, 8),
    /** vector-object-marker 0x10: any AMF3 values. */
    OBJECT(0x10, 1);

    private final int marker;
    private final int minItemBytes;

    AmfVectorKind(int marker, int minItemBytes) {
        this.marker = marker;
        this.minItemBytes = minItemBytes;
    }

    /** The AMF3 type marker. */
    public int marker() {
        return marker;
    }

    /** The fewest bytes one item takes on the wire. */
    int minItemBytes() {
        return minItemBytes;
    }
}
