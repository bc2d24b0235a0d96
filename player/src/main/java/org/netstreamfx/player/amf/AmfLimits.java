package org.netstreamfx.player.amf;

/**
 * Limits applied while reading AMF data; every length, count and depth read from the wire is
 * checked against them before anything is allocated. Lengths and counts are also checked against
 * the bytes that remain, so a huge count with a tiny body fails at once.
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

    public AmfLimits {
        if (maxDepth < 1 || maxStringBytes < 0 || maxElementCount < 0 || maxReferences < 0) {
            throw new IllegalArgumentException("AMF limits must be positive: maxDepth=" + maxDepth
                    + " maxStringBytes=" + maxStringBytes + " maxElementCount=" + maxElementCount
                    + " maxReferences=" + maxReferences);
        }
    }
}
