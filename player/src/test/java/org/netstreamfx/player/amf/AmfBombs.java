package org.netstreamfx.player.amf;

import java.io.ByteArrayOutputStream;

/**
 * Test data for issue 11: about 1 KB of AMF whose references expand to 2^61 values. A strict
 * array of {@link #OBJECTS} anonymous objects; the first is empty, each other one has two
 * properties, "a" and "b", that both refer to the object before it.
 */
public final class AmfBombs {
    /** Objects in the array. */
    public static final int OBJECTS = 60;
    /**
     * Values in the tree expansion: object i expands to 2^(i+1) - 1 values, so the array to
     * 1 + (2^61 - 2) - 60.
     */
    public static final long TREE_SIZE = (1L << 61) - 61;
    /** The sentence a conversion of the bomb alone fails with. */
    public static final String OVER_LIMIT = overLimit(TREE_SIZE);

    /** The sentence a conversion of {@code count} values fails with. */
    public static String overLimit(long count) {
        return "AMF converted node count is " + count + ", over the limit of 100000 (AmfLimits.MAX_CONVERTED_NODES)"
                + ": its AMF references expand to more values than one message may convert to";
    }

    private AmfBombs() {
    }

    /**
     * The AMF0 bomb (under 1 KB), for a reader whose reference table already holds
     * {@code firstIndex} complex values: the array takes that index, object i the next ones.
     */
    public static byte[] amf0(int firstIndex) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(Amf0Reader.STRICT_ARRAY);
        b.writeBytes(new byte[] {0, 0, 0, OBJECTS});
        b.writeBytes(new byte[] {Amf0Reader.OBJECT, 0, 0, Amf0Reader.OBJECT_END});
        for (int i = 1; i < OBJECTS; i++) {
            int previous = firstIndex + i;
            b.write(Amf0Reader.OBJECT);
            for (char name : new char[] {'a', 'b'}) {
                b.writeBytes(new byte[] {0, 1, (byte) name, Amf0Reader.REFERENCE, (byte) (previous >> 8),
                        (byte) previous});
            }
            b.writeBytes(new byte[] {0, 0, Amf0Reader.OBJECT_END});
        }
        return b.toByteArray();
    }

    /**
     * The AMF3 bomb (under 1 KB), for a reader with empty reference tables: object references
     * (U29O-ref, AMF3 spec 3.12) to the previous object, and a traits reference for every object
     * after the first.
     */
    public static byte[] amf3() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(Amf3Reader.ARRAY);
        b.write(OBJECTS << 1 | 1);           // U29A-value: 60 dense items
        b.write(0x01);                       // no associative members
        // Object 0: inline, inline traits, dynamic, no sealed members, class name "", no members.
        b.writeBytes(new byte[] {Amf3Reader.OBJECT, 0x0B, 0x01, 0x01});
        for (int i = 1; i < OBJECTS; i++) {
            b.write(Amf3Reader.OBJECT);
            b.write(0x01);                   // inline object, traits reference 0
            for (char name : new char[] {'a', 'b'}) {
                // Member name inline (U29S-value), then object reference i: the array is object 0.
                b.writeBytes(new byte[] {0x03, (byte) name, Amf3Reader.OBJECT, (byte) (i << 1)});
            }
            b.write(0x01);                   // end of dynamic members
        }
        return b.toByteArray();
    }
}
