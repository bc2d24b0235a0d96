package org.netstreamfx.player.amf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.amf.AmfValue.AmfObject;
import org.netstreamfx.player.amf.AmfValue.AmfStrictArray;
import org.netstreamfx.player.flv.ScriptDataParser;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * Issue 11, "1 KB of AMF0 brings the JVM down": 60 objects, each referring twice to the one
 * before, expand to 2^61 values. Decoding keeps the references shared (a graph as small as the
 * input); converting to Java fails within a second with a WireFormatException that names
 * AmfLimits.MAX_CONVERTED_NODES and the count, allocating a few MB at most; equals, hashCode and
 * toString stay bounded.
 */
class AmfReferenceBombTest {
    private static final long SECOND_NS = 1_000_000_000L;
    private static final long FEW_MB = 4L << 20;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** What one action cost this thread: nanoseconds and bytes allocated. */
    private record Cost(long nanos, long bytes) {
        static Cost of(Runnable action) {
            long id = Thread.currentThread().getId();
            long bytes0 = THREADS.getThreadAllocatedBytes(id);
            long t0 = System.nanoTime();
            action.run();
            return new Cost(System.nanoTime() - t0, THREADS.getThreadAllocatedBytes(id) - bytes0);
        }

        void assertWithin(long maxNanos, long maxBytes, String what) {
            assertTrue(nanos < maxNanos, what + " took " + nanos / 1_000_000 + " ms");
            assertTrue(bytes < maxBytes, what + " allocated " + bytes + " bytes");
        }
    }

    private static AmfStrictArray decodeAmf0() throws WireFormatException {
        return (AmfStrictArray) new Amf0Reader(ByteBuffer.wrap(AmfBombs.amf0(0))).read();
    }

    private static AmfStrictArray decodeAmf3() throws WireFormatException {
        return (AmfStrictArray) new Amf3Reader(ByteBuffer.wrap(AmfBombs.amf3())).read();
    }

    @Test
    void theBombsAreUnderOneKilobyte() {
        assertEquals(953, AmfBombs.amf0(0).length);
        assertEquals(656, AmfBombs.amf3().length);
    }

    @Test
    void amf0DecodingIsFastSmallAndKeepsReferencesShared() throws Exception {
        AmfStrictArray[] bomb = new AmfStrictArray[1];
        Cost.of(() -> bomb[0] = unchecked(AmfReferenceBombTest::decodeAmf0)).assertWithin(SECOND_NS, 1L << 20, "decoding");
        assertSharedChain(bomb[0]);
    }

    @Test
    void amf3DecodingIsFastSmallAndKeepsReferencesShared() throws Exception {
        AmfStrictArray[] bomb = new AmfStrictArray[1];
        Cost.of(() -> bomb[0] = unchecked(AmfReferenceBombTest::decodeAmf3)).assertWithin(SECOND_NS, 1L << 20, "decoding");
        assertSharedChain(bomb[0]);
    }

    private static void assertSharedChain(AmfStrictArray bomb) {
        List<AmfValue> objects = bomb.items();
        assertEquals(AmfBombs.OBJECTS, objects.size());
        assertEquals(new AmfObject(java.util.Map.of()), objects.get(0));
        for (int i = 1; i < objects.size(); i++) {
            AmfObject o = (AmfObject) objects.get(i);
            assertEquals(List.of("a", "b"), List.copyOf(o.properties().keySet()));
            assertSame(objects.get(i - 1), o.properties().get("a"), "object " + i + " a");
            assertSame(objects.get(i - 1), o.properties().get("b"), "object " + i + " b");
        }
    }

    @Test
    void treeSizeCountsEveryPathWithoutWalkingThem() throws Exception {
        assertEquals(AmfBombs.TREE_SIZE, AmfGraph.treeSize(decodeAmf0()));
        assertEquals(AmfBombs.TREE_SIZE, AmfGraph.treeSize(decodeAmf3()));
        AmfStrictArray bomb = decodeAmf0();
        assertEquals(Long.MAX_VALUE, AmfGraph.treeSize(new AmfStrictArray(List.of(bomb, bomb, bomb, bomb, bomb))),
                "saturates instead of overflowing");
    }

    @Test
    void amf0ConversionFailsNamingTheLimitWithinASecondAndAFewMegabytes() throws Exception {
        assertConversionFails(decodeAmf0());
    }

