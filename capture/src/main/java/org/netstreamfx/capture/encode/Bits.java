package org.netstreamfx.capture.encode;

/**
 * Most-significant-bit-first reads over a byte array, with the two variable-length codes the
 * parameter sets use: Exp-Golomb ue(v) (H.265 9.2) and uvlc() (AV1 4.10.3). Reading past the
 * end throws {@link IllegalArgumentException} naming the field.
 */
final class Bits {
    private static final int MAX_LEADING_ZEROS = 31;

    private final byte[] data;
    private long position;

    Bits(byte[] data) {
        this.data = data;
    }

    /** {@code count} (0..32) bits as an unsigned number. */
    long read(String field, int count) {
        if (position + count > data.length * 8L) {
            throw new IllegalArgumentException(field + " runs past the end of " + data.length + " bytes");
        }
        long value = 0;
        for (int i = 0; i < count; i++, position++) {
            value = (value << 1) | ((data[(int) (position >>> 3)] >> (7 - (int) (position & 7))) & 1);
        }
        return value;
    }

    int bit(String field) {
        return (int) read(field, 1);
    }

    /** Exp-Golomb: n leading zeros, a one, n more bits. Also AV1's uvlc(), which has the same form. */
    long expGolomb(String field) {
        int zeros = 0;
        while (bit(field) == 0) {
            if (++zeros > MAX_LEADING_ZEROS) {
                throw new IllegalArgumentException(field + " has more than " + MAX_LEADING_ZEROS + " leading zeros");
            }
        }
        return (1L << zeros) - 1 + read(field, zeros);
    }

    void skip(String field, int count) {
        if (position + count > data.length * 8L) {
            throw new IllegalArgumentException(field + " runs past the end of " + data.length + " bytes");
        }
        position += count;
    }
}
