package org.netstreamfx.app.ui.tester;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Marks on a chart's timeline, drawn alike by every chart of the Tester (the buffer chart's
 * NetStatus events, the Health chart's findings): a dashed vertical line per mark and its label
 * right of it, on the first of {@link #LABEL_ROWS} rows where it overlaps neither another label
 * nor a box the chart keeps for itself (its legend). Newer marks are placed first, so when labels
 * crowd, the oldest are the ones left without. FX thread only (it draws on a canvas).
 */
public final class MarkLayer {
    /** Rows of mark labels at the top of the plot. */
    public static final int LABEL_ROWS = 3;
    /** The height of one row of labels. */
    public static final double LABEL_LINE = 12;
    private static final Font FONT = Font.font(10);

    private MarkLayer() {
    }

    /** A label's rectangle on the canvas. */
    public record Box(double x, double y, double width, double height) {
        public boolean overlaps(Box o) {
            return x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height;
        }
    }

    /**
     * Draws {@code marks} (oldest first) whose {@code x} is at or right of {@code left}, from
     * {@code top} to {@code top + height}, each in {@code colour}'s colour, keeping their labels
     * left of {@code right} and off {@code reserved}.
     */
    public static void draw(GraphicsContext g, List<ChartMark> marks, DoubleUnaryOperator x, double left,
                            double top, double height, double right, Box reserved, Function<ChartMark, Color> colour) {
        g.setFont(FONT);
        g.setLineWidth(1.5);
        List<ChartMark> shown = marks.stream().filter(m -> x.applyAsDouble(m.t()) >= left).toList();
        List<Double> xs = shown.stream().map(m -> x.applyAsDouble(m.t())).toList();
        Text measure = new Text();
        measure.setFont(FONT);
        List<Double> widths = shown.stream().map(m -> {
            measure.setText(m.label());
            return measure.getLayoutBounds().getWidth();
        }).toList();
        List<Box> boxes = placeLabels(xs, widths, top, right, LABEL_LINE, reserved);
        for (int i = 0; i < shown.size(); i++) {
            Color c = colour.apply(shown.get(i));
            g.setStroke(c);
            g.setLineDashes(3, 3);
            g.strokeLine(xs.get(i), top, xs.get(i), top + height);
            Box b = boxes.get(i);
            if (b != null) {
                g.setFill(c);
                g.fillText(shown.get(i).label(), b.x(), b.y() + b.height() - 2);
            }
        }
        g.setLineDashes();
    }

    /**
     * Where each mark's label goes, or null where it is not shown. {@code xs} are the marks' lines,
     * oldest first, {@code widths} their labels' widths. A label sits right of its line on the first
     * of {@link #LABEL_ROWS} rows where it overlaps neither a label already placed nor
     * {@code reserved}; newer marks are placed first. A label that would run past {@code right}
     * sits left of its line instead.
     */
    public static List<Box> placeLabels(List<Double> xs, List<Double> widths, double top, double right,
                                        double lineHeight, Box reserved) {
        Box[] placed = new Box[xs.size()];
        List<Box> taken = new ArrayList<>();
        taken.add(reserved);
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
        return Arrays.asList(placed);
    }

    /**
     * The ticks of a value axis from 0 up, for data peaking at {@code max}: a step of 1, 2 or 5
     * times a power of ten, chosen so that the axis has two to five intervals, and a top that is the
     * first step at or above {@code max} plus 10% headroom (at least {@code least}, so an empty
     * chart still has an axis).
     */
    public static List<Double> ticks(double max, double least) {
        double m = Math.max(least, max * 1.1);
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
        List<Double> ticks = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            ticks.add(Math.round(i * step / exp * 1e6) / 1e6 * exp);
        }
        return ticks;
    }
}
