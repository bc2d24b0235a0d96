package org.netstreamfx.player.amf;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
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
import org.netstreamfx.player.wire.WireFormatException;

/**
 * Conversions between {@link AmfValue}s and plain Java values, e.g. for JSON output and for
 * building command arguments. Both directions stop at {@link AmfLimits#DEFAULT}'s depth, so a
 * self-containing Java collection cannot loop forever; {@link #toJava} also stops at
 * {@link AmfLimits#MAX_CONVERTED_NODES}, as AMF references can make a small value expand to an
 * enormous tree.
 */
public final class AmfValues {
    private static final int MAX_DEPTH = AmfLimits.DEFAULT.maxDepth();

    private AmfValues() {
    }

    /**
     * The plain Java form of a value: {@code Map<String, Object>} (ordered; for objects, ECMA
     * arrays and dictionaries, whose keys are rendered as text), {@code List<Object>} (strict
     * arrays, vectors), {@code Double} (numbers and integers), {@code String} (strings and XML),
     * {@code Boolean}, {@code Instant} (dates), {@code byte[]} (byte arrays), or {@code null} (null
     * and undefined). The class name of a typed object is not kept. A value reached through
     * several references becomes several equal copies, so the result is a tree.
     *
     * @throws WireFormatException when that tree would hold more than
     *     {@link AmfLimits#MAX_CONVERTED_NODES} values or be deeper than {@link AmfLimits#DEFAULT}'s
     *     depth; checked first, in time proportional to the distinct values, before anything is built
     */
    public static Object toJava(AmfValue value) throws WireFormatException {
        AmfGraph.checkConvertible(value);
        return toJava(value, 0);
    }

    /** Converts a value that {@link AmfGraph#checkConvertible} has passed. */
    private static Object toJava(AmfValue value, int depth) {
        if (value instanceof AmfNumber n) {
            return n.value();
        } else if (value instanceof AmfInteger i) {
            return (double) i.value();
        } else if (value instanceof AmfBoolean b) {
            return b.value();
        } else if (value instanceof AmfString s) {
            return s.value();
        } else if (value instanceof AmfNull || value instanceof AmfUndefined) {
            return null;
        } else if (value instanceof AmfObject o) {
            return mapToJava(o.properties(), depth);
        } else if (value instanceof AmfEcmaArray a) {
            return mapToJava(a.entries(), depth);
        } else if (value instanceof AmfStrictArray a) {
            return listToJava(a.items(), depth);
        } else if (value instanceof AmfVector v) {
            return listToJava(v.items(), depth);
        } else if (value instanceof AmfDate d) {
            return Instant.ofEpochMilli((long) d.epochMillis());
        } else if (value instanceof AmfXmlDocument x) {
            return x.xml();
        } else if (value instanceof AmfXml x) {
            return x.xml();
        } else if (value instanceof AmfByteArray b) {
            return b.bytes();
        } else {
            AmfDictionary d = (AmfDictionary) value;
            Map<String, Object> map = new LinkedHashMap<>();
            for (AmfDictionary.Entry e : d.entries()) {
                map.put(keyText(toJava(e.key(), depth + 1)), toJava(e.value(), depth + 1));
            }
            return map;
        }
    }

    private static String keyText(Object key) {
        if (key instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(key);
    }

    private static Map<String, Object> mapToJava(Map<String, AmfValue> source, int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        source.forEach((k, v) -> map.put(k, toJava(v, depth + 1)));
        return map;
    }

    private static List<Object> listToJava(List<AmfValue> source, int depth) {
        List<Object> list = new ArrayList<>(source.size());
        for (AmfValue v : source) {
            list.add(toJava(v, depth + 1));
        }
        return list;
    }

    /**
     * The AMF form of a plain Java value: {@code null} to null, {@link Boolean}, any
     * {@link Number} to {@link AmfNumber}, {@link CharSequence} to {@link AmfString}, a
     * {@link Map} with {@link String} keys to an anonymous {@link AmfObject}, a {@link Collection}
     * or {@code Object[]} to an {@link AmfStrictArray}, {@link Instant} or {@link Date} to
     * {@link AmfDate}, {@code byte[]} to {@link AmfByteArray}; an {@link AmfValue} is returned as
     * is. Anything else throws {@link IllegalArgumentException}.
     */
    public static AmfValue of(Object value) {
        return of(value, 0);
    }

    private static AmfValue of(Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("AMF nesting depth is " + depth + ", over the limit of " + MAX_DEPTH);
        }
        if (value == null) {
            return AmfNull.INSTANCE;
        } else if (value instanceof AmfValue v) {
            return v;
        } else if (value instanceof Boolean b) {
            return AmfBoolean.of(b);
        } else if (value instanceof Number n) {
            return new AmfNumber(n.doubleValue());
        } else if (value instanceof CharSequence s) {
            return new AmfString(s.toString());
        } else if (value instanceof Instant t) {
            return new AmfDate(t.toEpochMilli());
        } else if (value instanceof Date d) {
            return new AmfDate(d.getTime());
        } else if (value instanceof byte[] b) {
            return new AmfByteArray(b);
        } else if (value instanceof Map<?, ?> m) {
            Map<String, AmfValue> props = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("AMF object keys must be strings, not " + e.getKey());
                }
                props.put(key, of(e.getValue(), depth + 1));
            }
            return new AmfObject(props);
        } else if (value instanceof Collection<?> c) {
            List<AmfValue> items = new ArrayList<>(c.size());
            for (Object o : c) {
                items.add(of(o, depth + 1));
            }
            return new AmfStrictArray(items);
        } else if (value instanceof Object[] array) {
            return of(java.util.Arrays.asList(array), depth);
        }
        throw new IllegalArgumentException("no AMF form for " + value.getClass().getName());
    }
}