    @Test
    void amf3ConversionFailsNamingTheLimitWithinASecondAndAFewMegabytes() throws Exception {
        assertConversionFails(decodeAmf3());
    }

    private static void assertConversionFails(AmfValue bomb) {
        WireFormatException[] thrown = new WireFormatException[1];
        Cost.of(() -> thrown[0] = assertThrows(WireFormatException.class, () -> AmfValues.toJava(bomb)))
                .assertWithin(SECOND_NS, FEW_MB, "converting");
        assertEquals("AMF converted node count", thrown[0].field());
        assertEquals(AmfBombs.OVER_LIMIT, thrown[0].getMessage());
    }

    @Test
    void conversionWithinTheLimitIsATreeOfEqualCopies() throws Exception {
        // Objects 0..15 of the bomb: object 15 expands to 2^16 - 1 = 65,535 values, under 100,000.
        AmfValue object15 = decodeAmf0().items().get(15);
        Object java = AmfValues.toJava(object15);
        Object a = ((java.util.Map<?, ?>) java).get("a");
        Object b = ((java.util.Map<?, ?>) java).get("b");
        assertEquals(a, b);
        assertTrue(a != b, "copies, not shared Java maps: the result is a tree");
        // Object 16 expands to 131,071 values: one over the limit is enough.
        AmfValue object16 = decodeAmf0().items().get(16);
        WireFormatException e = assertThrows(WireFormatException.class, () -> AmfValues.toJava(object16));
        assertTrue(e.getMessage().startsWith("AMF converted node count is 131071, over the limit of 100000"),
                e.getMessage());
    }

    @Test
    void valuesOfOneMessageCountTogether() throws Exception {
        AmfValue object15 = decodeAmf0().items().get(15);
        AmfGraph.checkConvertible(List.of(object15));
        WireFormatException e = assertThrows(WireFormatException.class,
                () -> AmfGraph.checkConvertible(List.of(object15, object15)));
        assertTrue(e.getMessage().startsWith("AMF converted node count is 131070, over the limit of 100000"),
                e.getMessage());
    }

    /**
     * AMF3 string references (spec 1.3.2): a 1 MiB string, then 99 references to it, two bytes
     * each. The Java strings stay shared, but 100 MiB of text is over the limit a conversion may
     * meet; toString of the decoded array stays short.
     */
    @Test
    void amf3StringReferencesRepeatingOneMebibyteAHundredTimesFailNamingTheTextLimit() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(Amf3Reader.ARRAY);
        u29(b, 100 << 1 | 1);
        b.write(0x01);
        b.write(Amf3Reader.STRING);
        u29(b, 1 << 21 | 1);                // U29S-value: 1 MiB inline
        b.writeBytes("x".repeat(1 << 20).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        for (int i = 1; i < 100; i++) {
            b.writeBytes(new byte[] {Amf3Reader.STRING, 0x00});   // U29S-ref: string 0
        }
        AmfValue strings = new Amf3Reader(ByteBuffer.wrap(b.toByteArray())).read();

        WireFormatException e = assertThrows(WireFormatException.class, () -> AmfValues.toJava(strings));
        assertEquals("AMF converted text length", e.field());
        assertEquals("AMF converted text length is 104857600, over the limit of 67108864"
                + " (AmfLimits.MAX_CONVERTED_CHARS): its AMF references repeat more text than one message may"
                + " convert to", e.getMessage());
        String text = strings.toString();
        assertTrue(text.length() < 100_100, text.length() + " characters");
        assertTrue(text.endsWith("x…], …]]"), text.substring(text.length() - 20));
    }

    private static void u29(ByteArrayOutputStream b, int value) {
        if (value < 0x80) {
            b.write(value);
        } else if (value < 0x4000) {
            b.write(value >> 7 | 0x80);
            b.write(value & 0x7F);
        } else if (value < 0x200000) {
            b.write(value >> 14 | 0x80);
            b.write(value >> 7 & 0x7F | 0x80);
            b.write(value & 0x7F);
        } else {
            b.write(value >> 22 | 0x80);
            b.write(value >> 15 & 0x7F | 0x80);
            b.write(value >> 8 & 0x7F | 0x80);
            b.write(value & 0xFF);
        }
    }

