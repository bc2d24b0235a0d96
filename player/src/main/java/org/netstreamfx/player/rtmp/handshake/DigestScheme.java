package org.netstreamfx.player.rtmp.handshake;

/**
 * Where the 32-byte digest sits in a Flash Player 9 C1 or S1 packet (1536 bytes: time, version,
 * then two 764-byte blocks).
 *
 * <p>The position is {@code (b[p] + b[p+1] + b[p+2] + b[p+3]) % 728 + p + 4}, the four bytes at
 * {@code p} being unsigned. Names follow librtmp and FFmpeg: in scheme 0 the offset bytes are at
 * {@code p = 8} (the digest is in the first block; this is what Flash Player and librtmp send
 * unencrypted), in scheme 1 at {@code p = 772} (second block). SRS calls these the other way
 * round ("schema1" and "schema0").
 */
public enum DigestScheme {
    /** Offset bytes at 8, digest within 12..767. */
    SCHEME_0(8),
    /** Offset bytes at 772, digest within 776..1531. */
    SCHEME_1(772);

    /** The modulus applied to the sum of the four offset bytes. */
    public static final int OFFSET_MODULUS = 728;

    private final int offsetField;

    DigestScheme(int offsetField) {
        this.offsetField = offsetField;
    }

    /** Position of the four bytes whose sum selects the digest position. */
    public int offsetField() {
        return offsetField;
    }

    /** Where the digest starts in {@code packet} (which must be 1536 bytes). */
    public int digestOffset(byte[] packet) {
        int sum = (packet[offsetField] & 0xFF) + (packet[offsetField + 1] & 0xFF)
                + (packet[offsetField + 2] & 0xFF) + (packet[offsetField + 3] & 0xFF);
        return sum % OFFSET_MODULUS + offsetField + 4;
    }

    /** The other scheme. */
    public DigestScheme other() {
        return this == SCHEME_0 ? SCHEME_1 : SCHEME_0;
    }
}
