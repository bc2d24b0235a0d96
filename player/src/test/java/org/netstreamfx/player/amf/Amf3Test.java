package org.netstreamfx.player.amf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netstreamfx.player.amf.Amf0Test.map;
import static org.netstreamfx.player.amf.Hex.bytes;
import static org.netstreamfx.player.amf.Hex.concat;
import static org.netstreamfx.player.amf.Hex.hex;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
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

class Amf3Test {

    static AmfValue read(byte[] data) throws WireFormatException {
        ByteBuffer buf = ByteBuffer.wrap(data);
        AmfValue v = new Amf3Reader(buf).read();
        assertFalse(buf.hasRemaining(), "value should use every byte");
        return v;
    }

    static WireFormatException fails(byte[] data) {
        return assertThrows(WireFormatException.class, () -> {
            Amf3Reader reader = new Amf3Reader(ByteBuffer.wrap(data));
            while (reader.hasRemaining()) {
                reader.read();
            }
        });
    }

    static AmfValue everything() {
        AmfObject point = new AmfObject("com.example.Point", map("x", new AmfInteger(1), "y", new AmfNumber(2.5)));
        return new AmfObject(map(
                "u", AmfUndefined.INSTANCE, "n", AmfNull.INSTANCE, "t", AmfBoolean.TRUE, "f", AmfBoolean.FALSE,
                "i", new AmfInteger(-268_435_456), "big", new AmfInteger(300), "d", new AmfNumber(Math.PI),
                "s", new AmfString("ünïcode"), "again", new AmfString("ünïcode"), "e", new AmfString(""),
                "xd", new AmfXmlDocument("<doc/>"), "x", new AmfXml("<x/>"), "date", new AmfDate(86_400_000),
                "list", new AmfStrictArray(List.of(new AmfInteger(1), new AmfString("two"), point)),
                "assoc", new AmfEcmaArray(map("k", new AmfString("v"))),
                "p1", point, "p2", new AmfObject("com.example.Point", map("x", new AmfInteger(3), "y", new AmfNumber(4))),
                "bytes", new AmfByteArray(new byte[] {0, (byte) 0xFF, 7}),
                "vi", new AmfVector(AmfVectorKind.INT, false, "", List.of(new AmfInteger(Integer.MIN_VALUE), new AmfInteger(1))),
                "vu", new AmfVector(AmfVectorKind.UINT, true, "", List.of(new AmfNumber(4_294_967_295.0))),
                "vd", new AmfVector(AmfVectorKind.DOUBLE, false, "", List.of(new AmfNumber(-1.5))),
                "vo", new AmfVector(AmfVectorKind.OBJECT, false, "com.example.Point", List.of(point, AmfNull.INSTANCE)),
                "dict", new AmfDictionary(true, List.of(
                        new AmfDictionary.Entry(new AmfInteger(1), new AmfString("one")),
                        new AmfDictionary.Entry(point, AmfBoolean.TRUE)))));
    }

