package org.netstreamfx.player.flv;

import org.netstreamfx.player.wire.WireFormatException;

/** Checked most-significant-bit-first reads from a byte array, for ISO 14496-3 bit syntax. */
final class BitReader {
    private final byte[] data;
    private long bitPos;

    BitReader(byte[] data) {
        this.data = data;
    }

    /**
     * A reader over {@code data} past its first {@code n} bits, which must be {@code syncWord}
     * (the sync word of a frame header).
     */
    static BitReader synced(byte[] data, String field, int n, int syncWord) throws WireFormatException {
        BitReader in = new BitReader(data);
        int sync = in.bits(field, n);
        if (sync != syncWord) {
            throw WireFormatException.outOfRange(field, sync, "must be 0x" + Integer.toHexString(syncWord));
        }
        return in;
    }

    long bitsLeft() {
        return data.length * 8L - bitPos;
    }

    long bitPosition() {
        return bitPos;
    }

    /** Reads {@code n} (0..32) bits as an unsigned value. */
    int bits(String field, int n) throws WireFormatException {
        if (bitsLeft() < n) {
            throw new WireFormatException(field, field + " needs " + n + " bits but only "
                    + bitsLeft() + " remain");
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            int b = (data[(int) (bitPos >>> 3)] >>> (7 - (bitPos & 7))) & 1;
            v = (v << 1) | b;
            bitPos++;
        }
        return (int) v;
    }

    boolean flag(String field) throws WireFormatException {
        return bits(field, 1) == 1;
    }

    /** Skips to the next byte boundary (counted from the start of the data). */
    void byteAlign() {
        bitPos = (bitPos + 7) & ~7L;
    }
}
