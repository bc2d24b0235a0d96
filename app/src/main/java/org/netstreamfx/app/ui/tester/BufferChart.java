package org.netstreamfx.app.ui.tester;

import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * A live chart of bufferLength (filled, green) against bufferTime (dashed, amber) over the last
 * {@link #WINDOW_SECONDS} seconds, with Buffer.Empty (red), Buffer.Full (green), Buffer.Flush
 * (blue) and seeks (violet) as labelled vertical lines. Drawn on a canvas, redrawn when a point
 * or mark arrives. FX thread only.
 */
public final class BufferChart extends Region {
    /** How many seconds the chart shows, ending at the newest point. */
    public static final double WINDOW_SECONDS = 60;
    private static final double PAD_LEFT = 40;
    private static final double PAD = 14;
    /** Rows of mark labels at the top of the plot. */
    static final int LABEL_ROWS = 3;
    private static final double LABEL_LINE = 12;
    private static final double LEGEND_WIDTH = 204;
    private static final double LEGEND_HEIGHT = 16;

    private final Canvas canvas = new Canvas();
    private final List<ChartPoint> points;
    private final List<ChartMark> marks;

    public BufferChart(ObservableList<ChartPoint> points, ObservableList<ChartMark> marks) {
        this.points = points;
        this.marks = marks;
        getStyleClass().add("buffer-chart");
        getChildren().add(canvas);
        setMinHeight(120);
        setPrefHeight(200);
        points.addListener((ListChangeListener<ChartPoint>) c -> draw());
        marks.addListener((ListChangeListener<ChartMark>) c -> draw());
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.web("#15181d"));
        g.fillRect(0, 0, w, h);
        if (w < PAD_LEFT + 2 * PAD || h < 3 * PAD) {
            return;
        }
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
        Box box = legendBox(p.left + p.width, p.topY);
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
        Font font = Font.font(10);
        g.setFont(font);
        g.setLineWidth(1.5);
        List<ChartMark> shown = marks.stream().filter(m -> m.t() >= p.start).toList();
        List<Double> xs = shown.stream().map(m -> p.x(m.t())).toList();
        javafx.scene.text.Text measure = new javafx.scene.text.Text();
        measure.setFont(font);
        List<Double> widths = shown.stream().map(m -> {
            measure.setText(m.label());
            return measure.getLayoutBounds().getWidth();
        }).toList();
        List<Box> boxes = placeLabels(xs, widths, p.topY, p.left + p.width, LABEL_LINE);
        for (int i = 0; i < shown.size(); i++) {
            double x = xs.get(i);
            Color c = colourOf(shown.get(i).code());
            g.setStroke(c);
            g.setLineDashes(3, 3);
            g.strokeLine(x, p.topY, x, p.topY + p.height);
            Box b = boxes.get(i);
            if (b != null) {
                g.setFill(c);
                g.fillText(shown.get(i).label(), b.x(), b.y() + b.height() - 2);
            }
        }
        g.setLineDashes();
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
     * The y-axis ticks, from 0 up, for data peaking at {@code max}: a step of 1, 2 or 5 times a
     * power of ten, chosen so that the axis has two to five intervals, and a top that is the first
     * step at or above {@code max} plus 10% headroom (at least 0.5 s, so an empty buffer still has
     * an axis).
     */
    static List<Double> yTicks(double max) {
        double m = Math.max(0.5, max * 1.1);
        double raw = m / 4;
        double exp = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = 10 * exp;
        for (double f : new double[] {1, 2, 5, 10}) {
            if (f * exp >= raw - 1e-12) {
                step = f * exp;
                break;
            }
        }
        int n = (int) Math.ceil(m / step - 1e-9);
        List<Double> ticks = new java.util.ArrayList<>();
        for (int i = 0; i <= n; i++) {
            ticks.add(Math.round(i * step / exp * 1e6) / 1e6 * exp);
        }
        return ticks;
    }

    /** A label's rectangle on the canvas. */
    record Box(double x, double y, double width, double height) {
        boolean overlaps(Box o) {
            return x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height;
        }
    }

    /**
     * Where each mark's label goes, or null where it is not shown. {@code xs} are the marks' lines,
     * oldest first, {@code widths} their labels' widths. A label sits right of its line on the first
     * of {@link #LABEL_ROWS} rows where it overlaps neither a label already placed nor the legend
     * (the legend's box is {@link #legendBox}); newer marks are placed first, so when labels are too
     * close for any row the oldest are the ones left out. A label that would run past {@code right}
     * sits left of its line instead.
     */
    static List<Box> placeLabels(List<Double> xs, List<Double> widths, double top, double right, double lineHeight) {
        Box legend = legendBox(right, top);
        Box[] placed = new Box[xs.size()];
        List<Box> taken = new java.util.ArrayList<>();
        taken.add(legend);
        for (int i = xs.size() - 1; i >= 0; i--) {
            double w = widths.get(i);
            double x = xs.get(i) + 3;
            if (x + w > right) {
                x = xs.get(i) - 3 - w;
            }
            for (int row = 0; row < LABEL_ROWS && placed[i] == null; row++) {
                Box b = new Box(x, top + row * lineHeight, w, lineHeight);
                if (taken.stream().noneMatch(b::overlaps)) {
                    placed[i] = b;
                    taken.add(b);
                }
            }
        }
        return java.util.Arrays.asList(placed);
    }

    /** The legend's box in a plot whose right edge is {@code right} and top {@code top}. */
    static Box legendBox(double right, double top) {
        return new Box(right - LEGEND_WIDTH, top, LEGEND_WIDTH, LEGEND_HEIGHT);
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
