package org.netstreamfx.player.amf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netstreamfx.player.amf.Hex.bytes;
import static org.netstreamfx.player.amf.Hex.concat;
import static org.netstreamfx.player.amf.Hex.hex;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.netstreamfx.player.amf.AmfValue.AmfBoolean;
import org.netstreamfx.player.amf.AmfValue.AmfByteArray;
import org.netstreamfx.player.amf.AmfValue.AmfDate;
import org.netstreamfx.player.amf.AmfValue.AmfDictionary;
import org.netstreamfx.player.amf.AmfValue.AmfEcmaArray;
import org.netstreamfx.player.amf.AmfValue.AmfInteger;
import org.netstreamfx.player.amf.AmfValue.AmfNull;
import org.netstreamfx.player.amf.AmfValue.AmfNumber;
import org.netstreamfx.player.amf.AmfValue.AmfObject;
import org.netstreamfx.player.amf.AmfValue.AmfStrictArray;
import org.netstreamfx.player.amf.AmfValue.AmfString;
import org.netstreamfx.player.amf.AmfValue.AmfUndefined;
import org.netstreamfx.player.amf.AmfValue.AmfVector;
import org.netstreamfx.player.amf.AmfValue.AmfXml;
import org.netstreamfx.player.amf.AmfValue.AmfXmlDocument;
import org.netstreamfx.player.wire.WireFormatException;

class Amf0Test {