    @Test
    void handWrittenBytes() {
        assertEquals("00", hex(Amf3Writer.encode(AmfUndefined.INSTANCE)));
        assertEquals("01", hex(Amf3Writer.encode(AmfNull.INSTANCE)));
        assertEquals("02", hex(Amf3Writer.encode(AmfBoolean.FALSE)));
        assertEquals("03", hex(Amf3Writer.encode(AmfBoolean.TRUE)));
        assertEquals("0400", hex(Amf3Writer.encode(new AmfInteger(0))));
        assertEquals("047f", hex(Amf3Writer.encode(new AmfInteger(127))));
        assertEquals("048100", hex(Amf3Writer.encode(new AmfInteger(128))));
        assertEquals("04ff7f", hex(Amf3Writer.encode(new AmfInteger(16383))));
        assertEquals("04818000", hex(Amf3Writer.encode(new AmfInteger(16384))));
        assertEquals("04bfffffff", hex(Amf3Writer.encode(new AmfInteger((1 << 28) - 1))));
        assertEquals("04ffffffff", hex(Amf3Writer.encode(new AmfInteger(-1))));
        assertEquals("04c0808000", hex(Amf3Writer.encode(new AmfInteger(-(1 << 28)))));
        assertEquals("0541b0000000000000", hex(Amf3Writer.encode(new AmfInteger(1 << 28))));
        assertEquals("053ff8000000000000", hex(Amf3Writer.encode(new AmfNumber(1.5))));
        assertEquals("06056869", hex(Amf3Writer.encode(new AmfString("hi"))));
        assertEquals("0601", hex(Amf3Writer.encode(new AmfString(""))));
        // The second "hi" is string reference 0.
        assertEquals("060568690600", hex(Amf3Writer.encode(new AmfString("hi"), new AmfString("hi"))));
        assertEquals("0801" + "4059000000000000", hex(Amf3Writer.encode(new AmfDate(100))));
        assertEquals("0705" + "3c3e", hex(Amf3Writer.encode(new AmfXmlDocument("<>"))));
        assertEquals("0b05" + "3c3e", hex(Amf3Writer.encode(new AmfXml("<>"))));
        assertEquals("0c050102", hex(Amf3Writer.encode(new AmfByteArray(new byte[] {1, 2}))));
        assertEquals("0905010401" + "0601", hex(Amf3Writer.encode(
                new AmfStrictArray(List.of(new AmfInteger(1), new AmfString(""))))));
        assertEquals("0901" + "036b" + "0402" + "01", hex(Amf3Writer.encode(new AmfEcmaArray(map("k", new AmfInteger(2))))));
        // Anonymous object {a: "a"}: dynamic traits, then "a" by reference.
        assertEquals("0a0b01036106" + "00" + "01", hex(Amf3Writer.encode(new AmfObject(map("a", new AmfString("a"))))));
        // Two typed objects: the second uses traits reference 0 (U29 0b01 = 0x01).
        assertEquals("0a13035403780401" + "0a010402", hex(Amf3Writer.encode(
                new AmfObject("T", map("x", new AmfInteger(1))), new AmfObject("T", map("x", new AmfInteger(2))))));
        assertEquals("0d0500ffffffff00000001", hex(Amf3Writer.encode(new AmfVector(AmfVectorKind.INT, false, "",
                List.of(new AmfInteger(-1), new AmfInteger(1))))));
        assertEquals("0e0301fffffffe", hex(Amf3Writer.encode(new AmfVector(AmfVectorKind.UINT, true, "",
                List.of(new AmfNumber(4_294_967_294.0))))));
        assertEquals("0f03003ff0000000000000", hex(Amf3Writer.encode(new AmfVector(AmfVectorKind.DOUBLE, false, "",
                List.of(new AmfNumber(1))))));
        assertEquals("100300032a01", hex(Amf3Writer.encode(new AmfVector(AmfVectorKind.OBJECT, false, "*",
                List.of(AmfNull.INSTANCE)))));
        assertEquals("110301" + "0401" + "03", hex(Amf3Writer.encode(new AmfDictionary(true,
                List.of(new AmfDictionary.Entry(new AmfInteger(1), AmfBoolean.TRUE))))));
    }

    @Test
    void roundTripsEveryType() throws Exception {
        AmfValue[] values = {
            AmfUndefined.INSTANCE, AmfNull.INSTANCE, AmfBoolean.TRUE, AmfBoolean.FALSE,
            new AmfInteger(0), new AmfInteger(-1), new AmfInteger(255), new AmfInteger(1 << 20),
            new AmfInteger((1 << 28) - 1), new AmfInteger(-(1 << 28)), new AmfNumber(Double.NaN),
            new AmfNumber(-0.0), new AmfString(""), new AmfString("x".repeat(20_000)), new AmfXml(""),
            new AmfXmlDocument("<a/>"), new AmfDate(-5), new AmfByteArray(new byte[300]),
            new AmfStrictArray(List.of()), new AmfObject(map()), new AmfObject("Empty", map()),
            new AmfVector(AmfVectorKind.OBJECT, true, "", List.of()), new AmfDictionary(false, List.of()),
            everything(),
        };
        for (AmfValue v : values) {
            assertEquals(v, read(Amf3Writer.encode(v)), () -> "round trip of " + v);
        }
        Amf3Reader reader = new Amf3Reader(ByteBuffer.wrap(Amf3Writer.encode(values)));
        for (AmfValue v : values) {
            assertEquals(v, reader.read());
        }
        assertFalse(reader.hasRemaining());
    }

    @Test
    void readsMixedArraysAsEcmaArrays() throws Exception {
        // dense [true], associative {k: null}
        AmfValue v = read(bytes("0903 036b 01 01 03"));
        assertEquals(new AmfEcmaArray(map("k", AmfNull.INSTANCE, "0", AmfBoolean.TRUE)), v);
    }

    @Test
    void readsObjectReferences() throws Exception {
        // [ byteArray(1), @1 ]: the array is object 0, the byte array object 1.
        AmfStrictArray a = (AmfStrictArray) read(bytes("0905 01 0c0301 0c02"));
        assertSame(a.items().get(0), a.items().get(1));
        assertEquals(new AmfByteArray(new byte[] {1}), a.items().get(0));
    }

    @Test
    void referenceIndexesOutOfRangeFail() {
        assertEquals("AMF3 string reference index", fails(bytes("06 02")).field());
        assertEquals("AMF3 string reference index", fails(bytes("06 0561 62 06 02")).field());
        assertEquals("AMF3 object reference index", fails(bytes("0a 00")).field());
        assertEquals("AMF3 object reference index", fails(bytes("0c 04")).field());
        assertEquals("AMF3 object reference index", fails(bytes("09 ffffff7e")).field());
        assertEquals("AMF3 traits reference index", fails(bytes("0a 05")).field());
        WireFormatException cyclic = fails(bytes("0903 01 0900"));
        assertTrue(cyclic.getMessage().contains("cyclic"), cyclic.getMessage());
    }

