package org.netstreamfx.app.session;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * JSON text of the values events carry: maps, lists, text, numbers, booleans and null go through
 * jackson-core's streaming generator; any other value through a Jackson {@code ObjectMapper}, made
 * the first time one is met. The text is what the ObjectMapper alone would write (the same
 * generator and number forms), but a command that prints only plain values never starts Jackson's
 * data binding: its ~470 classes took 100-250 ms of a cold {@code nsfx probe} or {@code nsfx play}
 * before the first line (docs/PERFORMANCE.md, "Startup").
 *
 * <p>Thread-safe: the factory and the mapper are; each call has its own generator.
 */
final class JsonText {
    /** Values nested deeper than this are written as {@link EventLines#TOO_DEEP}. */
    static final int MAX_DEPTH = EventLines.MAX_DEPTH;

    private final JsonFactory factory = new JsonFactory();

    /** The value as JSON; a value that cannot be written throws, as ObjectMapper does. */
    String write(Object value) throws JsonProcessingException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = factory.createGenerator(out)) {
            write(g, value, 0);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, Object v, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            g.writeString(EventLines.TOO_DEEP);
        } else if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).intValue());
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof Float f) {
            g.writeNumber(f);
        } else if (v instanceof BigInteger i) {
            g.writeNumber(i);
        } else if (v instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (v instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (e.getKey() == null) {
                    throw new JsonGenerationException("Null key for a Map not allowed in JSON", g);
                }
                g.writeFieldName(e.getKey().toString());
                write(g, e.getValue(), depth + 1);
            }
            g.writeEndObject();
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                write(g, item, depth + 1);
            }
            g.writeEndArray();
        } else {
            g.writeRawValue(Mapper.MAPPER.writeValueAsString(v));
        }
    }

    /** Jackson's data binding, loaded with the first value that needs it. */
    private static final class Mapper {
        static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }
}
