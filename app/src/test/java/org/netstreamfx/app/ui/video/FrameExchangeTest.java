package org.netstreamfx.app.ui.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class FrameExchangeTest {

    /** A BGRA picture whose every pixel is {@code argb}, with {@code pad} spare bytes per row. */
    private static ByteBuffer bgra(int w, int h, int pad, int argb) {
        ByteBuffer b = ByteBuffer.allocateDirect(h * (w * 4 + pad));
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                b.put((byte) argb).put((byte) (argb >> 8)).put((byte) (argb >> 16)).put((byte) (argb >>> 24));
            }
            for (int i = 0; i < pad; i++) {
                b.put((byte) 0x55);
            }
        }
        return b.flip().asReadOnlyBuffer();
    }

    @Test
    void bgraBytesBecomeArgbIntsRowByRowWhateverTheStride() {
        FrameExchange x = new FrameExchange();
        x.put(bgra(3, 2, 8, 0xFF102030), 3, 2, 3 * 4 + 8);
        FrameExchange.Slot s = x.take();
        assertEquals(3, s.width);
        assertEquals(2, s.height);
        assertEquals(6, s.pixels.remaining());
        for (int i = 0; i < 6; i++) {
            assertEquals(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? 0xFF102030 : 0x302010FF, s.pixels.get(i));
        }
        assertNull(x.take(), "nothing new");
    }

    @Test
    void aStrideThatIsNotAWholeNumberOfPixelsIsCopiedToo() {
        FrameExchange x = new FrameExchange();
        x.put(bgra(2, 3, 1, 0xFF405060), 2, 3, 2 * 4 + 1);
        FrameExchange.Slot s = x.take();
        assertEquals(6, s.pixels.remaining());
        for (int i = 0; i < 6; i++) {
            assertEquals(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? 0xFF405060 : 0x605040FF, s.pixels.get(i));
        }
    }

    @Test
    void onlyTheNewestIsTakenAndTheOthersAreCountedAsSuperseded() {
        FrameExchange x = new FrameExchange();
        x.put(bgra(2, 2, 0, 0xFF000001), 2, 2, 8);
        x.put(bgra(2, 2, 0, 0xFF000002), 2, 2, 8);
        x.put(bgra(2, 2, 0, 0xFF000003), 2, 2, 8);
        FrameExchange.Slot s = x.take();
        assertEquals(3, s.sequence);
        assertEquals(2, x.superseded());
        x.put(bgra(2, 2, 0, 0xFF000004), 2, 2, 8);
        FrameExchange.Slot next = x.take();
        assertNotSame(s, next, "the FX thread's buffer is never the one written");
        assertEquals(4, next.sequence);
        assertEquals(2, x.superseded());
    }

    @Test
    void buffersAreReusedWhileTheSizeStaysAndClearDropsWhatWasWaiting() {
        FrameExchange x = new FrameExchange();
        x.put(bgra(2, 2, 0, 0xFF000001), 2, 2, 8);
        FrameExchange.Slot first = x.take();
        var firstPixels = first.pixels;
        for (int i = 0; i < 3; i++) {
            x.put(bgra(2, 2, 0, 0xFF000001), 2, 2, 8);
            x.take();
        }
        assertSame(firstPixels, first.pixels, "no reallocation at the same size");
        x.put(bgra(2, 2, 0, 0xFF000001), 2, 2, 8);
        x.clear();
        assertTrue(x.takeCleared());
        assertNull(x.take());
    }
}
