package org.netstreamfx.player.flv;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

/** Test helper: builds FLV files and bit strings in memory. */
final class FlvBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    /** An FLV header (flags 0x05: audio and video) with PreviousTagSize0. */
    static FlvBytes file() {
        FlvBytes f = new FlvBytes();
        f.raw(hex("464c5601 05 00000009 00000000"));
        return f;
    }

    FlvBytes raw(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    FlvBytes u24(int v) {
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
        return this;
    }

    FlvBytes u32(long v) {
        out.write((int) (v >>> 24));
        return u24((int) v);
    }

    /** A tag with a correct PreviousTagSize after it. */
    FlvBytes tag(int type, int timestamp, byte[] body) {
        out.write(type);
        u24(body.length);
        u24(timestamp & 0xFFFFFF);
        out.write(timestamp >>> 24);
        u24(0);
        raw(body);
        return u32(11 + body.length);
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    /** MSB-first bit string builder. */
    static final class Bits {
        private final StringBuilder bits = new StringBuilder();

        Bits put(int value, int count) {
            for (int i = count - 1; i >= 0; i--) {
                bits.append((value >>> i) & 1);
            }
            return this;
        }

        byte[] bytes() {
            int n = (bits.length() + 7) / 8;
            byte[] b = new byte[n];
            for (int i = 0; i < bits.length(); i++) {
                if (bits.charAt(i) == '1') {
                    b[i / 8] |= (byte) (0x80 >>> (i % 8));
                }
            }
            return b;
        }
    }
}
