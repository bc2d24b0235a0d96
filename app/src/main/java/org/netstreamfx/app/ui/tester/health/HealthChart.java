package org.netstreamfx.app.ui.tester.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.netstreamfx.app.ui.tester.CanvasChart;
import org.netstreamfx.app.ui.tester.ChartMark;
import org.netstreamfx.app.ui.tester.MarkLayer;
import org.netstreamfx.player.health.HealthReport;
import org.netstreamfx.player.health.SeriesPoint;
import org.netstreamfx.player.health.TrackSeries;

/**
 * The Health chart, over stream time (from the first second measured, at least
 * {@link #MIN_WINDOW_SECONDS} wide, then the last {@link #WINDOW_SECONDS}): the measured bit rate of
 * each second, video (blue) and audio (orange), against what onMetaData declares (dashed, same
 * colours); a bar at each keyframe as high as the interval that ended there (violet, right-hand
 * scale); and each finding raised, marked on the timeline as the buffer chart marks NetStatus
 * events ({@link MarkLayer}), amber for a warning, red for an error, blue for info. A finding
 * chosen in the list is a white band at its time. Everything drawn comes from the engine's
 * {@link HealthReport} ({@link TrackSeries}); FX thread only.
 */
public final class HealthChart extends CanvasChart {
    /** The colours of the video and audio series, the keyframe bars, the axis labels and the legend's text. */
    private static final Color VIDEO = Color.web("#4dabf7");
    private static final Color AUDIO = Color.web("#ff922b");
    private static final Color KEYFRAME = Color.web("#b197fc");
    private static final Color TEXT = Color.web("#8b93a1");
    private static final Color LEGEND_TEXT = Color.web("#c9d1d9");
    /** Room around the plot: above, right (the interval scale), below, left (the kbit/s labels). */
    private static final Insets PADDING = new Insets(14, 40, 14, 56);
    /** The legend's box, and how much its 11 px labels take per character and between entries. */
    private static final double LEGEND_WIDTH = 330;
    private static final double LEGEND_HEIGHT = 16;
    private static final double LEGEND_CHAR_PX = 6.2;
    private static final double LEGEND_GAP_PX = 10;
    /** Seconds between time labels on a span of {@link #MIN_WINDOW_SECONDS}, and on a longer one. */
    private static final int[] TICK_STEPS_S = {5, 20};
    /** How many seconds of stream time the chart shows, ending at the newest second. */
    public static final double WINDOW_SECONDS = 120;
    /** The chart spans at least this many seconds, from the first one measured. */
    public static final double MIN_WINDOW_SECONDS = 30;
    /** The kbit/s axis reaches at least this far, the keyframe interval axis this many seconds. */
    private static final double MIN_KBPS_AXIS = 100;
    private static final double MIN_INTERVAL_AXIS = 2;
    /** The legend's font. */
    private static final Font LEGEND_FONT = Font.font(11);
    /** Keyframe bars take at most this share of the plot's height. */
    private static final double BAR_SHARE = 0.45;
    /** The chart's preferred height. */
    private static final double PREF_HEIGHT = 220;

    private final List<FindingRow> findings;
    private HealthReport report;
    private final ReadOnlyDoubleWrapper selected = new ReadOnlyDoubleWrapper(this, "selected", Double.NaN);

    public HealthChart(ObservableList<FindingRow> findings) {
        super("health-chart", PREF_HEIGHT, PADDING.getLeft() + PADDING.getRight() + PADDING.getTop(),
                PADDING.getTop() + PADDING.getBottom() + PADDING.getTop());
        this.findings = findings;
        findings.addListener((ListChangeListener<FindingRow>) c -> draw());
    }

    /** Draws {@code r} (null: nothing measured yet). */
    public void show(HealthReport r) {
        report = r;
        draw();
    }

    /** Marks stream time {@code timeS} as chosen (NaN: none). */
    public void select(double timeS) {
        selected.set(timeS);
        draw();
    }

