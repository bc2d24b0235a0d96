package org.netstreamfx.player.amf;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

/**
 * Writes AMF3 values (Adobe "Action Message Format -- AMF 3", section 3). One writer is one AMF3
 * context: repeated non-empty strings and repeated traits are written as references (spec 2.2);
 * objects are always written inline.
 *
 * <p>Anonymous {@link AmfObject}s are written as dynamic objects with no sealed members, typed
 * ones as sealed objects whose members are the properties, so reading gives back an equal value.
 * An {@link AmfEcmaArray} is written as an array with only associative members, an
 * {@link AmfStrictArray} as one with only a dense part. An {@link AmfInteger} outside the 29-bit
 * range is written as a double. Values that cannot be encoded (an empty dynamic member name,
 * a length over 2^28-1, a vector item of the wrong type, nesting deeper than the limit) throw
 * {@link IllegalArgumentException}.
 */
public final class Amf3Writer {
    static final int U29_MAX = 0x1FFF_FFFF;
    static final int INT29_MIN = -(1 << 28);
    static final int INT29_MAX = (1 << 28) - 1;
    private static final int LENGTH_MAX = 0x0FFF_FFFF;

    private final AmfOutput out;
    private final Map<String, Integer> strings = new HashMap<>();
    private final Map<List<String>, Integer> traits = new HashMap<>();

    /** A writer that allows nesting up to {@link AmfLimits#DEFAULT}'s depth. */
    public Amf3Writer() {
        this(AmfLimits.DEFAULT.maxDepth());
    }

    public Amf3Writer(int maxDepth) {
        this(new AmfOutput(maxDepth));
    }

    /** A fresh AMF3 context writing into an AMF0 writer's output (after 0x11). */
    Amf3Writer(AmfOutput out) {
        this.out = out;
    }

    /** Encodes the values one after another in one AMF3 context. */
    public static byte[] encode(AmfValue... values) {
        Amf3Writer writer = new Amf3Writer();
        for (AmfValue v : values) {
            writer.write(v);
        }
        return writer.toByteArray();
    }

    /** The bytes written so far. */
    public byte[] toByteArray() {
        return out.toByteArray();
    }

    /** Appends one value. */
    public Amf3Writer write(AmfValue value) {
        if (value instanceof AmfUndefined) {
            out.u8(Amf3Reader.UNDEFINED);
        } else if (value instanceof AmfNull) {
            out.u8(Amf3Reader.NULL);
        } else if (value instanceof AmfBoolean b) {
            out.u8(b.value() ? Amf3Reader.TRUE : Amf3Reader.FALSE);
        } else if (value instanceof AmfInteger i) {
            if (i.value() >= INT29_MIN && i.value() <= INT29_MAX) {
                out.u8(Amf3Reader.INTEGER);
                u29(i.value() & U29_MAX);
            } else {
                out.u8(Amf3Reader.DOUBLE);
                out.f64(i.value());
            }
        } else if (value instanceof AmfNumber n) {
            out.u8(Amf3Reader.DOUBLE);
            out.f64(n.value());
        } else if (value instanceof AmfString s) {
            out.u8(Amf3Reader.STRING);
            string(s.value());
        } else if (value instanceof AmfXmlDocument x) {
            out.u8(Amf3Reader.XML_DOC);
            inlineBytes(AmfOutput.utf8(x.xml()));
        } else if (value instanceof AmfXml x) {
            out.u8(Amf3Reader.XML);
            inlineBytes(AmfOutput.utf8(x.xml()));
        } else if (value instanceof AmfDate d) {
            out.u8(Amf3Reader.DATE);
            u29(1);
            out.f64(d.epochMillis());
        } else if (value instanceof AmfByteArray b) {
            out.u8(Amf3Reader.BYTE_ARRAY);
            inlineBytes(b.bytes());
        } else if (value instanceof AmfStrictArray a) {
            out.enter();
            out.u8(Amf3Reader.ARRAY);
            inlineLength(a.items().size());
            string("");
            a.items().forEach(this::write);
            out.leave();
        } else if (value instanceof AmfEcmaArray a) {
            out.enter();
            out.u8(Amf3Reader.ARRAY);
            inlineLength(0);
            dynamicMembers(a.entries());
            out.leave();
        } else if (value instanceof AmfObject o) {
            object(o);
        } else if (value instanceof AmfVector v) {
            vector(v);
        } else if (value instanceof AmfDictionary d) {
            out.enter();
            out.u8(Amf3Reader.DICTIONARY);
            inlineLength(d.entries().size());
            out.u8(d.weakKeys() ? 1 : 0);
            for (AmfDictionary.Entry e : d.entries()) {
                write(e.key());
                write(e.value());
            }
            out.leave();
        }
        return this;
    }