    static Map<String, AmfValue> map(Object... kv) {
        Map<String, AmfValue> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (AmfValue) kv[i + 1]);
        }
        return m;
    }

    static AmfValue read(byte[] data) throws WireFormatException {
        ByteBuffer buf = ByteBuffer.wrap(data);
        AmfValue v = new Amf0Reader(buf).read();
        assertFalse(buf.hasRemaining(), "value should use every byte");
        return v;
    }

    static WireFormatException fails(byte[] data) {
        return assertThrows(WireFormatException.class, () -> Amf0Reader.readAll(data));
    }

    /** A value that uses every AMF0 type, with AMF3-only values behind the avmplus switch. */
    static AmfValue everything() {
        return new AmfEcmaArray(map(
                "n", new AmfNumber(-2.5),
                "i", new AmfNumber(7),
                "t", AmfBoolean.TRUE,
                "f", AmfBoolean.FALSE,
                "s", new AmfString("héllo"),
                "empty", new AmfString(""),
                "null", AmfNull.INSTANCE,
                "undef", AmfUndefined.INSTANCE,
                "obj", new AmfObject(map("a", new AmfNumber(1), "b", new AmfStrictArray(List.of()))),
                "typed", new AmfObject("com.example.Point", map("x", new AmfNumber(1), "y", new AmfNumber(2))),
                "list", new AmfStrictArray(List.of(new AmfString("x"), AmfNull.INSTANCE, new AmfNumber(3))),
                "date", new AmfDate(1_700_000_000_123.0, 0),
                "xmldoc", new AmfXmlDocument("<a b=\"c\"/>"),
                "xml", new AmfXml("<e4x/>"),
                "bytes", new AmfByteArray(new byte[] {1, 2, 3}),
                "vec", new AmfVector(AmfVectorKind.INT, true, "", List.of(new AmfInteger(-1), new AmfInteger(5))),
                "dict", new AmfDictionary(false, List.of(new AmfDictionary.Entry(new AmfString("k"), new AmfNumber(1)))),
                "nested", new AmfEcmaArray(map("deep", new AmfObject(map("deeper", new AmfString("yes")))))));
    }

    @Test
    void handWrittenBytes() {
        assertEquals("003ff0000000000000", hex(Amf0Writer.encode(new AmfNumber(1))));
        assertEquals("0101", hex(Amf0Writer.encode(AmfBoolean.TRUE)));
        assertEquals("0100", hex(Amf0Writer.encode(AmfBoolean.FALSE)));
        assertEquals("0200026869", hex(Amf0Writer.encode(new AmfString("hi"))));
        assertEquals("05", hex(Amf0Writer.encode(AmfNull.INSTANCE)));
        assertEquals("06", hex(Amf0Writer.encode(AmfUndefined.INSTANCE)));
        assertEquals("03000161003ff0000000000000000009",
                hex(Amf0Writer.encode(new AmfObject(map("a", new AmfNumber(1))))));
        assertEquals("1000015400016105000009",
                hex(Amf0Writer.encode(new AmfObject("T", map("a", AmfNull.INSTANCE)))));
        assertEquals("08000000010001610100000009",
                hex(Amf0Writer.encode(new AmfEcmaArray(map("a", AmfBoolean.FALSE)))));
        assertEquals("0a000000020506", hex(Amf0Writer.encode(
                new AmfStrictArray(List.of(AmfNull.INSTANCE, AmfUndefined.INSTANCE)))));
        assertEquals("0b3ff0000000000000fffe", hex(Amf0Writer.encode(new AmfDate(1, -2))));
        assertEquals("0f000000023c3e", hex(Amf0Writer.encode(new AmfXmlDocument("<>"))));
        assertEquals("110b01", hex(Amf0Writer.encode(new AmfXml(""))));
        assertEquals("110c0301", hex(Amf0Writer.encode(new AmfByteArray(new byte[] {1}))));
        // An AMF0 command message: _result, transaction 1, null, object.
        assertEquals("0200075f726573756c74003ff000000000000005"
                + "030004636f6465020003616263000009",
                hex(Amf0Writer.encode(new AmfString("_result"), new AmfNumber(1), AmfNull.INSTANCE,
                        new AmfObject(map("code", new AmfString("abc"))))));
    }

    @Test
    void longStringAboveSixtyFourKiB() throws Exception {
        String s = "x".repeat(70_000);
        byte[] data = Amf0Writer.encode(new AmfString(s));
        assertEquals(0x0C, data[0]);
        assertEquals("0c00011170", hex(Arrays.copyOf(data, 5)));
        assertEquals(new AmfString(s), read(data));
        assertEquals(new AmfString("ab"), read(bytes("0c000000026162")));
    }

    @Test
    void roundTripsEveryType() throws Exception {
        AmfValue[] values = {
            new AmfNumber(0), new AmfNumber(Double.NaN), new AmfNumber(Double.NEGATIVE_INFINITY),
            new AmfNumber(-0.0), new AmfNumber(Double.MAX_VALUE), AmfBoolean.TRUE, AmfBoolean.FALSE,
            new AmfString(""), new AmfString("日本語 🎥"), AmfNull.INSTANCE, AmfUndefined.INSTANCE,
            new AmfObject(map()), new AmfObject("a.B", map()), new AmfEcmaArray(map()),
            new AmfStrictArray(List.of()), new AmfDate(-1e12, 60), new AmfXmlDocument(""),
            new AmfXml("<x/>"), new AmfByteArray(new byte[0]),
            new AmfVector(AmfVectorKind.OBJECT, false, "*", List.of(new AmfString("a"), AmfNull.INSTANCE)),
            new AmfDictionary(true, List.of()), everything(),
        };
        for (AmfValue v : values) {
            assertEquals(v, read(Amf0Writer.encode(v)), () -> "round trip of " + v);
        }
        byte[] all = Amf0Writer.encode(values);
        assertEquals(List.of(values), Amf0Reader.readAll(all));
    }

    @Test
    void integerIsWrittenAsNumber() throws Exception {
        assertEquals(new AmfNumber(42), read(Amf0Writer.encode(new AmfInteger(42))));
    }

    @Test
    void readsReferences() throws Exception {
        // [ {a:null}, @1 ]: the array is reference 0, the object reference 1.
        AmfValue v = read(bytes("0a00000002 03 0001 61 05 000009 07 0001"));
        AmfStrictArray array = (AmfStrictArray) v;
        assertSame(array.items().get(0), array.items().get(1));
        assertEquals("AMF0 reference index", fails(bytes("0a00000002 03 000009 07 0002")).field());
        WireFormatException cyclic = fails(bytes("0a00000001 07 0000"));
        assertEquals("AMF0 reference index", cyclic.field());
        assertTrue(cyclic.getMessage().contains("cyclic"), cyclic.getMessage());
        assertEquals("AMF0 reference index", fails(bytes("07 00")).field());
    }

    @Test
    void avmplusSwitchReadsAmf3() throws Exception {
        assertEquals(new AmfInteger(5), read(bytes("11 04 05")));
        assertEquals(List.of(new AmfString("ab"), new AmfString("ab")),
                Amf0Reader.readAll(bytes("11 06 05 6162 11 06 05 6162")));
        // Each switch starts fresh AMF3 tables: a string reference into an earlier switch fails.
        assertEquals("AMF3 string reference index", fails(bytes("11 06 05 6162 11 06 00")).field());
    }

    @Test
    void unsupportedMarkerReadsAsUndefined() throws Exception {
        assertEquals(AmfUndefined.INSTANCE, read(bytes("0d")));
    }

    @Test
    void unknownAndReservedMarkersFail() {
        for (String marker : List.of("04", "0e", "09", "12", "ff")) {
            WireFormatException e = fails(bytes(marker));
            assertEquals("AMF0 type marker", e.field());
            assertTrue(e.getMessage().contains("AMF0 type marker is " + Integer.parseInt(marker, 16)),
                    e.getMessage());
        }
    }

    @Test
    void missingObjectEndFails() {
        assertEquals("AMF0 property name length", fails(bytes("03 0001 61 05")).field());
        assertEquals("AMF0 object-end-marker", fails(bytes("03 0000")).field());
    }

    @Test
    void emptyNameWithValueIsAProperty() throws Exception {
        assertEquals(new AmfObject(map("", AmfNull.INSTANCE)), read(bytes("03 0000 05 000009")));
    }

    @Test
    void stringLengthPastTheBufferFails() {
        WireFormatException e = fails(bytes("02 0010 61"));
        assertEquals("AMF0 string length", e.field());
        assertEquals("AMF0 string length needs 16 bytes but only 1 remain", e.getMessage());
        assertEquals("AMF0 long string length", fails(bytes("0c ffffffff 6161")).field());
        assertEquals("AMF0 XML document length", fails(bytes("0f 00000005 61")).field());
    }

    @Test
    void stringLengthOverTheLimitFails() {
        AmfLimits small = new AmfLimits(64, 4, 100, 100);
        WireFormatException e = assertThrows(WireFormatException.class,
                () -> new Amf0Reader(ByteBuffer.wrap(bytes("02 0005 6161616161")), small).read());
        assertEquals("AMF0 string length is 5, over the limit of 4", e.getMessage());
    }

    @Test
    void hugeStrictArrayCountFailsWithoutAllocating() {
        byte[] data = concat(bytes("0a ffffffff"), new byte[10]);
        WireFormatException e = fails(data);
        assertEquals("AMF0 strict array count", e.field());
        assertTrue(e.getMessage().contains("4294967295"), e.getMessage());
        // Within the element limit but more than the bytes that remain.
        assertEquals("AMF0 strict array count", fails(concat(bytes("0a 00000100"), new byte[10])).field());
    }

    @Test
    void hugeEcmaArrayCountFails() throws Exception {
        assertEquals("AMF0 ECMA array count", fails(concat(bytes("08 ffffffff"), new byte[10])).field());
        // A wrong but small count is only a hint.
        assertEquals(1, Amf0Reader.readAll(bytes("08 00000000 0001 61 05 000009")).size());
    }

    @Test
    void deepNestingFailsQuickly() throws Exception {
        byte[] data = concat(Hex.repeat("0a00000001", 100_000), bytes("05"));
        WireFormatException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> fails(data));
        assertEquals("AMF nesting depth", e.field());
        assertEquals("AMF nesting depth is 65, over the limit of 64", e.getMessage());
        byte[] objects = Hex.repeat("03 0001 61", 100_000);
        assertEquals("AMF nesting depth", fails(objects).field());
        // AMF3 inside AMF0 shares the depth count.
        byte[] mixed = concat(Hex.repeat("03 0001 61", 40), bytes("11"), Hex.repeat("09 03 01", 40), bytes("01"));
        assertEquals("AMF nesting depth", fails(mixed).field());
        byte[] ok = concat(Hex.repeat("0a00000001", 64), bytes("05"));
        assertEquals(1, Amf0Reader.readAll(ok).size());
    }

    @Test
    void everyTruncationFailsWithWireFormatException() {
        byte[] full = Amf0Writer.encode(everything());
        for (int cut = 0; cut < full.length; cut++) {
            byte[] part = Arrays.copyOf(full, cut);
            int at = cut;
            assertThrows(WireFormatException.class, () -> new Amf0Reader(ByteBuffer.wrap(part)).read(),
                    () -> "cut at " + at);
        }
    }

    @Test
    void corruptedInputOnlyEverThrowsWireFormatException() {
        byte[] full = Amf0Writer.encode(everything());
        Random random = new Random(1234);
        for (int round = 0; round < 5000; round++) {
            byte[] data = full.clone();
            for (int k = 0; k < 1 + random.nextInt(4); k++) {
                data[random.nextInt(data.length)] = (byte) random.nextInt(256);
            }
            try {
                Amf0Reader.readAll(data);
            } catch (WireFormatException expected) {
                // fine: malformed input is reported as such
            }
        }
    }

    @Test
    void writerRejectsWhatAmf0CannotHold() {
        assertThrows(IllegalArgumentException.class,
                () -> Amf0Writer.encode(new AmfObject(map("k".repeat(70_000), AmfNull.INSTANCE))));
        AmfValue deep = AmfNull.INSTANCE;
        for (int i = 0; i < 65; i++) {
            deep = new AmfStrictArray(List.of(deep));
        }
        AmfValue tooDeep = deep;
        assertThrows(IllegalArgumentException.class, () -> Amf0Writer.encode(tooDeep));
    }
}