    /** The stream time chosen, NaN when none. */
    public ReadOnlyDoubleProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The finding marks the chart draws: every raised finding (a clear is listed, not marked), oldest first. */
    public List<ChartMark> marks() {
        List<ChartMark> marks = new ArrayList<>();
        for (int i = findings.size() - 1; i >= 0; i--) {
            FindingRow f = findings.get(i);
            if (!f.cleared()) {
                marks.add(new ChartMark(f.timeS(), f.code()));
            }
        }
        return marks;
    }

    @Override
    protected void plot(GraphicsContext g, double w, double h) {
        List<TrackSeries> series = report == null ? List.of() : report.series();
        double first = Double.MAX_VALUE;
        double end = 0;
        double maxKbps = 0;
        double maxInterval = 0;
        for (TrackSeries s : series) {
            for (SeriesPoint p : s.kbps()) {
                first = Math.min(first, p.timeS());
                end = Math.max(end, p.timeS() + 1);
            }
        }
        // From the first second measured, growing to WINDOW_SECONDS, then the last WINDOW_SECONDS.
        double span = first > end ? MIN_WINDOW_SECONDS
                : Math.min(WINDOW_SECONDS, Math.max(MIN_WINDOW_SECONDS, end - first));
        double start = first > end ? 0 : Math.max(first, end - span);
        for (TrackSeries s : series) {
            maxKbps = Math.max(maxKbps, s.declaredKbps());
            for (SeriesPoint p : s.kbps()) {
                maxKbps = p.timeS() >= start ? Math.max(maxKbps, p.value()) : maxKbps;
            }
            for (SeriesPoint p : s.keyframes()) {
                maxInterval = p.timeS() >= start ? Math.max(maxInterval, p.value()) : maxInterval;
            }
        }
        List<Double> kbpsTicks = MarkLayer.ticks(maxKbps, MIN_KBPS_AXIS);
        List<Double> intervalTicks = MarkLayer.ticks(maxInterval, MIN_INTERVAL_AXIS);
        Plot p = new Plot(PADDING.getLeft(), PADDING.getTop(), w - PADDING.getLeft() - PADDING.getRight(),
                h - PADDING.getTop() - PADDING.getBottom(), start, span,
                kbpsTicks.get(kbpsTicks.size() - 1), intervalTicks.get(intervalTicks.size() - 1));
        axes(g, p, kbpsTicks);
        selection(g, p);
        for (TrackSeries s : series) {
            keyframes(g, p, s);
        }
        for (TrackSeries s : series) {
            rate(g, p, s);
        }
        MarkLayer.Box legend = new MarkLayer.Box(p.left + p.width - LEGEND_WIDTH, p.topY, LEGEND_WIDTH, LEGEND_HEIGHT);
        MarkLayer.draw(g, marks(), p::x, p.left, p.topY, p.height, p.left + p.width, legend, this::colourOf);
        legend(g, legend);
    }

    private void axes(GraphicsContext g, Plot p, List<Double> ticks) {
        g.setFont(Font.font(10));
        g.setLineWidth(1);
        g.setLineDashes();
        for (double v : ticks) {
            double y = p.kbpsY(v);
            g.setStroke(Color.web("#2a2f37"));
            g.strokeLine(p.left, y, p.left + p.width, y);
            g.setFill(TEXT);
            g.fillText(String.format(Locale.ROOT, "%.0f kb/s", v), 2, y + 3);
        }
        g.setFill(KEYFRAME);
        g.fillText(String.format(Locale.ROOT, "%.0f s", p.intervalTop), p.left + p.width + 4,
                p.topY + p.height * (1 - BAR_SHARE) + 3);
        g.fillText("0 s", p.left + p.width + 4, p.topY + p.height + 3);
        g.setFill(TEXT);
        int step = p.span > MIN_WINDOW_SECONDS ? TICK_STEPS_S[1] : TICK_STEPS_S[0];
        for (int s = (int) Math.ceil(p.start / step) * step; s <= p.start + p.span; s += step) {
            g.fillText(s + " s", p.x(s) - 8, p.topY + p.height + 12);
        }
    }

