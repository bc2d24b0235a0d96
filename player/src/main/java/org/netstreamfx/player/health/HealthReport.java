package org.netstreamfx.player.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the analysis found so far: the profile, the stream time covered, a figure table per track,
 * the stream-wide timing figures, every finding raised or cleared (the last
 * {@link FindingBook#MAX_HISTORY}) and those still raised.
 *
 * @param profile   the profile's name
 * @param coveredS  stream seconds seen (last decode time minus first)
 * @param tracks    per track: its figures as plain values (see TrackStats)
 * @param timing    stream-wide: maxInterleaveSkewS, jitterMs and ingestRate (live), live
 * @param delivery  how it reached the viewer (a playing NetStream): bufferEmptyCount, stallS,
 *                  timeToFirstFrameMs, liveLatencyS (live), reconnects
 * @param findings  raised and cleared, in order
 * @param active    the findings raised and not cleared
 * @param series    per track: bit rate per second and keyframes over the timeline, for charts (not in
 *                  {@link #toMap()}: the JSON report stays a summary)
 */
public record HealthReport(String profile, double coveredS, List<Map<String, Object>> tracks,
                           Map<String, Object> timing, Map<String, Object> delivery, List<Finding> findings,
                           List<Finding> active, List<TrackSeries> series) {
    public HealthReport {
        series = List.copyOf(series);
        tracks = List.copyOf(tracks);
        timing = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(timing));
        delivery = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(delivery));
        findings = List.copyOf(findings);
        active = List.copyOf(active);
    }

    /** This report with {@code newTiming} in place of its timing figures (a publisher adds its encoder lag). */
    public HealthReport withTiming(Map<String, Object> newTiming) {
        return new HealthReport(profile, coveredS, tracks, newTiming, delivery, findings, active, series);
    }

    /** Whether any error-level finding was raised (cleared or not). */
    public boolean hasError() {
        return findings.stream().anyMatch(f -> !f.cleared() && f.severity() == Severity.ERROR);
    }

    /** The rules raised at least once. */
    public java.util.Set<Rule> raisedRules() {
        java.util.Set<Rule> s = java.util.EnumSet.noneOf(Rule.class);
        findings.stream().filter(f -> !f.cleared()).forEach(f -> s.add(f.rule()));
        return s;
    }

    /** The whole report as plain values: one JSON document. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("profile", profile);
        m.put("coveredS", TrackStats.round(coveredS));
        m.put("tracks", tracks);
        m.put("timing", timing);
        m.put("delivery", delivery);
        List<Map<String, Object>> list = new ArrayList<>();
        findings.forEach(f -> list.add(f.eventDetails()));
        m.put("findings", list);
        m.put("active", active.stream().map(f -> f.rule().ruleName()).toList());
        m.put("errors", hasError());
        return m;
    }
}
