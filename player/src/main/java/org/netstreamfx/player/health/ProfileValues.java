package org.netstreamfx.player.health;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks and converts one value of a user's profile file to the type of the {@link Profile} field
 * it sets, with a sentence naming the key when it is wrong: numbers at least 0, severities by name
 * (or null to turn a rule off), arrays of strings or whole numbers, per-resolution limits as
 * objects {@code {"minHeight":1080,"minFps":50,"maxKbps":10000}}.
 */
final class ProfileValues {
    private ProfileValues() {
    }

    static Object convert(String key, Object current, Object value) {
        if (current instanceof String) {
            if (!(value instanceof String s) || s.isBlank()) {
                throw new IllegalArgumentException("\"" + key + "\" must be a non-empty string, not " + value);
            }
            return s;
        }
        if (current instanceof Double) {
            return number(key, value);
        }
        if (current instanceof Integer) {
            double d = number(key, value);
            if (d != Math.rint(d)) {
                throw new IllegalArgumentException("\"" + key + "\" must be a whole number, not " + value);
            }
            return (int) d;
        }
        if (current instanceof List<?>) {
            return limits(key, value);
        }
        if (current instanceof Set<?> set) {
            return strings(key, value, isIntegerSet(key));
        }
        // A severity, or null for a rule that is off.
        if (value == null) {
            return null;
        }
        return Severity.fromWireName(String.valueOf(value)).orElseThrow(() -> new IllegalArgumentException(
                "\"" + key + "\" must be \"info\", \"warning\", \"error\" or null (off), not " + value));
    }

    private static boolean isIntegerSet(String key) {
        return key.equals("sampleRatesHz");
    }

    private static double number(String key, Object value) {
        if (!(value instanceof Number n) || !(n.doubleValue() >= 0) || Double.isInfinite(n.doubleValue())) {
            throw new IllegalArgumentException("\"" + key + "\" must be a number, 0 or more, not " + value);
        }
        return n.doubleValue();
    }

    private static Set<Object> strings(String key, Object value, boolean integers) {
        Set<Object> out = new LinkedHashSet<>();
        for (Object o : Profiles.elements(key, value)) {
            if (integers) {
                double d = number(key, o);
                if (d != Math.rint(d) || d <= 0) {
                    throw new IllegalArgumentException("\"" + key + "\" must list whole numbers above 0, not " + o);
                }
                out.add((int) d);
            } else if (o instanceof String s) {
                out.add(s);
            } else {
                throw new IllegalArgumentException("\"" + key + "\" must list strings, not " + o);
            }
        }
        return out;
    }

    private static List<BitrateLimit> limits(String key, Object value) {
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("\"" + key + "\" must be an array, not " + value);
        }
        List<BitrateLimit> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m) || !m.keySet().equals(Set.of("minHeight", "minFps", "maxKbps"))) {
                throw new IllegalArgumentException("\"" + key + "\" must list objects with minHeight, minFps and "
                        + "maxKbps, not " + o);
            }
            out.add(new BitrateLimit((int) number(key, m.get("minHeight")), number(key, m.get("minFps")),
                    number(key, m.get("maxKbps"))));
        }
        return out;
    }
}
