package org.netstreamfx.player.amf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.netstreamfx.player.amf.AmfValue.AmfDictionary;
import org.netstreamfx.player.amf.AmfValue.AmfEcmaArray;
import org.netstreamfx.player.amf.AmfValue.AmfObject;
import org.netstreamfx.player.amf.AmfValue.AmfStrictArray;
import org.netstreamfx.player.amf.AmfValue.AmfVector;
import org.netstreamfx.player.wire.WireFormatException;

/**
 * Bounded walks over a graph of {@link AmfValue}s. The readers hand back the same Java object
 * for every AMF reference to it, so a decoded value is a directed acyclic graph whose tree
 * expansion can be exponentially larger than its input (issue 11: 60 objects, each referring
 * twice to the one before, expand to 2^60 maps). Nothing here walks that expansion unbounded:
 *
 * <ul>
 *   <li>{@link #treeSize} counts the expansion once per distinct value (memoized by identity),
 *       saturating at {@link Long#MAX_VALUE}; {@link #checkConvertible} holds it to
 *       {@link AmfLimits#MAX_CONVERTED_NODES}, its text to {@link AmfLimits#MAX_CONVERTED_CHARS}
 *       (AMF3 string references repeat a string for free) and every path to the nesting depth
 *       before anything converts it, so a conversion cannot recurse deeper either;
 *   <li>{@link #equal} is structural and memoizes the pairs it has compared, so it costs the
 *       distinct pairs of values, not the expansion (and a cycle, which only code could build,
 *       cannot loop);
 *   <li>{@link #hash} mixes at most {@link #HASHED_NODES} values in visit order (equal values
 *       visit the same sequence, so equal values hash alike);
 *   <li>{@link #render} writes at most {@link #RENDERED_NODES} values and about
 *       {@link #RENDERED_CHARS} characters, and then "…".
 * </ul>
 *
 * <p>The containers' {@code equals}, {@code hashCode} and {@code toString} delegate here.
 */
public final class AmfGraph {
    /** Values {@link #hash} mixes before it stops descending. */
    static final int HASHED_NODES = 1_000;
    /** Values {@link #render} writes before it ends the text with "…". */
    static final int RENDERED_NODES = 1_000;
    /** Characters {@link #render} writes before it ends the text with "…" (a string may be cut). */
    static final int RENDERED_CHARS = 100_000;

    private AmfGraph() {
    }

    /**
     * Checks that converting {@code values} together (the values of one command, script data
     * message or file) stays within {@link AmfLimits#MAX_CONVERTED_NODES} values, within
     * {@link AmfLimits#MAX_CONVERTED_CHARS} characters of text and bytes of byte arrays, and
     * within {@link AmfLimits#DEFAULT}'s nesting depth along every path, in time and memory
     * proportional to the distinct values.
     *
     * @throws WireFormatException naming "AMF converted node count", "AMF converted text length"
     *     or "AMF nesting depth", the count and the limit
     */
    public static void checkConvertible(Collection<? extends AmfValue> values) throws WireFormatException {
        IdentityHashMap<AmfValue, Expansion> memo = new IdentityHashMap<>();
        long nodes = 0;
        long chars = 0;
        for (AmfValue v : values) {
            Expansion e = expand(v, memo, 0);
            nodes = saturatedAdd(nodes, e.nodes());
            chars = saturatedAdd(chars, e.chars());
        }
        if (nodes > AmfLimits.MAX_CONVERTED_NODES) {
            throw new WireFormatException("AMF converted node count", "AMF converted node count is " + nodes
                    + ", over the limit of " + AmfLimits.MAX_CONVERTED_NODES + " (AmfLimits.MAX_CONVERTED_NODES):"
                    + " its AMF references expand to more values than one message may convert to");
        }
        if (chars > AmfLimits.MAX_CONVERTED_CHARS) {
            throw new WireFormatException("AMF converted text length", "AMF converted text length is " + chars
                    + ", over the limit of " + AmfLimits.MAX_CONVERTED_CHARS + " (AmfLimits.MAX_CONVERTED_CHARS):"
                    + " its AMF references repeat more text than one message may convert to");
        }
    }

