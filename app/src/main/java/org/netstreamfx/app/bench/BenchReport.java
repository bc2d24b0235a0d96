package org.netstreamfx.app.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of one benchmark run, printed as a table and written as JSON. */
public final class BenchReport {
    /** The measurements not implemented by this command, with the reason. */
    public static final Map<String, String> NOT_MEASURED = Map.of();

    private final BenchConfig config;
    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, Object> notes = new LinkedHashMap<>();

    BenchReport(BenchConfig config) {
        this.config = config;
    }

    void add(String name, String unit, List<Double> runs) {
        figures.add(new Figure(name, unit, runs));
    }

    void note(String key, Object value) {
        notes.put(key, value);
    }

    public List<Figure> figures() {
        return List.copyOf(figures);
    }

    /** The JSON document: machine, mode, every figure with its runs, notes, what is not measured. */
    public Map<String, Object> toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("mode", config.mode());
        root.put("runsPerMeasurement", config.runs());
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("maxHeapMB", Runtime.getRuntime().maxMemory() / (1 << 20));
        root.put("machine", machine);
        Map<String, Object> figs = new LinkedHashMap<>();
        for (Figure f : figures) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("unit", f.unit());
            m.put("median", f.median());
            m.put("min", f.min());
            m.put("max", f.max());
            m.put("runs", f.runs());
            figs.put(f.name(), m);
        }
        root.put("figures", figs);
        root.put("notes", notes);
        root.put("notMeasured", new LinkedHashMap<>(new java.util.TreeMap<>(NOT_MEASURED)));
        return root;
    }

    public void printTable(PrintStream out) {
        out.printf(Locale.ROOT, "%-36s %-10s %12s %25s%n", "figure", "unit", "median", "min – max");
        for (Figure f : figures) {
            out.printf(Locale.ROOT, "%-36s %-10s %12s %25s%n", f.name(), f.unit(), fmt(f.median()),
                    fmt(f.min()) + " – " + fmt(f.max()));
        }
        for (Map.Entry<String, Object> n : notes.entrySet()) {
            out.println("note " + n.getKey() + ": " + n.getValue());
        }
        new java.util.TreeMap<>(NOT_MEASURED).forEach((k, v) -> out.println("NOT MEASURED " + k + ": " + v));
    }

    private static String fmt(double v) {
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 100 ? "%.1f" : a >= 1 ? "%.2f" : "%.4f", v);
    }
}
