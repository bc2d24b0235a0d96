package org.netstreamfx.player.amf;

/**
 * Limits applied while reading AMF data; every length, count and depth read from the wire is
 * checked against them before anything is allocated. Lengths and counts are also checked against
 * the bytes that remain, so a huge count with a tiny body fails at once.
 *
 * <p>Decoded values are a graph, not a tree: an AMF0 reference (reference-marker 0x07, AMF0 spec
 * 2.9) or an AMF3 object or string reference (AMF3 spec 2.2) hands back the very value read
 * before, so 1 KB of references can describe a value that expands to 2^60 nodes (issue 11).
 * Reading keeps the sharing and stays as small as the input. Conversion to plain Java, which
 * makes a tree, is bounded by {@link #MAX_CONVERTED_NODES} (a shared value counts once for every
 * place it is reached) and {@link #MAX_CONVERTED_CHARS}: over either, {@link
 * AmfGraph#checkConvertible} and {@link AmfValues#toJava} throw a {@code WireFormatException}
 * naming the count and the limit before anything is converted. The command, script data and
 * shared object readers run that check on every message and file. {@code toString}, {@code
 * equals} and {@code hashCode} of the values are bounded walks as well ({@link AmfGraph}).
 *
 * @param maxDepth deepest nesting of complex values (objects, arrays, vectors, dictionaries)
 * @param maxStringBytes longest string, XML or byte array, in bytes
 * @param maxElementCount most elements of one array, object, vector or dictionary
 * @param maxReferences most entries in one AMF3 string, object or traits reference table, or
 *     in the AMF0 object reference table
 */
public record AmfLimits(int maxDepth, int maxStringBytes, int maxElementCount, int maxReferences) {

    /** Depth 64, strings of 16 MiB, 1 Mi elements per container, 1 Mi references per table. */
    public static final AmfLimits DEFAULT = new AmfLimits(64, 16 << 20, 1 << 20, 1 << 20);

    /**
     * Most values one conversion to plain Java may produce: the values of one command, one
     * script data message or one shared object file, counted as a tree (a value reached through
     * n references counts n times). 100,000 nodes of plain Java maps and lists take a few MB;
     * no answer, status or metadata a server or file legitimately sends comes near it.
     */
    public static final int MAX_CONVERTED_NODES = 100_000;

    /**
     * Most characters of strings, XML and property names, and bytes of byte arrays, that one
     * conversion to plain Java may meet, counted as {@link #MAX_CONVERTED_NODES} counts values:
     * 64 Mi. An AMF3 string reference (AMF3 spec 1.3.2) costs one byte and repeats a string of up
     * to {@link #maxStringBytes()}; the Java strings stay shared, but whatever prints the result
     * (as JSON, say) writes every copy.
     */
    public static final int MAX_CONVERTED_CHARS = 64 << 20;

    public AmfLimits {
        if (maxDepth < 1 || maxStringBytes < 0 || maxElementCount < 0 || maxReferences < 0) {
            throw new IllegalArgumentException("AMF limits must be positive: maxDepth=" + maxDepth
                    + " maxStringBytes=" + maxStringBytes + " maxElementCount=" + maxElementCount
                    + " maxReferences=" + maxReferences);
        }
    }
}