    private void object(AmfObject o) {
        out.enter();
        out.u8(Amf3Reader.OBJECT);
        boolean dynamic = !o.isTyped();
        List<String> sealed = dynamic ? List.of() : List.copyOf(o.properties().keySet());
        List<String> key = new java.util.ArrayList<>(sealed.size() + 2);
        key.add(dynamic ? "dynamic" : "sealed");
        key.add(o.className());
        key.addAll(sealed);
        Integer ref = traits.get(key);
        if (ref != null) {
            u29((ref << 2) | 0b01);
        } else {
            if (sealed.size() > (U29_MAX >>> 4)) {
                throw new IllegalArgumentException("AMF3 sealed member count is " + sealed.size()
                        + ", over the limit of " + (U29_MAX >>> 4));
            }
            traits.put(key, traits.size());
            u29((sealed.size() << 4) | (dynamic ? 0b1011 : 0b0011));
            string(o.className());
            sealed.forEach(this::string);
        }
        if (dynamic) {
            dynamicMembers(o.properties());
        } else {
            o.properties().values().forEach(this::write);
        }
        out.leave();
    }

    private void dynamicMembers(Map<String, AmfValue> members) {
        for (Map.Entry<String, AmfValue> e : members.entrySet()) {
            if (e.getKey().isEmpty()) {
                throw new IllegalArgumentException(
                        "AMF3 cannot write a dynamic member or array key named \"\": it ends the members");
            }
            string(e.getKey());
            write(e.getValue());
        }
        string("");
    }

    private void vector(AmfVector v) {
        out.enter();
        out.u8(v.kind().marker());
        inlineLength(v.items().size());
        out.u8(v.fixed() ? 1 : 0);
        if (v.kind() == AmfVectorKind.OBJECT) {
            string(v.typeName());
        }
        for (AmfValue item : v.items()) {
            switch (v.kind()) {
                case INT -> out.u32(asInt(item));
                case UINT -> out.u32(asUint(item));
                case DOUBLE -> out.f64(asDouble(item));
                case OBJECT -> write(item);
            }
        }
        out.leave();
    }

    private static int asInt(AmfValue item) {
        if (item instanceof AmfInteger i) {
            return i.value();
        }
        throw new IllegalArgumentException("AMF3 Vector.<int> item must be an AmfInteger: " + item);
    }

    private static long asUint(AmfValue item) {
        if (item instanceof AmfNumber n && n.value() >= 0 && n.value() <= 0xFFFF_FFFFL
                && n.value() == Math.rint(n.value())) {
            return (long) n.value();
        }
        if (item instanceof AmfInteger i && i.value() >= 0) {
            return i.value();
        }
        throw new IllegalArgumentException("AMF3 Vector.<uint> item must be a whole number in 0..2^32-1: " + item);
    }

    private static double asDouble(AmfValue item) {
        if (item instanceof AmfNumber n) {
            return n.value();
        }
        if (item instanceof AmfInteger i) {
            return i.value();
        }
        throw new IllegalArgumentException("AMF3 Vector.<Number> item must be a number: " + item);
    }

    /** UTF-8-vr (spec 1.3.2): a reference to a string already written, or the string inline. */
    private void string(String s) {
        Integer ref = strings.get(s);
        if (ref != null) {
            u29(ref << 1);
            return;
        }
        if (!s.isEmpty()) {
            strings.put(s, strings.size());
        }
        inlineBytes(AmfOutput.utf8(s));
    }

    private void inlineBytes(byte[] b) {
        inlineLength(b.length);
        out.bytes(b);
    }

    private void inlineLength(int length) {
        if (length > LENGTH_MAX) {
            throw new IllegalArgumentException("AMF3 length or count is " + length
                    + ", over the limit of " + LENGTH_MAX);
        }
        u29((length << 1) | 1);
    }

    /** U29 (spec 1.3.1) of a value in 0..2^29-1. */
    private void u29(int v) {
        if (v < 0 || v > U29_MAX) {
            throw new IllegalArgumentException("U29 value is " + v + ", outside 0.." + U29_MAX);
        }
        if (v < 0x80) {
            out.u8(v);
        } else if (v < 0x4000) {
            out.u8((v >>> 7) | 0x80);
            out.u8(v & 0x7F);
        } else if (v < 0x20_0000) {
            out.u8((v >>> 14) | 0x80);
            out.u8(((v >>> 7) & 0x7F) | 0x80);
            out.u8(v & 0x7F);
        } else {
            out.u8((v >>> 22) | 0x80);
            out.u8(((v >>> 15) & 0x7F) | 0x80);
            out.u8(((v >>> 8) & 0x7F) | 0x80);
            out.u8(v & 0xFF);
        }
    }
}
