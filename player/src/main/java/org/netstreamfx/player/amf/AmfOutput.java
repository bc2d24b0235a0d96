package org.netstreamfx.player.amf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Big-endian writes into a growing byte array, shared by the AMF0 and AMF3 writers. */
final class AmfOutput {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final int maxDepth;
    private int depth;

    AmfOutput(int maxDepth) {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be positive: " + maxDepth);
        }
        this.maxDepth = maxDepth;
    }

    void u8(int v) {
        out.write(v);
    }

    void u16(int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    void u32(long v) {
        int i = (int) v;
        u16(i >>> 16);
        u16(i);
    }

    void f64(double v) {
        long bits = Double.doubleToRawLongBits(v);
        u32(bits >>> 32);
        u32(bits);
    }

    void bytes(byte[] b) {
        out.write(b, 0, b.length);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Enters a nested container; values are trees, so only depth can run away. */
    void enter() {
        if (++depth > maxDepth) {
            throw new IllegalArgumentException("AMF nesting depth is " + depth
                    + ", over the limit of " + maxDepth);
        }
    }

    void leave() {
        depth--;
    }

    int depth() {
        return depth;
    }

    int maxDepth() {
        return maxDepth;
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
