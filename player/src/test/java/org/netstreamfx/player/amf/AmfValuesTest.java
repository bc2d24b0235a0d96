package org.netstreamfx.player.amf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.netstreamfx.player.amf.Amf0Test.map;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

class AmfValuesTest {

    @Test
    void toJavaGivesPlainValues() throws Exception {
        AmfValue v = new AmfEcmaArray(map(
                "duration", new AmfNumber(12.5), "width", new AmfInteger(640), "stereo", AmfBoolean.TRUE,
                "encoder", new AmfString("Lavf"), "nothing", AmfNull.INSTANCE, "undef", AmfUndefined.INSTANCE,
                "when", new AmfDate(1000), "list", new AmfStrictArray(List.of(new AmfNumber(1))),
                "obj", new AmfObject("T", map("a", new AmfString("b"))),
                "vec", new AmfVector(AmfVectorKind.INT, false, "", List.of(new AmfInteger(3))),
                "dict", new AmfDictionary(false, List.of(new AmfDictionary.Entry(new AmfInteger(7), new AmfString("seven"))))));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("duration", 12.5);
        expected.put("width", 640.0);
        expected.put("stereo", true);
        expected.put("encoder", "Lavf");
        expected.put("nothing", null);
        expected.put("undef", null);
        expected.put("when", Instant.ofEpochSecond(1));
        expected.put("list", List.of(1.0));
        expected.put("obj", Map.of("a", "b"));
        expected.put("vec", List.of(3.0));
        expected.put("dict", Map.of("7", "seven"));
        assertEquals(expected, AmfValues.toJava(v));
        assertEquals(new ArrayList<>(expected.keySet()),
                new ArrayList<>(((Map<?, ?>) AmfValues.toJava(v)).keySet()), "order is kept");
        assertArrayEquals(new byte[] {1}, (byte[]) AmfValues.toJava(new AmfByteArray(new byte[] {1})));
        assertNull(AmfValues.toJava(AmfNull.INSTANCE));
    }

    @Test
    void ofBuildsValues() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", 3);
        m.put("s", "x");
        m.put("b", false);
        m.put("z", null);
        m.put("l", Arrays.asList(1L, null, "y"));
        m.put("t", Instant.ofEpochMilli(5));
        m.put("bytes", new byte[] {9});
        m.put("arr", new Object[] {null});
        AmfValue expected = new AmfObject(map("n", new AmfNumber(3), "s", new AmfString("x"),
                "b", AmfBoolean.FALSE, "z", AmfNull.INSTANCE,
                "l", new AmfStrictArray(List.of(new AmfNumber(1), AmfNull.INSTANCE, new AmfString("y"))),
                "t", new AmfDate(5), "bytes", new AmfByteArray(new byte[] {9}),
                "arr", new AmfStrictArray(List.of(AmfNull.INSTANCE))));
        assertEquals(expected, AmfValues.of(m));
        assertEquals(AmfNull.INSTANCE, AmfValues.of(null));
    }

    @Test
    void ofRejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> AmfValues.of(Map.of(1, "x")));
        assertThrows(IllegalArgumentException.class, () -> AmfValues.of(new Object()));
        List<Object> selfContaining = new ArrayList<>();
        selfContaining.add(selfContaining);
        assertThrows(IllegalArgumentException.class, () -> AmfValues.of(selfContaining));
    }
}
