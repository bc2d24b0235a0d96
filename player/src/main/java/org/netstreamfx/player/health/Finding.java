package org.netstreamfx.player.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A rule's condition raised, or cleared after it had been gone for the profile's clear time.
 *
 * @param rule        the rule
 * @param severity    how bad (the severity it was raised with, for a clear too)
 * @param cleared     true when this reports the condition gone
 * @param atUs        where on the stream's timeline (decode time, microseconds)
 * @param threshold   the named threshold the rule compares with ("maxKeyframeIntervalS")
 * @param limit       the threshold's value in the profile
 * @param measured    what was measured, in the threshold's unit
 * @param message     what is wrong, for people ("keyframe interval 8.0 s")
 * @param advice      what to change ("set your encoder's keyframe interval to 2 s"), or ""
 * @param details     further figures (track, times), plain values
 */
public record Finding(Rule rule, Severity severity, boolean cleared, long atUs, String threshold, double limit,
                      double measured, String message, String advice, Map<String, Object> details) {
    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        advice = advice == null ? "" : advice;
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details == null ? Map.of() : details));
    }

    /** This finding's clear at {@code whenUs}. */
    Finding clearedAt(long whenUs) {
        return new Finding(rule, severity, true, whenUs, threshold, limit, measured, message, advice, details);
    }

    /** The details of its NetStatus event: rule, severity, threshold, limit, measured, time, advice, cleared and the rest. */
    public Map<String, Object> eventDetails() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", rule.ruleName());
        m.put("severity", severity.wireName());
        m.put("threshold", threshold);
        m.put("limit", limit);
        m.put("measured", measured);
        m.put("time", atUs / 1e6);
        m.put("message", message);
        m.put("advice", advice);
        m.put("cleared", cleared);
        m.putAll(details);
        return m;
    }
}