    /** {@link #checkConvertible(Collection)} for one value. */
    public static void checkConvertible(AmfValue value) throws WireFormatException {
        checkConvertible(List.of(value));
    }

    /**
     * The number of values a tree walk of {@code value} visits, a value reached through n
     * references counting n times, saturating at {@link Long#MAX_VALUE}.
     *
     * @throws WireFormatException when a path is deeper than {@link AmfLimits#DEFAULT}'s depth
     */
    public static long treeSize(AmfValue value) throws WireFormatException {
        return expand(value, new IdentityHashMap<>(), 0).nodes();
    }

    /**
     * What the tree walk of one value meets: values, characters (of strings, XML and property
     * names) and bytes (of byte arrays), and the longest path below it.
     */
    private record Expansion(long nodes, long chars, int height) { }

    private static Expansion expand(AmfValue v, IdentityHashMap<AmfValue, Expansion> memo, int depth)
            throws WireFormatException {
        int maxDepth = AmfLimits.DEFAULT.maxDepth();
        Expansion known = memo.get(v);
        // A value met again may be met deeper than before: its paths are checked from here.
        int deepest = depth + (known == null ? 0 : known.height());
        if (deepest > maxDepth) {
            throw WireFormatException.overLimit("AMF nesting depth", deepest, maxDepth);
        }
        if (known != null) {
            return known;
        }
        long nodes = 1;
        long chars = ownChars(v);
        int height = 0;
        for (AmfValue child : children(v)) {
            Expansion e = expand(child, memo, depth + 1);
            nodes = saturatedAdd(nodes, e.nodes());
            chars = saturatedAdd(chars, e.chars());
            height = Math.max(height, e.height() + 1);
        }
        Expansion e = new Expansion(nodes, chars, height);
        memo.put(v, e);
        return e;
    }

    /** Characters or bytes a value carries itself, property names included. */
    private static long ownChars(AmfValue v) {
        if (v instanceof AmfValue.AmfString s) {
            return s.value().length();
        } else if (v instanceof AmfValue.AmfXml x) {
            return x.xml().length();
        } else if (v instanceof AmfValue.AmfXmlDocument x) {
            return x.xml().length();
        } else if (v instanceof AmfValue.AmfByteArray b) {
            return b.length();
        } else if (v instanceof AmfObject o) {
            return keyChars(o.properties());
        } else if (v instanceof AmfEcmaArray a) {
            return keyChars(a.entries());
        }
        return 0;
    }