    private void selection(GraphicsContext g, Plot p) {
        double t = selected.get();
        if (!Double.isNaN(t) && t >= p.start) {
            g.setFill(Color.web("#ffffff", 0.16));
            g.fillRect(p.x(t) - 4, p.topY, 8, p.height);
        }
    }

    private void keyframes(GraphicsContext g, Plot p, TrackSeries s) {
        g.setFill(KEYFRAME);
        for (SeriesPoint k : s.keyframes()) {
            if (k.timeS() >= p.start) {
                double top = p.intervalY(k.value());
                g.fillRect(p.x(k.timeS()) - 1.5, top, 3, p.topY + p.height - top);
            }
        }
    }

    private void rate(GraphicsContext g, Plot p, TrackSeries s) {
        Color c = s.video() ? VIDEO : AUDIO;
        g.setStroke(c);
        g.setLineWidth(2);
        if (s.declaredKbps() > 0) {
            g.setLineDashes(6, 4);
            double y = p.kbpsY(s.declaredKbps());
            g.strokeLine(p.left, y, p.left + p.width, y);
            g.setLineDashes();
        }
        g.beginPath();
        boolean first = true;
        for (SeriesPoint pt : s.kbps()) {
            if (pt.timeS() >= p.start) {
                // Each second's rate is drawn at its middle.
                double x = p.x(pt.timeS() + 0.5);
                if (first) {
                    g.moveTo(x, p.kbpsY(pt.value()));
                    first = false;
                } else {
                    g.lineTo(x, p.kbpsY(pt.value()));
                }
            }
        }
        g.stroke();
    }

    private void legend(GraphicsContext g, MarkLayer.Box box) {
        double y = box.y() + 1;
        g.setFont(LEGEND_FONT);
        g.setLineWidth(2);
        double x = legendEntry(g, box.x() + 4, y, VIDEO, false, "video");
        x = legendEntry(g, x, y, AUDIO, false, "audio");
        x = legendEntry(g, x, y, LEGEND_TEXT, true, "declared");
        g.setFill(KEYFRAME);
        g.fillRect(x, y + 1, 3, 11);
        g.setFill(LEGEND_TEXT);
        g.fillText("keyframe interval", x + 8, y + 10);
    }

    /** A line (dashed or not) in {@code c} and its label from {@code x}; returns where the next entry starts. */
    private static double legendEntry(GraphicsContext g, double x, double y, Color c, boolean dashed, String label) {
        g.setStroke(c);
        if (dashed) {
            g.setLineDashes(6, 4);
        }
        g.strokeLine(x, y + 6, x + 16, y + 6);
        g.setLineDashes();
        g.setFill(LEGEND_TEXT);
        g.fillText(label, x + 20, y + 10);
        return x + 20 + label.length() * LEGEND_CHAR_PX + LEGEND_GAP_PX;
    }

    private Color colourOf(ChartMark m) {
        for (FindingRow f : findings) {
            if (f.timeS() == m.t() && f.code().equals(m.code())) {
                return switch (f.severity()) {
                    case "error" -> Color.web("#ff6b6b");
                    case "warning" -> Color.web("#f0b429");
                    default -> Color.web("#74c0fc");
                };
            }
        }
        return TEXT;
    }

    /** Where the plot is and what it shows. */
    private record Plot(double left, double topY, double width, double height, double start, double span,
                        double kbpsTop,
                        double intervalTop) {
        double x(double t) {
            double share = (t - start) / span;
            return left + share * width;
        }

        double kbpsY(double kbps) {
            double share = Math.min(kbps, kbpsTop) / kbpsTop;
            return topY + height * (1 - share);
        }

        double intervalY(double s) {
            return topY + height - Math.min(s, intervalTop) / intervalTop * height * BAR_SHARE;
        }
    }
}
