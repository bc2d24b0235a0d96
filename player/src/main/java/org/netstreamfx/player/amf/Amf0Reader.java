package org.netstreamfx.player.amf;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netstreamfx.player.amf.AmfValue.AmfBoolean;
import org.netstreamfx.player.amf.AmfValue.AmfDate;
import org.netstreamfx.player.amf.AmfValue.AmfEcmaArray;
import org.netstreamfx.player.amf.AmfValue.AmfNull;
import org.netstreamfx.player.amf.AmfValue.AmfNumber;
import org.netstreamfx.player.amf.AmfValue.AmfObject;
import org.netstreamfx.player.amf.AmfValue.AmfStrictArray;
import org.netstreamfx.player.amf.AmfValue.AmfString;
import org.netstreamfx.player.amf.AmfValue.AmfUndefined;
import org.netstreamfx.player.amf.AmfValue.AmfXmlDocument;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * Reads AMF0 values (Adobe "Action Message Format -- AMF 0", section 2) from a {@link ByteBuffer},
 * advancing its position.
 *
 * <p>One reader is one AMF0 context: objects, typed objects, ECMA arrays and strict arrays are
 * added to its reference table (AMF0 spec 2.9) in the order they start, so a reference-marker
 * (0x07) can point back at them. A reference to an object that is still being read (a cycle)
 * is rejected, because values are immutable. The avmplus-object-marker (0x11, spec 3.1) reads
 * one AMF3 value with fresh AMF3 reference tables.
 *
 * <p>Malformed or truncated data throws {@link WireFormatException}; no other exception escapes
 * from data, and nesting is limited by {@link AmfLimits#maxDepth()} instead of the Java stack.
 */
public final class Amf0Reader {
    static final int NUMBER = 0x00;
    static final int BOOLEAN = 0x01;
    static final int STRING = 0x02;
    static final int OBJECT = 0x03;
    static final int MOVIECLIP = 0x04;
    static final int NULL = 0x05;
    static final int UNDEFINED = 0x06;
    static final int REFERENCE = 0x07;
    static final int ECMA_ARRAY = 0x08;
    static final int OBJECT_END = 0x09;
    static final int STRICT_ARRAY = 0x0A;
    static final int DATE = 0x0B;
    static final int LONG_STRING = 0x0C;
    static final int UNSUPPORTED = 0x0D;
    static final int RECORDSET = 0x0E;
    static final int XML_DOCUMENT = 0x0F;
    static final int TYPED_OBJECT = 0x10;
    static final int AVMPLUS_OBJECT = 0x11;

    private final AmfInput in;
    /** Reference table; a null entry is an object whose members are still being read. */
    private final List<AmfValue> references = new ArrayList<>();
    private int depth;

    public Amf0Reader(ByteBuffer buffer) {
        this(buffer, AmfLimits.DEFAULT);
    }

    public Amf0Reader(ByteBuffer buffer, AmfLimits limits) {
        this.in = new AmfInput(buffer, limits);
    }

    /** Reads every value in {@code data}, as in the body of an RTMP command message. */
    public static List<AmfValue> readAll(byte[] data) throws WireFormatException {
        return new Amf0Reader(ByteBuffer.wrap(data)).readAll();
    }

    /** True while bytes remain in the buffer. */
    public boolean hasRemaining() {
        return in.remaining() > 0;
    }

    /** Reads one value. */
    public AmfValue read() throws WireFormatException {
        int marker = in.u8("AMF0 type marker");
        return switch (marker) {
            case NUMBER -> new AmfNumber(in.f64("AMF0 number"));
            case BOOLEAN -> AmfBoolean.of(in.u8("AMF0 boolean") != 0);
            case STRING -> new AmfString(in.utf8("AMF0 string length", in.u16("AMF0 string length")));
            case LONG_STRING -> new AmfString(
                    in.utf8("AMF0 long string length", in.u32("AMF0 long string length")));
            case NULL -> AmfNull.INSTANCE;
            case UNDEFINED, UNSUPPORTED -> AmfUndefined.INSTANCE;
            case OBJECT -> readObject("");
            case TYPED_OBJECT -> readObject(
                    in.utf8("AMF0 typed object class name length", in.u16("AMF0 typed object class name length")));
            case ECMA_ARRAY -> readEcmaArray();
            case STRICT_ARRAY -> readStrictArray();
            case REFERENCE -> readReference();
            case DATE -> new AmfDate(in.f64("AMF0 date"), in.s16("AMF0 date time-zone"));
            case XML_DOCUMENT -> new AmfXmlDocument(
                    in.utf8("AMF0 XML document length", in.u32("AMF0 XML document length")));
            case AVMPLUS_OBJECT -> new Amf3Reader(in, depth).read();
            case OBJECT_END -> throw WireFormatException.outOfRange("AMF0 type marker", marker,
                    "the object-end-marker is only valid after an empty property name");
            case MOVIECLIP, RECORDSET -> throw WireFormatException.outOfRange("AMF0 type marker",
                    marker, "a marker the AMF0 spec reserves and never serializes");
            default -> throw WireFormatException.outOfRange("AMF0 type marker", marker,
                    "not a type marker of the AMF0 spec (0x00 to 0x11)");
        };
    }

    /** Reads values until the buffer is empty. */
    public List<AmfValue> readAll() throws WireFormatException {
        List<AmfValue> values = new ArrayList<>();
        while (hasRemaining()) {
            values.add(read());
        }
        return values;
    }

    private AmfValue readObject(String className) throws WireFormatException {
        enter();
        int index = reserveReference();
        AmfObject value = new AmfObject(className, readProperties(
                className.isEmpty() ? "AMF0 object property count" : "AMF0 typed object property count"));
        references.set(index, value);
        depth--;
        return value;
    }

    private AmfValue readEcmaArray() throws WireFormatException {
        long count = in.u32("AMF0 ECMA array count");
        // The count is only a hint (encoders often write 0): members run to the object-end-marker.
        if (count > in.limits().maxElementCount()) {
            throw WireFormatException.overLimit("AMF0 ECMA array count", count, in.limits().maxElementCount());
        }
        enter();
        int index = reserveReference();
        AmfEcmaArray value = new AmfEcmaArray(readProperties("AMF0 ECMA array property count"));
        references.set(index, value);
        depth--;
        return value;
    }

    private AmfValue readStrictArray() throws WireFormatException {
        long count = in.u32("AMF0 strict array count");
        in.checkCount("AMF0 strict array count", count, 1);
        enter();
        int index = reserveReference();
        List<AmfValue> items = AmfInput.newList(count);
        for (long i = 0; i < count; i++) {
            items.add(read());
        }
        AmfStrictArray value = new AmfStrictArray(items);
        references.set(index, value);
        depth--;
        return value;
    }

    /** Reads (name, value) pairs up to the empty name followed by the object-end-marker. */
    private Map<String, AmfValue> readProperties(String countField) throws WireFormatException {
        Map<String, AmfValue> properties = new LinkedHashMap<>();
        long count = 0;
        while (true) {
            String name = in.utf8("AMF0 property name length", in.u16("AMF0 property name length"));
            if (name.isEmpty() && in.peekU8("AMF0 object-end-marker") == OBJECT_END) {
                in.u8("AMF0 object-end-marker");
                return properties;
            }
            if (++count > in.limits().maxElementCount()) {
                throw WireFormatException.overLimit(countField, count, in.limits().maxElementCount());
            }
            properties.put(name, read());
        }
    }

    private AmfValue readReference() throws WireFormatException {
        return AmfReferences.resolve(references, "AMF0 reference index", in.u16("AMF0 reference index"),
                n -> "but only " + n + " complex objects have been read");
    }

    private int reserveReference() throws WireFormatException {
        if (references.size() >= in.limits().maxReferences()) {
            throw WireFormatException.overLimit("AMF0 reference table size", references.size() + 1L,
                    in.limits().maxReferences());
        }
        references.add(null);
        return references.size() - 1;
    }

    private void enter() throws WireFormatException {
        if (++depth > in.limits().maxDepth()) {
            throw WireFormatException.overLimit("AMF nesting depth", depth, in.limits().maxDepth());
        }
    }
}
