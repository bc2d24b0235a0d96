package org.netstreamfx.player.amf;

import java.util.List;
import java.util.Map;
import org.netstreamfx.player.amf.AmfValue.AmfBoolean;
import org.netstreamfx.player.amf.AmfValue.AmfDate;
import org.netstreamfx.player.amf.AmfValue.AmfEcmaArray;
import org.netstreamfx.player.amf.AmfValue.AmfInteger;
import org.netstreamfx.player.amf.AmfValue.AmfNull;
import org.netstreamfx.player.amf.AmfValue.AmfNumber;
import org.netstreamfx.player.amf.AmfValue.AmfObject;
import org.netstreamfx.player.amf.AmfValue.AmfStrictArray;
import org.netstreamfx.player.amf.AmfValue.AmfString;
import org.netstreamfx.player.amf.AmfValue.AmfUndefined;
import org.netstreamfx.player.amf.AmfValue.AmfXmlDocument;

/**
 * Writes AMF0 values (Adobe "Action Message Format -- AMF 0", section 2).
 *
 * <p>Strings of more than 65535 UTF-8 bytes use the long-string-marker (0x0C). An
 * {@link AmfInteger} is written as a number (AMF0 has no integer type). Values that AMF0 cannot
 * express ({@link AmfValue.AmfXml}, {@link AmfValue.AmfByteArray}, {@link AmfValue.AmfVector},
 * {@link AmfValue.AmfDictionary}) are
 * written after an avmplus-object-marker (0x11, spec 3.1) in AMF3, each with fresh AMF3 tables.
 * No reference-markers are written. Values that cannot be encoded (a property name over 65535
 * bytes, nesting deeper than the limit) throw {@link IllegalArgumentException}.
 */
public final class Amf0Writer {
    private final AmfOutput out;

    /** A writer that allows nesting up to {@link AmfLimits#DEFAULT}'s depth. */
    public Amf0Writer() {
        this(AmfLimits.DEFAULT.maxDepth());
    }

    public Amf0Writer(int maxDepth) {
        this.out = new AmfOutput(maxDepth);
    }

    /** Encodes the values one after another, as in an RTMP command message body. */
    public static byte[] encode(AmfValue... values) {
        Amf0Writer writer = new Amf0Writer();
        for (AmfValue v : values) {
            writer.write(v);
        }
        return writer.toByteArray();
    }

    /** Appends one value. */
    public Amf0Writer write(AmfValue value) {
        if (value instanceof AmfNumber n) {
            number(n.value());
        } else if (value instanceof AmfInteger i) {
            number(i.value());
        } else if (value instanceof AmfBoolean b) {
            out.u8(Amf0Reader.BOOLEAN);
            out.u8(b.value() ? 1 : 0);
        } else if (value instanceof AmfString s) {
            string(s.value());
        } else if (value instanceof AmfNull) {
            out.u8(Amf0Reader.NULL);
        } else if (value instanceof AmfUndefined) {
            out.u8(Amf0Reader.UNDEFINED);
        } else if (value instanceof AmfObject o) {
            if (o.isTyped()) {
                out.u8(Amf0Reader.TYPED_OBJECT);
                name(o.className());
            } else {
                out.u8(Amf0Reader.OBJECT);
            }
            properties(o.properties());
        } else if (value instanceof AmfEcmaArray a) {
            out.u8(Amf0Reader.ECMA_ARRAY);
            out.u32(a.entries().size());
            properties(a.entries());
        } else if (value instanceof AmfStrictArray a) {
            strictArray(a.items());
        } else if (value instanceof AmfDate d) {
            out.u8(Amf0Reader.DATE);
            out.f64(d.epochMillis());
            out.u16(d.timezoneMinutes());
        } else if (value instanceof AmfXmlDocument x) {
            out.u8(Amf0Reader.XML_DOCUMENT);
            byte[] b = AmfOutput.utf8(x.xml());
            out.u32(b.length);
            out.bytes(b);
        } else {
            // AmfXml, AmfByteArray, AmfVector, AmfDictionary: only AMF3 can express them.
            out.u8(Amf0Reader.AVMPLUS_OBJECT);
            new Amf3Writer(out).write(value);
        }
        return this;
    }

    /** The bytes written so far. */
    public byte[] toByteArray() {
        return out.toByteArray();
    }

    private void number(double v) {
        out.u8(Amf0Reader.NUMBER);
        out.f64(v);
    }

    private void string(String s) {
        byte[] b = AmfOutput.utf8(s);
        if (b.length <= 0xFFFF) {
            out.u8(Amf0Reader.STRING);
            out.u16(b.length);
        } else {
            out.u8(Amf0Reader.LONG_STRING);
            out.u32(b.length);
        }
        out.bytes(b);
    }

    private void name(String s) {
        byte[] b = AmfOutput.utf8(s);
        if (b.length > 0xFFFF) {
            throw new IllegalArgumentException("AMF0 property or class name is " + b.length
                    + " UTF-8 bytes, over the limit of 65535");
        }
        out.u16(b.length);
        out.bytes(b);
    }

    private void properties(Map<String, AmfValue> properties) {
        out.enter();
        for (Map.Entry<String, AmfValue> e : properties.entrySet()) {
            name(e.getKey());
            write(e.getValue());
        }
        out.u16(0);
        out.u8(Amf0Reader.OBJECT_END);
        out.leave();
    }

    private void strictArray(List<AmfValue> items) {
        out.enter();
        out.u8(Amf0Reader.STRICT_ARRAY);
        out.u32(items.size());
        for (AmfValue item : items) {
            write(item);
        }
        out.leave();
    }
}
