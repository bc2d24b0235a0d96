package org.netstreamfx.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JsonText writes what Jackson's ObjectMapper, as EventLines configured it before, writes. */
class JsonTextTest {
    private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private final JsonText json = new JsonText();

    record Point(int x, String label) {
    }

    enum Kind { AUDIO }

    private void same(Object value) throws JsonProcessingException {
        assertEquals(MAPPER.writeValueAsString(value), json.write(value), String.valueOf(value));
    }

    @Test
    void plainValuesAsObjectMapperWritesThem() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", "NetStream.Play.Start");
        m.put("text", "quote \" backslash \\ tab \t newline \n é 🎬 \u0001");
        m.put("int", 42);
        m.put("long", 1L << 40);
        m.put("short", (short) -7);
        m.put("byte", (byte) 3);
        m.put("double", 0.1 + 0.2);
        m.put("whole double", 25.0);
        m.put("float", 1.5f);
        m.put("nan", Double.NaN);
        m.put("infinity", Float.NEGATIVE_INFINITY);
        m.put("big", new BigInteger("123456789012345678901234567890"));
        m.put("decimal", new BigDecimal("1.2300"));
        m.put("yes", true);
        m.put("none", null);
        m.put("list", Arrays.asList(1, "two", null, List.of(), Map.of()));
        m.put("nested", Map.of("a", List.of(Map.of("b", false))));
        same(m);
        same("just text");
        same(null);
        same(List.of(1.0e-7, 1.0e21, -0.0));
        Map<Object, Object> otherKeys = new LinkedHashMap<>();
        otherKeys.put(7, "int key");
        otherKeys.put(Kind.AUDIO, "enum key");
        same(otherKeys);
    }

    @Test
    void otherValuesGoThroughTheMapper() throws Exception {
        same(new Point(3, "p"));
        same(Map.of("point", new Point(1, "q"), "kind", Kind.AUDIO, "bytes", new byte[] {1, 2, 3}));
        same(List.of(new Object()));
    }

    @Test
    void aNullKeyFailsAsTheMapperDoes() {
        Map<String, Object> m = new HashMap<>();
        m.put(null, 1);
        assertThrows(JsonProcessingException.class, () -> MAPPER.writeValueAsString(m));
        assertThrows(JsonProcessingException.class, () -> json.write(m));
    }

    @Test
    void nestingPastTheLimitIsMarkedNotWalked() throws Exception {
        List<Object> deep = new ArrayList<>();
        List<Object> at = deep;
        for (int i = 0; i < 10_000; i++) {
            List<Object> next = new ArrayList<>();
            at.add(next);
            at = next;
        }
        String text = json.write(deep);
        assertEquals(JsonText.MAX_DEPTH + 1, text.chars().filter(c -> c == '[').count());
        assertEquals(true, text.contains("\"" + EventLines.TOO_DEEP + "\""));
    }
}
