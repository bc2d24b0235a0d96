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
        double top = 0.5;
        for (ChartPoint p : points) {
            if (p.t() >= start) {
                top = Math.max(top, Math.max(p.bufferLength(), p.bufferTime()));
            }
        }
        top = Math.ceil(top * 1.15 * 2) / 2;
        Plot plot = new Plot(PAD_LEFT, PAD, w - PAD_LEFT - PAD, h - 2 * PAD, start, top);
        axes(g, plot);
        marks(g, plot);
        series(g, plot);
        legend(g, plot);
    }

    private void legend(GraphicsContext g, Plot p) {
        double x = p.left + p.width - 200;
        double y = p.topY + 4;
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

    private void axes(GraphicsContext g, Plot p) {
        g.setFont(Font.font(10));
        g.setLineWidth(1);
        g.setLineDashes();
        for (int i = 0; i <= 4; i++) {
            double v = p.top * i / 4;
            double y = p.y(v);
            g.setStroke(Color.web("#2a2f37"));
            g.strokeLine(p.left, y, p.left + p.width, y);
            g.setFill(Color.web("#8b93a1"));
            g.fillText(String.format(Locale.ROOT, "%.1f s", v), 4, y + 3);
        }
        for (int s = (int) Math.ceil(p.start / 10) * 10; s <= p.start + WINDOW_SECONDS; s += 10) {
            double x = p.x(s);
            g.setFill(Color.web("#8b93a1"));
            g.fillText(s + " s", x - 8, p.topY + p.height + 12);
        }
    }

    private void marks(GraphicsContext g, Plot p) {
        g.setFont(Font.font(10));
        g.setLineWidth(1.5);
        int row = 0;
        for (ChartMark m : marks) {
            if (m.t() < p.start) {
                continue;
            }
            double x = p.x(m.t());
            Color c = colourOf(m.code());
            g.setStroke(c);
            g.setLineDashes(3, 3);
            g.strokeLine(x, p.topY, x, p.topY + p.height);
            g.setFill(c);
            g.fillText(m.label(), x + 3, p.topY + 10 + 11 * (row++ % 3));
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
