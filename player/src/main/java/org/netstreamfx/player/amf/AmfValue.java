package org.netstreamfx.player.amf;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A value of the Action Message Format, AMF0 (Adobe "Action Message Format -- AMF 0", 2006) or
 * AMF3 (Adobe "Action Message Format -- AMF 3", 2013).
 *
 * <p>All values are immutable. Maps keep the order in which their entries were read or built.
 * Typed objects (AMF0 typed-object-marker 0x10, AMF3 objects with a class name) are decoded as
 * {@link AmfObject} maps carrying the class name; no Java class is ever instantiated from data.
 *
 * <p>Values form a graph: a reader returns the same instance for every AMF reference to a value,
 * so one value may be reached along many paths (issue 11). The containers (objects, arrays,
 * vectors, dictionaries) therefore replace the generated record methods with bounded walks
 * ({@link AmfGraph}): {@code equals} stays structural and costs the distinct pairs of values
 * compared, {@code hashCode} mixes at most {@value AmfGraph#HASHED_NODES} values, and {@code
 * toString} writes at most {@value AmfGraph#RENDERED_NODES} values and then "…".
 */
public sealed interface AmfValue {

    /** AMF0 number-marker (0x00) / AMF3 double-marker (0x05): an IEEE-754 double. */
    record AmfNumber(double value) implements AmfValue { }

    /**
     * AMF3 integer-marker (0x04): a 29-bit signed integer (AMF3 spec 1.3.1, 3.6). Values outside
     * the 29-bit range are written as AMF3 doubles; AMF0 has no integer type and writes a number.
     */
    record AmfInteger(int value) implements AmfValue { }

    /** AMF0 boolean-marker (0x01) / AMF3 false-marker (0x02) and true-marker (0x03). */
    record AmfBoolean(boolean value) implements AmfValue {
        public static final AmfBoolean TRUE = new AmfBoolean(true);
        public static final AmfBoolean FALSE = new AmfBoolean(false);

        public static AmfBoolean of(boolean value) {
            return value ? TRUE : FALSE;
        }
    }

    /** AMF0 string-marker (0x02) and long-string-marker (0x0C) / AMF3 string-marker (0x06). */
    record AmfString(String value) implements AmfValue {
        public AmfString {
            Objects.requireNonNull(value, "value");
        }
    }

    /** AMF0 null-marker (0x05) / AMF3 null-marker (0x01). */
    record AmfNull() implements AmfValue {
        public static final AmfNull INSTANCE = new AmfNull();
    }

    /**
     * AMF0 undefined-marker (0x06) / AMF3 undefined-marker (0x00). The AMF0 unsupported-marker
     * (0x0D) is also read as undefined, as AMF0 spec 2.14 describes no body for it.
     */
    record AmfUndefined() implements AmfValue {
        public static final AmfUndefined INSTANCE = new AmfUndefined();
    }

    /**
     * An anonymous object (AMF0 object-marker 0x03, AMF3 dynamic object with an empty class name)
     * or a typed object (AMF0 typed-object-marker 0x10, AMF3 object with a class name).
     *
     * @param className the class name, {@code ""} for an anonymous object
     * @param properties the members in wire order (AMF3: sealed members, then dynamic members)
     */
    record AmfObject(String className, Map<String, AmfValue> properties) implements AmfValue {
        public AmfObject {
            Objects.requireNonNull(className, "className");
            properties = copyOrdered(properties);
        }

        /** An anonymous object. */
        public AmfObject(Map<String, AmfValue> properties) {
            this("", properties);
        }

        /** True when the object carries a class name. */
        public boolean isTyped() {
            return !className.isEmpty();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof AmfValue v && AmfGraph.equal(this, v);
        }

        @Override
        public int hashCode() {
            return AmfGraph.hash(this);
        }

        @Override
        public String toString() {
            return AmfGraph.render(this);
        }
    }

    /**
     * AMF0 ecma-array-marker (0x08), and AMF3 arrays (0x09) that have associative members; the
     * dense part of a mixed AMF3 array is added after them under the keys "0", "1", ...
     */
    record AmfEcmaArray(Map<String, AmfValue> entries) implements AmfValue {
        public AmfEcmaArray {
            entries = copyOrdered(entries);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof AmfValue v && AmfGraph.equal(this, v);
        }

        @Override
        public int hashCode() {
            return AmfGraph.hash(this);
        }

        @Override
        public String toString() {
            return AmfGraph.render(this);
        }
    }

    /** AMF0 strict-array-marker (0x0A), and AMF3 arrays (0x09) with only a dense part. */
    record AmfStrictArray(List<AmfValue> items) implements AmfValue {
        public AmfStrictArray {
            items = List.copyOf(items);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof AmfValue v && AmfGraph.equal(this, v);
        }

        @Override
        public int hashCode() {
            return AmfGraph.hash(this);
        }

        @Override
        public String toString() {
            return AmfGraph.render(this);
        }
    }

    /**
     * AMF0 date-marker (0x0B) / AMF3 date-marker (0x08).
     *
     * @param epochMillis milliseconds since 1970-01-01T00:00Z
     * @param timezoneMinutes the AMF0 time-zone field (AMF0 spec 2.13: reserved, should be 0);
     *     always 0 from AMF3, which has no such field
     */
    record AmfDate(double epochMillis, int timezoneMinutes) implements AmfValue {
        public AmfDate(double epochMillis) {
            this(epochMillis, 0);
        }
    }

    /** AMF0 xml-document-marker (0x0F) / AMF3 xml-doc-marker (0x07): legacy XMLDocument. */
    record AmfXmlDocument(String xml) implements AmfValue {
        public AmfXmlDocument {
            Objects.requireNonNull(xml, "xml");
        }
    }

    /** AMF3 xml-marker (0x0B): an E4X XML value. */
    record AmfXml(String xml) implements AmfValue {
        public AmfXml {
            Objects.requireNonNull(xml, "xml");
        }
    }

    /** AMF3 byte-array-marker (0x0C). The array is copied in and out. */
    record AmfByteArray(byte[] bytes) implements AmfValue {
        public AmfByteArray {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /** Number of bytes, without copying. */
        public int length() {
            return bytes.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof AmfByteArray other && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "AmfByteArray[" + bytes.length + " bytes]";
        }
    }

    /**
     * AMF3 vector markers 0x0D..0x10 (AMF3 spec 3.15). Items of an {@link AmfVectorKind#INT}
     * vector are {@link AmfInteger}s, of {@link AmfVectorKind#UINT} and {@link AmfVectorKind#DOUBLE}
     * vectors {@link AmfNumber}s, of an {@link AmfVectorKind#OBJECT} vector any value.
     *
     * @param typeName the object type name of an object vector ("*" for any), "" otherwise
     */
    record AmfVector(AmfVectorKind kind, boolean fixed, String typeName, List<AmfValue> items)
            implements AmfValue {
        public AmfVector {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(typeName, "typeName");
            items = List.copyOf(items);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof AmfValue v && AmfGraph.equal(this, v);
        }

        @Override
        public int hashCode() {
            return AmfGraph.hash(this);
        }

        @Override
        public String toString() {
            return AmfGraph.render(this);
        }
    }

    /**
     * AMF3 dictionary-marker (0x11, AMF3 spec 3.16): keys may be any value, so entries are a list.
     */
    record AmfDictionary(boolean weakKeys, List<Entry> entries) implements AmfValue {
        public AmfDictionary {
            entries = List.copyOf(entries);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof AmfValue v && AmfGraph.equal(this, v);
        }

        @Override
        public int hashCode() {
            return AmfGraph.hash(this);
        }

        @Override
        public String toString() {
            return AmfGraph.render(this);
        }

        /** One key/value pair of a dictionary. */
        public record Entry(AmfValue key, AmfValue value) {
            public Entry {
                Objects.requireNonNull(key, "key");
                Objects.requireNonNull(value, "value");
            }
        }
    }

    private static Map<String, AmfValue> copyOrdered(Map<String, AmfValue> source) {
        LinkedHashMap<String, AmfValue> copy = new LinkedHashMap<>(source);
        for (Map.Entry<String, AmfValue> e : copy.entrySet()) {
            Objects.requireNonNull(e.getKey(), "key");
            Objects.requireNonNull(e.getValue(), "value of " + e.getKey());
        }
        return Collections.unmodifiableMap(copy);
    }
}