    private static long keyChars(Map<String, AmfValue> map) {
        long n = 0;
        for (String k : map.keySet()) {
            n += k.length();
        }
        return n;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /** The values a container holds, in wire order (a dictionary's keys and values alternate). */
    static List<AmfValue> children(AmfValue v) {
        if (v instanceof AmfObject o) {
            return List.copyOf(o.properties().values());
        } else if (v instanceof AmfEcmaArray a) {
            return List.copyOf(a.entries().values());
        } else if (v instanceof AmfStrictArray a) {
            return a.items();
        } else if (v instanceof AmfVector vec) {
            return vec.items();
        } else if (v instanceof AmfDictionary d) {
            List<AmfValue> out = new ArrayList<>(d.entries().size() * 2);
            for (AmfDictionary.Entry e : d.entries()) {
                out.add(e.key());
                out.add(e.value());
            }
            return out;
        }
        return List.of();
    }

    /**
     * Structural equality of two values, as records define it (maps compare as maps, lists in
     * order), without recursion: each distinct pair of values is compared once.
     */
    static boolean equal(AmfValue a, AmfValue b) {
        Deque<AmfValue[]> todo = new ArrayDeque<>();
        IdentityHashMap<AmfValue, IdentityHashMap<AmfValue, Boolean>> seen = new IdentityHashMap<>();
        todo.push(new AmfValue[] {a, b});
        while (!todo.isEmpty()) {
            AmfValue[] pair = todo.pop();
            AmfValue x = pair[0];
            AmfValue y = pair[1];
            if (x == y) {
                continue;
            }
            if (x == null || y == null || x.getClass() != y.getClass()) {
                return false;
            }
            if (seen.computeIfAbsent(x, k -> new IdentityHashMap<>()).put(y, Boolean.TRUE) != null) {
                continue;
            }
            if (!pushChildren(x, y, todo)) {
                return false;
            }
        }
        return true;
    }

    /** Compares what two values of one class hold themselves and queues their children's pairs. */
    private static boolean pushChildren(AmfValue x, AmfValue y, Deque<AmfValue[]> todo) {
        if (x instanceof AmfObject o) {
            AmfObject p = (AmfObject) y;
            return o.className().equals(p.className()) && pushMaps(o.properties(), p.properties(), todo);
        } else if (x instanceof AmfEcmaArray e) {
            return pushMaps(e.entries(), ((AmfEcmaArray) y).entries(), todo);
        } else if (x instanceof AmfStrictArray s) {
            return pushLists(s.items(), ((AmfStrictArray) y).items(), todo);
        } else if (x instanceof AmfVector v) {
            AmfVector w = (AmfVector) y;
            return v.kind() == w.kind() && v.fixed() == w.fixed() && v.typeName().equals(w.typeName())
                    && pushLists(v.items(), w.items(), todo);
        } else if (x instanceof AmfDictionary d) {
            AmfDictionary e = (AmfDictionary) y;
            return d.weakKeys() == e.weakKeys() && pushLists(children(d), children(e), todo);
        }
        return x.equals(y);
    }

    private static boolean pushMaps(Map<String, AmfValue> m, Map<String, AmfValue> n, Deque<AmfValue[]> todo) {
        if (m.size() != n.size()) {
            return false;
        }
        for (Map.Entry<String, AmfValue> e : m.entrySet()) {
            AmfValue other = n.get(e.getKey());
            if (other == null) {
                return false;
            }
            todo.push(new AmfValue[] {e.getValue(), other});
        }
        return true;
    }

    private static boolean pushLists(List<AmfValue> l, List<AmfValue> m, Deque<AmfValue[]> todo) {
        if (l.size() != m.size()) {
            return false;
        }
        for (int i = 0; i < l.size(); i++) {
            todo.push(new AmfValue[] {l.get(i), m.get(i)});
        }
        return true;
    }

    /**
     * A hash consistent with {@link #equal}: what each container holds itself (class, class
     * name, size, map keys as a set) and the leaves' own hashes, over the first
     * {@link #HASHED_NODES} values of a depth-first walk. Map values are not descended into,
     * as maps compare regardless of order.
     */
    static int hash(AmfValue root) {
        Deque<Iterator<AmfValue>> stack = new ArrayDeque<>();
        int h = shallowHash(root);
        stack.push(listed(root).iterator());
        int visited = 1;
        while (!stack.isEmpty() && visited < HASHED_NODES) {
            Iterator<AmfValue> it = stack.peek();
            if (!it.hasNext()) {
                stack.pop();
                continue;
            }
            AmfValue v = it.next();
            h = 31 * h + shallowHash(v);
            visited++;
            stack.push(listed(v).iterator());
        }
        return h;
    }

    /** The children a hash descends into: those of lists, vectors and dictionaries. */
    private static List<AmfValue> listed(AmfValue v) {
        return v instanceof AmfObject || v instanceof AmfEcmaArray ? List.of() : children(v);
    }

    private static int shallowHash(AmfValue v) {
        if (v instanceof AmfObject o) {
            return Objects.hash(AmfObject.class, o.className(), o.properties().keySet());
        } else if (v instanceof AmfEcmaArray e) {
            return Objects.hash(AmfEcmaArray.class, e.entries().keySet());
        } else if (v instanceof AmfStrictArray s) {
            return Objects.hash(AmfStrictArray.class, s.items().size());
        } else if (v instanceof AmfVector vec) {
            return Objects.hash(vec.kind(), vec.fixed(), vec.typeName(), vec.items().size());
        } else if (v instanceof AmfDictionary d) {
            return Objects.hash(AmfDictionary.class, d.weakKeys(), d.entries().size());
        }
        return v.hashCode();
    }

    /**
     * The record-style text of a value, e.g. {@code AmfObject[className=, properties={a=AmfNumber[value=1.0]}]},
     * cut short with "…" after {@link #RENDERED_NODES} values or {@link #RENDERED_CHARS} characters.
     */
    static String render(AmfValue v) {
        StringBuilder out = new StringBuilder();
        render(v, out, new int[] {RENDERED_NODES});
        return out.toString();
    }

    private static void render(AmfValue v, StringBuilder out, int[] budget) {
        if (spent(out, budget)) {
            out.append('…');
            return;
        }
        budget[0]--;
        if (v instanceof AmfObject o) {
            out.append("AmfObject[className=").append(o.className()).append(", properties=");
            renderMap(o.properties(), out, budget);
        } else if (v instanceof AmfEcmaArray e) {
            out.append("AmfEcmaArray[entries=");
            renderMap(e.entries(), out, budget);
        } else if (v instanceof AmfStrictArray s) {
            out.append("AmfStrictArray[items=");
            renderList(s.items(), out, budget);
        } else if (v instanceof AmfVector vec) {
            out.append("AmfVector[kind=").append(vec.kind()).append(", fixed=").append(vec.fixed())
                    .append(", typeName=").append(vec.typeName()).append(", items=");
            renderList(vec.items(), out, budget);
        } else if (v instanceof AmfDictionary d) {
            out.append("AmfDictionary[weakKeys=").append(d.weakKeys()).append(", entries=[");
            String sep = "";
            for (AmfDictionary.Entry e : d.entries()) {
                if (cutShort(out, sep, budget)) {
                    break;
                }
                out.append(sep).append("Entry[key=");
                sep = ", ";
                render(e.key(), out, budget);
                out.append(", value=");
                render(e.value(), out, budget);
                out.append(']');
            }
            out.append(']');
        } else if (v instanceof AmfValue.AmfString str) {
            renderText("AmfString[value=", str.value(), out);
        } else if (v instanceof AmfValue.AmfXml x) {
            renderText("AmfXml[xml=", x.xml(), out);
        } else if (v instanceof AmfValue.AmfXmlDocument x) {
            renderText("AmfXmlDocument[xml=", x.xml(), out);
        } else {
            out.append(v);
            return;
        }
        out.append(']');
    }

    /** A string's record text, cut with "…" where it would pass {@link #RENDERED_CHARS}. */
    private static void renderText(String prefix, String text, StringBuilder out) {
        out.append(prefix);
        int room = Math.max(0, RENDERED_CHARS - out.length());
        if (text.length() <= room) {
            out.append(text);
        } else {
            out.append(text, 0, room).append('…');
        }
    }

    private static boolean spent(StringBuilder out, int[] budget) {
        return budget[0] <= 0 || out.length() >= RENDERED_CHARS;
    }

    private static void renderMap(Map<String, AmfValue> map, StringBuilder out, int[] budget) {
        out.append('{');
        String sep = "";
        for (Map.Entry<String, AmfValue> e : map.entrySet()) {
            if (cutShort(out, sep, budget)) {
                break;
            }
            out.append(sep).append(e.getKey()).append('=');
            sep = ", ";
            render(e.getValue(), out, budget);
        }
        out.append('}');
    }

    private static void renderList(List<AmfValue> list, StringBuilder out, int[] budget) {
        out.append('[');
        String sep = "";
        for (AmfValue item : list) {
            if (cutShort(out, sep, budget)) {
                break;
            }
            out.append(sep);
            sep = ", ";
            render(item, out, budget);
        }
        out.append(']');
    }

    /** With the budget spent, ends a container's members with "…" and says so. */
    private static boolean cutShort(StringBuilder out, String sep, int[] budget) {
        if (!spent(out, budget)) {
            return false;
        }
        out.append(sep).append('…');
        return true;
    }
}
