package org.netstreamfx.player.amf;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
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

/**
 * Reads AMF3 values (Adobe "Action Message Format -- AMF 3", section 3) from a
 * {@link ByteBuffer}, advancing its position.
 *
 * <p>One reader is one AMF3 context with its string, object and traits reference tables (spec
 * 2.2); every reference index is checked against its table. Externalizable objects (spec 3.12)
 * have a format private to their class, so they fail with a {@link WireFormatException}, except
 * {@code flex.messaging.io.ArrayCollection} and {@code flex.messaging.io.ObjectProxy}, which
 * wrap exactly one AMF3 value; that wrapped value is returned in their place. A reference to an
 * object that is still being read (a cycle) is rejected, because values are immutable.
 */
public final class Amf3Reader {
    static final int UNDEFINED = 0x00;
    static final int NULL = 0x01;
    static final int FALSE = 0x02;
    static final int TRUE = 0x03;
    static final int INTEGER = 0x04;
    static final int DOUBLE = 0x05;
    static final int STRING = 0x06;
    static final int XML_DOC = 0x07;
    static final int DATE = 0x08;
    static final int ARRAY = 0x09;
    static final int OBJECT = 0x0A;
    static final int XML = 0x0B;
    static final int BYTE_ARRAY = 0x0C;
    static final int DICTIONARY = 0x11;

    /** Externalizable classes whose body is exactly one AMF3 value. */
    static final Set<String> WRAPPER_CLASSES = Set.of(
            "flex.messaging.io.ArrayCollection", "flex.messaging.io.ObjectProxy");

    private record Traits(String className, List<String> sealed, boolean dynamic, boolean externalizable) { }

    private final AmfInput in;
    private final List<String> strings = new ArrayList<>();
    /** Object reference table; a null entry is an object whose members are still being read. */
    private final List<AmfValue> objects = new ArrayList<>();
    private final List<Traits> traits = new ArrayList<>();
    private int depth;

    public Amf3Reader(ByteBuffer buffer) {
        this(buffer, AmfLimits.DEFAULT);
    }

    public Amf3Reader(ByteBuffer buffer, AmfLimits limits) {
        this(new AmfInput(buffer, limits), 0);
    }

    /** An AMF3 context nested in AMF0 after an avmplus-object-marker, at the given depth. */
    Amf3Reader(AmfInput in, int depth) {
        this.in = in;
        this.depth = depth;
    }

    /** True while bytes remain in the buffer. */
    public boolean hasRemaining() {
        return in.remaining() > 0;
    }

    /** Reads one value. */
    public AmfValue read() throws WireFormatException {
        int marker = in.u8("AMF3 type marker");
        return switch (marker) {
            case UNDEFINED -> AmfUndefined.INSTANCE;
            case NULL -> AmfNull.INSTANCE;
            case FALSE -> AmfBoolean.FALSE;
            case TRUE -> AmfBoolean.TRUE;
            case INTEGER -> new AmfInteger((readU29("AMF3 integer") << 3) >> 3);
            case DOUBLE -> new AmfNumber(in.f64("AMF3 double"));
            case STRING -> new AmfString(readString("AMF3 string"));
            case XML_DOC, XML -> referenceOr("AMF3 XML length", length -> readXml(marker, length));
            case DATE -> referenceOr("AMF3 date header", unused -> readDate());
            case ARRAY -> referenceOr("AMF3 array dense count", this::readArray);
            case OBJECT -> referenceOr("AMF3 object header", this::readObject);
            case BYTE_ARRAY -> referenceOr("AMF3 byte array length", this::readByteArray);
            case 0x0D, 0x0E, 0x0F, 0x10 -> referenceOr("AMF3 vector count", count -> readVector(marker, count));
            case DICTIONARY -> referenceOr("AMF3 dictionary count", this::readDictionary);
            default -> throw WireFormatException.outOfRange("AMF3 type marker", marker,
                    "not a type marker of the AMF3 spec (0x00 to 0x11)");
        };
    }

