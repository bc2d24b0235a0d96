package org.netstreamfx.player.amf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.netstreamfx.player.wire.FuzzBudget;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * Coverage-guided fuzz targets for the AMF0 and AMF3 readers (issue 11), and for what is done
 * with what they read: {@link AmfGraph#checkConvertible}, {@link AmfValues#toJava}, {@code
 * toString}, {@code equals} and {@code hashCode}. Two reads of the same bytes must be equal and
 * hash alike. Seeds and findings: {@code src/test/resources/org/netstreamfx/player/amf/AmfFuzzTestInputs/}.
 * Run in regression mode by the test command, fuzzed by {@code scripts/fuzz}.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class AmfFuzzTest {
    /** Bytes one converted value may take: a LinkedHashMap entry, its key and a boxed value, rounded up. */
    static final long BYTES_PER_CONVERTED_NODE = 256;

    /**
     * Allocation one conversion of one message may cause: {@link AmfLimits#MAX_CONVERTED_NODES}
     * values, and {@link AmfLimits#MAX_CONVERTED_CHARS} bytes of byte arrays, which {@link
     * AmfValues#toJava} copies (strings are shared); plus 4 MiB for {@code toString} (at most
     * {@code AmfGraph.RENDERED_CHARS} characters) and the walks' bookkeeping.
     */
    public static final long CONVERSION_BYTES = AmfLimits.MAX_CONVERTED_NODES * BYTES_PER_CONVERTED_NODE
            + AmfLimits.MAX_CONVERTED_CHARS + (4L << 20);

    /**
     * Allocation per input byte: reading (a value per byte at most, twice) and {@code hashCode},
     * which lists a container's children for each of at most {@code AmfGraph.HASHED_NODES} visits
     * (1,000 visits × 8 bytes per child).
     */
    public static final long BYTES_PER_INPUT_BYTE = 8 << 10;

    private static final FuzzBudget AMF0 = new FuzzBudget("AMF0 read, convert, print, compare",
            CONVERSION_BYTES, BYTES_PER_INPUT_BYTE);
    private static final FuzzBudget AMF3 = new FuzzBudget("AMF3 read, convert, print, compare",
            CONVERSION_BYTES, BYTES_PER_INPUT_BYTE);

    @FuzzTest
    void amf0(byte[] data) throws IOException {
        FuzzBudget.input(() -> {
            try {
                AMF0.run(data, () -> exercise(readAmf0(data), readAmf0(data)));
            } catch (WireFormatException expected) {
                // Malformed or over a limit: the one outcome data may cause besides a value.
            }
        });
    }

    @FuzzTest
    void amf3(byte[] data) throws IOException {
        FuzzBudget.input(() -> {
            try {
                AMF3.run(data, () -> exercise(readAmf3(data), readAmf3(data)));
            } catch (WireFormatException expected) {
                // Malformed or over a limit: the one outcome data may cause besides a value.
            }
        });
    }

    private static List<AmfValue> readAmf0(byte[] data) throws WireFormatException {
        return new Amf0Reader(ByteBuffer.wrap(data)).readAll();
    }

    private static List<AmfValue> readAmf3(byte[] data) throws WireFormatException {
        Amf3Reader reader = new Amf3Reader(ByteBuffer.wrap(data));
        List<AmfValue> values = new ArrayList<>();
        while (reader.hasRemaining()) {
            values.add(reader.read());
        }
        return values;
    }

    /** What commands, script data and shared objects do with values read from outside. */
    private static void exercise(List<AmfValue> values, List<AmfValue> again) throws WireFormatException {
        for (AmfValue v : values) {
            v.toString();
        }
        assertEquals(values, again, "two reads of the same bytes");
        assertEquals(values.hashCode(), again.hashCode(), "hash codes of two reads of the same bytes");
        AmfGraph.checkConvertible(values);
        for (AmfValue v : values) {
            AmfValues.toJava(v);
        }
    }
}
