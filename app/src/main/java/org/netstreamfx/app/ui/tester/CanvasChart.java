package org.netstreamfx.app.ui.tester;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A chart of the Tester drawn on a canvas that fills it: the canvas follows the chart's size, the
 * background is painted on every redraw, and the plot only when the chart is at least as large as
 * its axes and padding need. The buffer chart and the Health chart are ones. FX thread only.
 */
public abstract class CanvasChart extends Region {
    private static final Color BACKGROUND = Color.web("#15181d");
    /** Charts are never lower than this. */
    private static final double MIN_HEIGHT = 120;

    private final Canvas canvas = new Canvas();
    private final double plotMinWidth;
    private final double plotMinHeight;

    /**
     * @param styleClass     the chart's style class
     * @param prefHeight     its preferred height
     * @param plotMinWidth   below this width only the background is drawn
     * @param plotMinHeight  below this height only the background is drawn
     */
    protected CanvasChart(String styleClass, double prefHeight, double plotMinWidth, double plotMinHeight) {
        this.plotMinWidth = plotMinWidth;
        this.plotMinHeight = plotMinHeight;
        getStyleClass().add(styleClass);
        getChildren().add(canvas);
        setMinHeight(MIN_HEIGHT);
        setPrefHeight(prefHeight);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    /** Draws the chart again, as it is now. */
    protected final void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, w, h);
        if (w >= plotMinWidth && h >= plotMinHeight) {
            plot(g, w, h);
        }
    }

    /** Draws the plot on a {@code w} × {@code h} canvas, its background painted. */
    protected abstract void plot(GraphicsContext g, double w, double h);
}
