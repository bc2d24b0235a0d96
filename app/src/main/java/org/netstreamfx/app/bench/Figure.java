package org.netstreamfx.app.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One measured figure: every run's value, and their median, minimum and maximum.
 *
 * @param name dotted name, for example {@code decode.engine.fps}
 * @param unit the unit of every value
 * @param runs the values of the runs, in the order measured (at least one)
 */
public record Figure(String name, String unit, List<Double> runs) {

    public Figure {
        if (runs == null || runs.isEmpty()) {
            throw new IllegalArgumentException("figure " + name + " has no runs");
        }
        runs = List.copyOf(runs);
    }

    public double median() {
        List<Double> s = new ArrayList<>(runs);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    public double min() {
        return runs.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    public double max() {
        return runs.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }
}
