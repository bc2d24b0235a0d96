package org.netstreamfx.player.wire;

import java.io.IOException;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

/**
 * What one fuzz input may cost a parser, and the check that it kept to it (issue 11, house habit
 * 5: every number from the wire is checked before it is used; never an OOM, a hang, a crash).
 *
 * <p>{@link #call} runs one call into the code under test and then asserts three things (the fuzz
 * test catches the {@link WireFormatException} it rethrows):
 * <ul>
 *   <li>it ended normally or with a {@link WireFormatException} that names its field and says
 *       something; any other exception or error (a {@code RuntimeException}, an {@code
 *       OutOfMemoryError}, a {@code StackOverflowError}, another {@code IOException}) escapes,
 *       and Jazzer reports it as a finding. A target that accepts another {@code IOException}
 *       subtype catches it itself and says why;
 *   <li>it used at most {@link #MAX_CPU_NANOS_PER_CALL} of CPU time on its thread. CPU time, not
 *       wall time, so that a loaded 2-core machine does not make findings up; a call that never
 *       returns is caught by the {@code @Timeout} on the fuzz test class instead (per input in
 *       regression mode, as libFuzzer's {@code -timeout} when fuzzing);
 *   <li>it allocated at most {@code fixedBytes + bytesPerInputByte * input.length} bytes on its
 *       thread ({@code com.sun.management.ThreadMXBean}): a fixed part derived from the named
 *       limits of the code under test, and a part proportional to the input, so that a length
 *       read from the wire and allocated before the bytes are there is a finding even when it
 *       is far below the heap.
 * </ul>
 */
public final class FuzzBudget {
    /** CPU time one call may take: 1 s, hundreds of times what a valid input of a few KB needs. */
    public static final long MAX_CPU_NANOS_PER_CALL = TimeUnit.SECONDS.toNanos(1);

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final ClassLoadingMXBean CLASSES = ManagementFactory.getClassLoadingMXBean();
    /** Set when a call on this thread loaded classes, so that its cost was not the parser's alone. */
    private static final ThreadLocal<Boolean> COLD = ThreadLocal.withInitial(() -> false);

    /** {@code -Dnsfx.fuzz.verbose=true}: print why each input was rejected (to check that seeds are valid). */
    private static final boolean VERBOSE = Boolean.getBoolean("nsfx.fuzz.verbose");

    private final String target;
    private final long fixedBytes;
    private final long bytesPerInputByte;

    /**
     * @param target what is fuzzed, for the assertion messages
     * @param fixedBytes allocation allowed whatever the input's length (from the code's limits)
     * @param bytesPerInputByte allocation allowed per byte of input
     */
    public FuzzBudget(String target, long fixedBytes, long bytesPerInputByte) {
        this.target = target;
        this.fixedBytes = fixedBytes;
        this.bytesPerInputByte = bytesPerInputByte;
    }

    /** A whole fuzz input: builds what it parses with afresh, so that it can run twice. */
    @FunctionalInterface
    public interface Input {
        void run() throws IOException;
    }

    /**
     * Runs one fuzz input. Loading a class (the JVM's, the parser's, and Jazzer's instrumentation
     * of it) allocates and takes time on the thread that first needs it, so a call during which
     * classes were loaded is not held to its budget; when that happened, the whole input runs a
     * second time, warm, and is held to it then. Every input is therefore checked, whether it is
     * the first to reach a code path or not.
     */
    public static void input(Input input) throws IOException {
        COLD.set(false);
        input.run();
        if (COLD.get()) {
            COLD.set(false);
            input.run();
        }
    }

    /** One call into the code under test. */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws IOException;
    }

    /** One call that returns nothing. */
    @FunctionalInterface
    public interface Action {
        void run() throws IOException;
    }

    /**
     * Runs {@code call} for {@code input}, checks its cost, and returns its result. A {@link
     * WireFormatException}, the one exception data may cause, is checked and rethrown after the
     * cost is checked: the fuzz test catches it, as the code's callers do.
     */
    public <T> T call(byte[] input, Call<T> call) throws IOException {
        long classesBefore = CLASSES.getTotalLoadedClassCount();
        long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        WireFormatException wireError = null;
        T result = null;
        try {
            result = call.run();
        } catch (WireFormatException e) {
            if (e.field() == null || e.getMessage() == null || e.getMessage().isBlank()) {
                throw new AssertionError(target + ": a WireFormatException must name its field and say what"
                        + " was wrong: field=" + e.field() + ", message=" + e.getMessage(), e);
            }
            wireError = e;
            if (VERBOSE) {
                System.out.println(target + " rejected a " + input.length + "-byte input: " + e.getMessage());
            }
        }
        long cpuNanos = THREADS.getCurrentThreadCpuTime() - cpuBefore;
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;
        long maxBytes = fixedBytes + bytesPerInputByte * input.length;
        if (CLASSES.getTotalLoadedClassCount() != classesBefore) {
            COLD.set(true);
        } else if (allocated > maxBytes) {
            throw new AssertionError(target + " allocated " + allocated + " bytes for a " + input.length
                    + "-byte input, over its bound of " + maxBytes + " (" + fixedBytes + " + " + bytesPerInputByte
                    + " per input byte)", wireError);
        }
        if (!COLD.get() && cpuNanos > MAX_CPU_NANOS_PER_CALL) {
            throw new AssertionError(target + " took " + TimeUnit.NANOSECONDS.toMillis(cpuNanos)
                    + " ms of CPU time for a " + input.length + "-byte input, over the bound of "
                    + TimeUnit.NANOSECONDS.toMillis(MAX_CPU_NANOS_PER_CALL) + " ms", wireError);
        }
        if (wireError != null) {
            throw wireError;
        }
        return result;
    }

    /** {@link #call} for a call that returns nothing. */
    public void run(byte[] input, Action action) throws IOException {
        call(input, () -> {
            action.run();
            return null;
        });
    }
}
