package org.netstreamfx.player.health;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * File surgery on an FLV (spec v10.1 annex E.3/E.4.1): every tag's 32-bit timestamp rewritten by
 * a function of it and the tag's index, so a test can make a jump or a DTS that goes backwards in
 * an otherwise normal ffmpeg-made file.
 */
final class FlvRetime {
    /** FLV header (9) and PreviousTagSize0 (4). */
    private static final int FIRST_TAG = 13;
    private static final int TAG_HEADER = 11;
    private static final int PREVIOUS_SIZE = 4;
    private static final int VIDEO = 9;

    /** The new timestamp of a tag: (tag index among video tags or -1 for others, old ms) → new ms. */
    interface Retime {
        int apply(int videoIndex, int ms);
    }

    private FlvRetime() {
    }

    static Path copy(Path from, Path to, Retime retime) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(from));
        int videoIndex = 0;
        for (int at = FIRST_TAG; at + TAG_HEADER <= b.limit(); ) {
            int type = b.get(at) & 0x1f;
            int size = ((b.get(at + 1) & 0xff) << 16) | ((b.get(at + 2) & 0xff) << 8) | (b.get(at + 3) & 0xff);
            int ms = ((b.get(at + 7) & 0xff) << 24) | ((b.get(at + 4) & 0xff) << 16) | ((b.get(at + 5) & 0xff) << 8)
                    | (b.get(at + 6) & 0xff);
            int now = retime.apply(type == VIDEO ? videoIndex++ : -1, ms);
            b.put(at + 4, (byte) (now >> 16)).put(at + 5, (byte) (now >> 8)).put(at + 6, (byte) now)
                    .put(at + 7, (byte) (now >> 24));
            at += TAG_HEADER + size + PREVIOUS_SIZE;
        }
        Files.write(to, b.array());
        return to;
    }

    /** Every tag at or after {@code fromMs} moved by {@code byMs}: a timestamp jump. */
    static Retime shiftFrom(int fromMs, int byMs) {
        return (v, ms) -> ms >= fromMs ? ms + byMs : ms;
    }
}