    /** U29 (AMF3 spec 1.3.1): 1 to 4 bytes, 7 bits in each of the first three, 8 in the fourth. */
    private int readU29(String field) throws WireFormatException {
        int value = 0;
        for (int i = 0; i < 3; i++) {
            int b = in.u8(field);
            value = (value << 7) | (b & 0x7F);
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        return (value << 8) | in.u8(field);
    }

    private String readString(String field) throws WireFormatException {
        int header = readU29(field + " length");
        if ((header & 1) == 0) {
            return AmfReferences.resolve(strings, "AMF3 string reference index", header >>> 1, tableHas("string"));
        }
        String value = in.utf8(field + " length", header >>> 1);
        if (!value.isEmpty()) {
            checkTable("AMF3 string table size", strings.size());
            strings.add(value);
        }
        return value;
    }

    /** Reads the value an object header announces, given the header's inline part (a length, count or traits). */
    @FunctionalInterface
    private interface Inline {
        AmfValue read(int header) throws WireFormatException;
    }

    /**
     * Reads a U29 object header {@code field} (a U29O-ref, or the start of a value written inline): the
     * object it references, or the value {@code inline} reads from the header's inline part.
     */
    private AmfValue referenceOr(String field, Inline inline) throws WireFormatException {
        int h = readU29(field);
        if ((h & 1) == 0) {
            return AmfReferences.resolve(objects, "AMF3 object reference index", h >>> 1, tableHas("object"));
        }
        return inline.read(h >>> 1);
    }

    /** Explains a reference past the end of the {@code name} table. */
    private static IntFunction<String> tableHas(String name) {
        return n -> "but the " + name + " table has " + n + " entries";
    }

    private int reserveObject() throws WireFormatException {
        checkTable("AMF3 object table size", objects.size());
        objects.add(null);
        return objects.size() - 1;
    }

    private <T extends AmfValue> T complete(int index, T value) {
        objects.set(index, value);
        return value;
    }

    private AmfValue readXml(int marker, int length) throws WireFormatException {
        String xml = in.utf8("AMF3 XML length", length);
        int index = reserveObject();
        return complete(index, marker == XML ? new AmfXml(xml) : new AmfXmlDocument(xml));
    }

    private AmfValue readDate() throws WireFormatException {
        int index = reserveObject();
        return complete(index, new AmfDate(in.f64("AMF3 date")));
    }

    private AmfValue readByteArray(int length) throws WireFormatException {
        byte[] bytes = in.bytes("AMF3 byte array length", length);
        int index = reserveObject();
        return complete(index, new AmfByteArray(bytes));
    }

    private AmfValue readArray(int denseCount) throws WireFormatException {
        in.checkCount("AMF3 array dense count", denseCount, 1);
        enter();
        int index = reserveObject();
        Map<String, AmfValue> associative = new LinkedHashMap<>();
        for (String key = readString("AMF3 array key"); !key.isEmpty(); key = readString("AMF3 array key")) {
            checkElements("AMF3 array associative count", associative.size() + 1L);
            associative.put(key, read());
        }
        in.checkCount("AMF3 array dense count", denseCount, 1);
        List<AmfValue> dense = AmfInput.newList(denseCount);
        for (int i = 0; i < denseCount; i++) {
            dense.add(read());
        }
        depth--;
        if (associative.isEmpty()) {
            return complete(index, new AmfStrictArray(dense));
        }
        for (int i = 0; i < dense.size(); i++) {
            associative.put(Integer.toString(i), dense.get(i));
        }
        return complete(index, new AmfEcmaArray(associative));
    }

    private AmfValue readObject(int header) throws WireFormatException {
        enter();
        int index = reserveObject();
        Traits t = readTraits(header);
        if (t.externalizable()) {
            if (!WRAPPER_CLASSES.contains(t.className())) {
                throw new WireFormatException("AMF3 externalizable class", "AMF3 externalizable class "
                        + t.className() + " cannot be read: its body has a format private to that class");
            }
            AmfValue wrapped = read();
            depth--;
            return complete(index, wrapped);
        }
        Map<String, AmfValue> properties = new LinkedHashMap<>();
        for (String name : t.sealed()) {
            properties.put(name, read());
        }
        if (t.dynamic()) {
            for (String key = readString("AMF3 dynamic member name"); !key.isEmpty();
                    key = readString("AMF3 dynamic member name")) {
                checkElements("AMF3 object member count", properties.size() + 1L);
                properties.put(key, read());
            }
        }
        depth--;
        return complete(index, new AmfObject(t.className(), properties));
    }

    /** Reads the traits part of an object header (U29O-traits-ref, -traits-ext or -traits). */
    private Traits readTraits(int h) throws WireFormatException {
        if ((h & 1) == 0) {
            return AmfReferences.resolve(traits, "AMF3 traits reference index", h >>> 1, tableHas("traits"));
        }
        Traits t;
        if ((h & 2) != 0) {
            t = new Traits(readString("AMF3 class name"), List.of(), false, true);
        } else {
            boolean dynamic = (h & 4) != 0;
            int sealedCount = h >>> 3;
            // Each sealed member needs at least a one-byte name and a one-byte value.
            in.checkCount("AMF3 traits sealed member count", sealedCount, 2);
            String className = readString("AMF3 class name");
            List<String> sealed = AmfInput.newList(sealedCount);
            for (int i = 0; i < sealedCount; i++) {
                sealed.add(readString("AMF3 sealed member name"));
            }
            t = new Traits(className, List.copyOf(sealed), dynamic, false);
        }
        checkTable("AMF3 traits table size", traits.size());
        traits.add(t);
        return t;
    }

    private AmfValue readVector(int marker, int count) throws WireFormatException {
        AmfVectorKind kind = AmfVectorKind.values()[marker - AmfVectorKind.INT.marker()];
        in.checkCount("AMF3 vector count", count, kind.minItemBytes());
        boolean fixed = in.u8("AMF3 vector fixed flag") != 0;
        enter();
        int index = reserveObject();
        String typeName = kind == AmfVectorKind.OBJECT ? readString("AMF3 vector type name") : "";
        in.checkCount("AMF3 vector count", count, kind.minItemBytes());
        List<AmfValue> items = AmfInput.newList(count);
        for (int i = 0; i < count; i++) {
            items.add(switch (kind) {
                case INT -> new AmfInteger(in.s32("AMF3 vector int item"));
                case UINT -> new AmfNumber(in.u32("AMF3 vector uint item"));
                case DOUBLE -> new AmfNumber(in.f64("AMF3 vector double item"));
                case OBJECT -> read();
            });
        }
        depth--;
        return complete(index, new AmfVector(kind, fixed, typeName, items));
    }

    private AmfValue readDictionary(int count) throws WireFormatException {
        in.checkCount("AMF3 dictionary count", count, 2);
        boolean weakKeys = in.u8("AMF3 dictionary weak-keys flag") != 0;
        enter();
        int index = reserveObject();
        List<AmfDictionary.Entry> entries = AmfInput.newList(count);
        for (int i = 0; i < count; i++) {
            AmfValue key = read();
            entries.add(new AmfDictionary.Entry(key, read()));
        }
        depth--;
        return complete(index, new AmfDictionary(weakKeys, entries));
    }

    private void checkTable(String field, int size) throws WireFormatException {
        if (size >= in.limits().maxReferences()) {
            throw WireFormatException.overLimit(field, size + 1L, in.limits().maxReferences());
        }
    }

    private void checkElements(String field, long count) throws WireFormatException {
        if (count > in.limits().maxElementCount()) {
            throw WireFormatException.overLimit(field, count, in.limits().maxElementCount());
        }
    }

    private void enter() throws WireFormatException {
        if (++depth > in.limits().maxDepth()) {
            throw WireFormatException.overLimit("AMF nesting depth", depth, in.limits().maxDepth());
        }
    }
}
