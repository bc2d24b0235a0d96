package org.netstreamfx.player.source;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.netstreamfx.player.amf.AmfFuzzTest;
import org.netstreamfx.player.wire.FuzzBudget;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * A coverage-guided fuzz target for FLV files (issue 11): {@link FlvSource}, which reads tags with
 * {@code FlvTagReader} and turns them into tracks, packets and data messages with {@link
 * FlvTagConverter} (codec configurations, Enhanced RTMP headers, script data), opened on the
 * bytes as a file, read to the end, then seeked to the start and past the end and read again.
 * Every call is checked on its own: one call converts at most one script data message. A file
 * with no track the engine plays is an {@link UnsupportedMediaException} (Play.Failed), which is
 * accepted as well. Seeds and findings:
 * {@code src/test/resources/org/netstreamfx/player/source/FlvFuzzTestInputs/}.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FlvFuzzTest {
    /** Items read after each seek, at most. */
    private static final int ITEMS_AFTER_SEEK = 16;

    /**
     * One call may convert one script data message (AmfFuzzTest.CONVERSION_BYTES), and copies a
     * tag body a handful of times (the tag, the converter's payload, the packet): 64 bytes per
     * input byte leaves room for that.
     */
    private static final FuzzBudget CALL = new FuzzBudget("FlvSource call", AmfFuzzTest.CONVERSION_BYTES,
            Math.max(64, AmfFuzzTest.BYTES_PER_INPUT_BYTE));

    @FuzzTest
    void flvFile(byte[] data) throws IOException {
        FuzzBudget.input(() -> {
            FlvSource source = new FlvSource(new BytesInput(data));
            try {
                CALL.call(data, source::open);
                while (CALL.call(data, source::read) != null) {
                    // Every item of the file, each a call of its own.
                }
                CALL.run(data, () -> source.seek(0));
                readSome(source, data);
                CALL.run(data, () -> source.seek(Long.MAX_VALUE / 2));
                readSome(source, data);
            } catch (WireFormatException | UnsupportedMediaException expected) {
                // Malformed (Play.Failed naming the field), or no track we play (Play.Failed).
            } finally {
                source.close();
            }
        });
    }

    private static void readSome(FlvSource source, byte[] data) throws IOException {
        for (int i = 0; i < ITEMS_AFTER_SEEK && CALL.call(data, source::read) != null; i++) {
            // A few items from where the seek put us.
        }
    }

    /** The bytes as a local file would give them. */
    private static final class BytesInput implements RandomAccessInput {
        private final byte[] data;

        BytesInput(byte[] data) {
            this.data = data;
        }

        @Override
        public int read(long position, byte[] dst, int off, int len) {
            if (position >= data.length) {
                return -1;
            }
            int n = (int) Math.min(len, data.length - position);
            System.arraycopy(data, (int) position, dst, off, n);
            return n;
        }

        @Override
        public long size() {
            return data.length;
        }

        @Override
        public long bytesLoaded() {
            return data.length;
        }

        @Override
        public String displayName() {
            return "fuzz input";
        }

        @Override
        public void close() {
        }
    }
}