    /**
     * A chain of references read at depth 1 each: object i's only property refers to object
     * i - 1, so the path to object 0 from object 99 is 100 deep. The conversion refuses it at the
     * nesting limit instead of recursing that deep.
     */
    @Test
    void aChainOfReferencesIsHeldToTheNestingDepth() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {Amf0Reader.STRICT_ARRAY, 0, 0, 0, 100, Amf0Reader.OBJECT, 0, 0, Amf0Reader.OBJECT_END});
        for (int i = 1; i < 100; i++) {
            b.writeBytes(new byte[] {Amf0Reader.OBJECT, 0, 1, 'p', Amf0Reader.REFERENCE, 0, (byte) i,
                    0, 0, Amf0Reader.OBJECT_END});
        }
        AmfValue chain = new Amf0Reader(ByteBuffer.wrap(b.toByteArray())).read();

        WireFormatException e = assertThrows(WireFormatException.class, () -> AmfValues.toJava(chain));
        assertEquals("AMF nesting depth is 65, over the limit of 64", e.getMessage());
    }

    @Test
    void scriptDataWithTheBombFailsToParseNamingTheLimit() {
        byte[] body = Hex.concat(Amf0Writer.encode(new AmfValue.AmfString("onMetaData")), AmfBombs.amf0(0));
        WireFormatException e = assertThrows(WireFormatException.class, () -> new ScriptDataParser().parse(body));
        assertEquals(AmfBombs.OVER_LIMIT, e.getMessage());
    }

    @Test
    void toStringHashCodeAndEqualsOfTheBombAreBounded() throws Exception {
        for (AmfStrictArray bomb : List.of(decodeAmf0(), decodeAmf3())) {
            AmfStrictArray twin = decodeAmf0();
            String[] text = new String[1];
            Cost.of(() -> {
                text[0] = bomb.toString();
                assertEquals(bomb.hashCode(), twin.hashCode());
                assertEquals(bomb, twin);
                assertEquals(twin, bomb);
                assertNotEquals(bomb, decodeVariant());
            }).assertWithin(SECOND_NS, FEW_MB, "toString, hashCode and equals");
            assertTrue(text[0].length() < 100_000, text[0].length() + " characters");
            assertTrue(text[0].startsWith("AmfStrictArray[items=[AmfObject[className=, properties={}], "
                    + "AmfObject[className=, properties={a=AmfObject[className=, properties={}], "
                    + "b=AmfObject[className=, properties={}]}], "), text[0]);
            assertTrue(text[0].endsWith(", …]]"), text[0].substring(text[0].length() - 80));
        }
    }

    /** The bomb with one value changed deep down: object 0 holds a number. */
    private static AmfValue decodeVariant() {
        byte[] bytes = AmfBombs.amf0(0);
        byte[] variant = Hex.concat(java.util.Arrays.copyOf(bytes, 5),
                Hex.bytes("03 0001 7A 00 3FF0000000000000 0000 09"), java.util.Arrays.copyOfRange(bytes, 9, bytes.length));
        return unchecked(() -> new Amf0Reader(ByteBuffer.wrap(variant)).read());
    }

    @Test
    void smallValuesKeepTheirRecordText() {
        AmfObject o = new AmfObject("T", java.util.Map.of("n", new AmfValue.AmfNumber(1)));
        assertEquals("AmfObject[className=T, properties={n=AmfNumber[value=1.0]}]", o.toString());
        AmfValue v = new AmfValue.AmfVector(AmfVectorKind.INT, true, "", List.of(new AmfValue.AmfInteger(2)));
        assertEquals("AmfVector[kind=INT, fixed=true, typeName=, items=[AmfInteger[value=2]]]", v.toString());
        AmfValue d = new AmfValue.AmfDictionary(false, List.of(new AmfValue.AmfDictionary.Entry(
                new AmfValue.AmfString("k"), AmfValue.AmfNull.INSTANCE)));
        assertEquals("AmfDictionary[weakKeys=false, entries=[Entry[key=AmfString[value=k], value=AmfNull[]]]]",
                d.toString());
    }

    private interface Read<T> {
        T read() throws WireFormatException;
    }

    private static <T> T unchecked(Read<T> read) {
        try {
            return read.read();
        } catch (WireFormatException e) {
            throw new AssertionError(e);
        }
    }
}
