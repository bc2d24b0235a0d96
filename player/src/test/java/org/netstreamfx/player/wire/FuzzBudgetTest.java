package org.netstreamfx.player.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

/** The fuzz targets' checks find what they are meant to find. */
class FuzzBudgetTest {
    private static final byte[] INPUT = new byte[100];
    private final FuzzBudget budget = new FuzzBudget("test parser", 1 << 20, 16);

    @Test
    void aWireFormatExceptionIsRethrownAfterTheChecks() {
        WireFormatException thrown = WireFormatException.overLimit("test field", 10, 5);
        assertSame(thrown, assertThrows(WireFormatException.class, () -> budget.run(INPUT, () -> {
            throw thrown;
        })));
    }

    @Test
    void anyOtherExceptionEscapesAsItIs() {
        assertThrows(IllegalArgumentException.class, () -> budget.run(INPUT, () -> {
            throw new IllegalArgumentException("position before the first tag");
        }));
        assertThrows(EOFException.class, () -> budget.run(INPUT, () -> {
            throw new EOFException();
        }));
    }

    @Test
    void aWireFormatExceptionWithoutItsFieldIsAFinding() {
        AssertionError e = assertThrows(AssertionError.class, () -> budget.run(INPUT, () -> {
            throw new WireFormatException(null, "something");
        }));
        assertTrue(e.getMessage().contains("must name its field"), e.getMessage());
    }

    @Test
    void allocationOverTheBoundIsAFinding() throws Exception {
        budget.run(INPUT, () -> new byte[1024].clone()); // warm: the lambda's classes are loaded
        AssertionError e = assertThrows(AssertionError.class, () -> FuzzBudget.input(
                () -> budget.run(INPUT, () -> sink = new byte[8 << 20])));
        assertTrue(e.getMessage().startsWith("test parser allocated "), e.getMessage());
        assertTrue(e.getMessage().endsWith("for a 100-byte input, over its bound of 1050176 (1048576 + 16 per input byte)"),
                e.getMessage());
    }

    @Test
    void cpuTimeOverTheBoundIsAFinding() throws Exception {
        FuzzBudget.Action spin = () -> {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long end = threads.getCurrentThreadCpuTime() + spinCpuNanos;
            long spins = 0;
            while (threads.getCurrentThreadCpuTime() < end) {
                spins++;
            }
            sink = new byte[(int) (spins & 1)];
        };
        budget.run(INPUT, spin); // warm, no spinning: what it loads is loaded
        spinCpuNanos = FuzzBudget.MAX_CPU_NANOS_PER_CALL * 6 / 5;
        AssertionError e = assertThrows(AssertionError.class, () -> FuzzBudget.input(() -> budget.run(INPUT, spin)));
        assertTrue(e.getMessage().contains("ms of CPU time for a 100-byte input, over the bound of 1000 ms"),
                e.getMessage());
    }

    @Test
    void withinTheBoundsTheResultComesBack() throws Exception {
        assertEquals("ok", budget.call(INPUT, () -> "ok"));
    }

    private static byte[] sink;
    private static long spinCpuNanos;
}
