package org.netstreamfx.player.rtmp.handshake;

import java.nio.charset.StandardCharsets;

/**
 * The two HMAC-SHA256 keys of the Flash Player 9 handshake (as documented by librtmp and
 * crtmpserver). The "partial" key is the ASCII text and signs C1 or S1; the "full" key is the text
 * followed by 32 fixed bytes and, hashed with the peer's digest, yields the key that signs C2 or
 * S2.
 */
public enum HandshakeKey {
    /** "Genuine Adobe Flash Player 001": signs C1 (30 bytes) and, in full (62 bytes), C2. */
    FLASH_PLAYER("Genuine Adobe Flash Player 001"),
    /** "Genuine Adobe Flash Media Server 001": signs S1 (36 bytes) and, in full (68 bytes), S2. */
    FLASH_MEDIA_SERVER("Genuine Adobe Flash Media Server 001");

    private static final int[] FULL_KEY_SUFFIX = {
        0xF0, 0xEE, 0xC2, 0x4A, 0x80, 0x68, 0xBE, 0xE8, 0x2E, 0x00, 0xD0, 0xD1, 0x02, 0x9E, 0x7E, 0x57,
        0x6E, 0xEC, 0x5D, 0x2D, 0x29, 0x80, 0x6F, 0xAB, 0x93, 0xB8, 0xE6, 0x36, 0xCF, 0xEB, 0x31, 0xAE,
    };

    private final String text;

    HandshakeKey(String text) {
        this.text = text;
    }

    /** The text part alone, which keys the C1/S1 digest. A fresh array on each call. */
    public byte[] partial() {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** The text followed by the 32 fixed bytes, which keys the C2/S2 signature. A fresh array. */
    public byte[] full() {
        byte[] p = partial();
        byte[] k = new byte[p.length + FULL_KEY_SUFFIX.length];
        System.arraycopy(p, 0, k, 0, p.length);
        for (int i = 0; i < FULL_KEY_SUFFIX.length; i++) {
            k[p.length + i] = (byte) FULL_KEY_SUFFIX[i];
        }
        return k;
    }
}
