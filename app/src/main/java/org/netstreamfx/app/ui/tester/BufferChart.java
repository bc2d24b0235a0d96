package org.netstreamfx.app.ui.tester;

import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * A live chart of bufferLength (filled, green) against bufferTime (dashed, amber) over the last
 * {@link #WINDOW_SECONDS} seconds, with Buffer.Empty (red), Buffer.Full (green), Buffer.Flush
 * (blue) and seeks (violet) as labelled vertical lines. Drawn on a canvas, redrawn when a point
 * or mark arrives. FX thread only.
 */
public final class BufferChart extends CanvasChart {
    /** How many seconds the chart shows, ending at the newest point. */
    public static final double WINDOW_SECONDS = 60;
    private static final double PAD_LEFT = 40;
    private static final double PAD = 14;
    private static final double PREF_HEIGHT = 200;
    /** The y axis reaches at least this many seconds. */
    private static final double MIN_AXIS_S = 0.5;
    private static final double LEGEND_WIDTH = 204;
    private static final double LEGEND_HEIGHT = 16;

    private final List<ChartPoint> points;
    private final List<ChartMark> marks;

    public BufferChart(ObservableList<ChartPoint> points, ObservableList<ChartMark> marks) {
        super("buffer-chart", PREF_HEIGHT, PAD_LEFT + 2 * PAD, 3 * PAD);
        this.points = points;
        this.marks = marks;
        points.addListener((ListChangeListener<ChartPoint>) c -> draw());
        marks.addListener((ListChangeListener<ChartMark>) c -> draw());
    }

    @Override
    protected void plot(GraphicsContext g, double w, double h) {
        double end = points.isEmpty() ? WINDOW_SECONDS : Math.max(WINDOW_SECONDS, points.get(points.size() - 1).t());
        double start = end - WINDOW_SECONDS;
        double max = 0;
        for (ChartPoint p : points) {
            if (p.t() >= start) {
                max = Math.max(max, Math.max(p.bufferLength(), p.bufferTime()));
            }
        }
        List<Double> ticks = yTicks(max);
        Plot plot = new Plot(PAD_LEFT, PAD, w - PAD_LEFT - PAD, h - 2 * PAD, start, ticks.get(ticks.size() - 1));
        axes(g, plot, ticks);
        marks(g, plot);
        series(g, plot);
        legend(g, plot);
    }

    private void legend(GraphicsContext g, Plot p) {
        MarkLayer.Box box = legendBox(p.left + p.width, p.topY);
        double x = box.x() + 4;
        double y = box.y() + 1;
        g.setFont(Font.font(11));
        g.setLineWidth(2);
        g.setStroke(Color.web("#3ecf8e"));
        g.strokeLine(x, y + 6, x + 18, y + 6);
        g.setFill(Color.web("#c9d1d9"));
        g.fillText("bufferLength", x + 22, y + 10);
        g.setStroke(Color.web("#f0b429"));
        g.setLineDashes(6, 4);
        g.strokeLine(x + 105, y + 6, x + 123, y + 6);
        g.setLineDashes();
        g.fillText("bufferTime", x + 127, y + 10);
    }

    private void axes(GraphicsContext g, Plot p, List<Double> ticks) {
        g.setFont(Font.font(10));
        g.setLineWidth(1);
        g.setLineDashes();
        double step = ticks.size() > 1 ? ticks.get(1) : 1;
        String format = step >= 1 ? "%.0f s" : step >= 0.1 ? "%.1f s" : "%.2f s";
        for (double v : ticks) {
            double y = p.y(v);
            g.setStroke(Color.web("#2a2f37"));
            g.strokeLine(p.left, y, p.left + p.width, y);
            g.setFill(Color.web("#8b93a1"));
            g.fillText(String.format(Locale.ROOT, format, v), 4, y + 3);
        }
        for (int s = (int) Math.ceil(p.start / 10) * 10; s <= p.start + WINDOW_SECONDS; s += 10) {
            double x = p.x(s);
            g.setFill(Color.web("#8b93a1"));
            g.fillText(s + " s", x - 8, p.topY + p.height + 12);
        }
    }

    private void marks(GraphicsContext g, Plot p) {
        MarkLayer.draw(g, marks, p::x, p.left, p.topY, p.height, p.left + p.width, legendBox(p.left + p.width, p.topY),
                m -> colourOf(m.code()));
    }

    private void series(GraphicsContext g, Plot p) {
        if (points.isEmpty()) {
            return;
        }
        g.setLineWidth(2);
        g.setStroke(Color.web("#f0b429"));
        g.setLineDashes(6, 4);
        g.beginPath();
        boolean first = true;
        for (ChartPoint pt : points) {
            if (pt.t() >= p.start) {
                if (first) {
                    g.moveTo(p.x(pt.t()), p.y(pt.bufferTime()));
                    first = false;
                } else {
                    g.lineTo(p.x(pt.t()), p.y(pt.bufferTime()));
                }
            }
        }
        g.stroke();
        g.setLineDashes();
        g.setStroke(Color.web("#3ecf8e"));
        g.setFill(Color.web("#3ecf8e", 0.18));
        g.beginPath();
        first = true;
        double lastX = p.left;
        double firstX = p.left;
        for (ChartPoint pt : points) {
            if (pt.t() >= p.start) {
                double x = p.x(pt.t());
                if (first) {
                    g.moveTo(x, p.y(pt.bufferLength()));
                    firstX = x;
                    first = false;
                } else {
                    g.lineTo(x, p.y(pt.bufferLength()));
                }
                lastX = x;
            }
        }
        g.stroke();
        g.lineTo(lastX, p.y(0));
        g.lineTo(firstX, p.y(0));
        g.closePath();
        g.fill();
    }

    /**
     * The y-axis ticks, from 0 up, for data peaking at {@code max} (see {@link MarkLayer#ticks}; at
     * least 0.5 s, so an empty buffer still has an axis).
     */
    static List<Double> yTicks(double max) {
        return MarkLayer.ticks(max, MIN_AXIS_S);
    }

    /**
     * Where each mark's label goes, or null where it is not shown (see {@link MarkLayer#placeLabels}):
     * off the legend's box ({@link #legendBox}).
     */
    static List<MarkLayer.Box> placeLabels(List<Double> xs, List<Double> widths, double top, double right,
                                           double lineHeight) {
        return MarkLayer.placeLabels(xs, widths, top, right, lineHeight, legendBox(right, top));
    }

    /** The legend's box in a plot whose right edge is {@code right} and top {@code top}. */
    static MarkLayer.Box legendBox(double right, double top) {
        return new MarkLayer.Box(right - LEGEND_WIDTH, top, LEGEND_WIDTH, LEGEND_HEIGHT);
    }

    private static Color colourOf(String code) {
        if (code.endsWith("Buffer.Empty")) {
            return Color.web("#ff6b6b");
        }
        if (code.endsWith("Buffer.Full")) {
            return Color.web("#3ecf8e");
        }
        if (code.endsWith("Buffer.Flush")) {
            return Color.web("#4dabf7");
        }
        return Color.web("#b197fc");
    }

    /** Where the plot is and what it shows. */
    private record Plot(double left, double topY, double width, double height, double start, double top) {
        double x(double t) {
            return left + (t - start) / WINDOW_SECONDS * width;
        }

        double y(double v) {
            return topY + height - Math.min(v, top) / top * height;
        }
    }
}