    @Test
    void traitCountLargerThanTheDataFails() {
        // U29 traits header: sealed count 0x01000000, inline, not dynamic.
        WireFormatException e = fails(bytes("0a 8880 8003 01"));
        assertEquals("AMF3 traits sealed member count", e.field());
        assertEquals("AMF3 traits sealed member count", fails(bytes("0a 53 01 0361 0362")).field());
    }

    @Test
    void hugeCountsFailWithoutAllocating() {
        byte[] tenBytes = new byte[10];
        assertEquals("AMF3 array dense count", fails(concat(bytes("09 ffffffff"), tenBytes)).field());
        assertEquals("AMF3 vector count", fails(concat(bytes("0d ffffffff"), tenBytes)).field());
        assertEquals("AMF3 vector count", fails(concat(bytes("0f 15 00"), tenBytes)).field());
        assertEquals("AMF3 dictionary count", fails(concat(bytes("11 ffffffff"), tenBytes)).field());
        assertEquals("AMF3 byte array length", fails(concat(bytes("0c ffffffff"), tenBytes)).field());
    }

    @Test
    void stringLengthsPastTheBufferFail() {
        WireFormatException e = fails(bytes("06 21 61"));
        assertEquals("AMF3 string length", e.field());
        assertEquals("AMF3 string length needs 16 bytes but only 1 remain", e.getMessage());
        assertEquals("AMF3 XML length", fails(bytes("0b 07 61")).field());
        assertEquals("AMF3 integer", fails(bytes("04 ff ff")).field());
    }

    @Test
    void unknownMarkersFail() {
        for (String m : List.of("12", "7f", "ff")) {
            assertEquals("AMF3 type marker", fails(bytes(m)).field());
        }
    }

    @Test
    void externalizableObjects() throws Exception {
        byte[] name = "flex.messaging.io.ArrayCollection".getBytes(StandardCharsets.US_ASCII);
        byte[] collection = concat(bytes("0a 07"), new byte[] {(byte) (name.length * 2 + 1)}, name,
                bytes("0905 01 0401 0402"));
        assertEquals(new AmfStrictArray(List.of(new AmfInteger(1), new AmfInteger(2))), read(collection));
        WireFormatException e = fails(bytes("0a 07 07 414243 00"));
        assertEquals("AMF3 externalizable class", e.field());
        assertTrue(e.getMessage().contains("ABC"), e.getMessage());
    }

    @Test
    void deepNestingFailsQuickly() {
        byte[] arrays = concat(Hex.repeat("0903 01", 100_000), bytes("01"));
        WireFormatException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> fails(arrays));
        assertEquals("AMF nesting depth", e.field());
        assertEquals("AMF nesting depth", fails(Hex.repeat("0a0b01 0361", 100_000)).field());
        assertEquals("AMF nesting depth", fails(Hex.repeat("1003 00 032a", 100_000)).field());
        assertEquals("AMF nesting depth", fails(Hex.repeat("1103 00", 100_000)).field());
    }

    @Test
    void everyTruncationFailsWithWireFormatException() {
        byte[] full = Amf3Writer.encode(everything());
        for (int cut = 0; cut < full.length; cut++) {
            byte[] part = Arrays.copyOf(full, cut);
            int at = cut;
            assertThrows(WireFormatException.class, () -> new Amf3Reader(ByteBuffer.wrap(part)).read(),
                    () -> "cut at " + at);
        }
    }

    @Test
    void corruptedInputOnlyEverThrowsWireFormatException() {
        byte[] full = Amf3Writer.encode(everything());
        Random random = new Random(99);
        for (int round = 0; round < 5000; round++) {
            byte[] data = full.clone();
            for (int k = 0; k < 1 + random.nextInt(4); k++) {
                data[random.nextInt(data.length)] = (byte) random.nextInt(256);
            }
            try {
                new Amf3Reader(ByteBuffer.wrap(data)).read();
            } catch (WireFormatException expected) {
                // fine
            }
        }
    }

    @Test
    void writerRejectsWhatAmf3CannotHold() {
        assertThrows(IllegalArgumentException.class,
                () -> Amf3Writer.encode(new AmfObject(map("", AmfNull.INSTANCE))));
        assertThrows(IllegalArgumentException.class, () -> Amf3Writer.encode(
                new AmfVector(AmfVectorKind.INT, false, "", List.of(new AmfString("x")))));
        assertThrows(IllegalArgumentException.class, () -> Amf3Writer.encode(
                new AmfVector(AmfVectorKind.UINT, false, "", List.of(new AmfNumber(-1)))));
    }
}
