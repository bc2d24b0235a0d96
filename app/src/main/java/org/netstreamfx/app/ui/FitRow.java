package org.netstreamfx.app.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * A bar of groups of controls that never cuts one (issue 12, defect 4). The groups go left to
 * right at their preferred widths; when the width runs out, {@linkplain #optional optional}
 * groups go first (hidden; a figures label, say), then the rest wraps onto more
 * lines, a whole group at a time. On each line the free space goes before the first group marked
 * {@linkplain #alignRight right-aligned}, so those sit at the right end. A group wider than a line
 * on its own gets the line (an {@link HBox} then shrinks its children to their minimum).
 *
 * <p>So a control added to a group makes the bar wrap sooner, never makes it cut: a new control
 * goes into the group it belongs with ({@link #group}), or into a new group. The bar owns its
 * groups' visibility (a hidden optional group is invisible).
 */
public class FitRow extends Pane {
    private static final String OPTIONAL = "nsfx-fit-row-optional";
    private static final String RIGHT = "nsfx-fit-row-right";

    private double hgap;
    private double vgap;

    /** @param hgap pixels between groups on a line; {@code vgap}: between lines */
    public FitRow(double hgap, double vgap, Node... groups) {
        super(groups);
        this.hgap = hgap;
        this.vgap = vgap;
        getStyleClass().add("fit-row");
    }

    /** An HBox of {@code nodes}, centred vertically, that does not shrink them below their preferred width. */
    public static HBox group(double spacing, Node... nodes) {
        HBox box = new HBox(spacing, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        for (Node n : nodes) {
            if (n instanceof Region r && r.getMinWidth() == Region.USE_COMPUTED_SIZE) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    /**
     * Marks {@code group} as the first to go: hidden when the bar does not fit on one line, and,
     * when it wraps anyway, shown only where it fits without a line of its own.
     */
    public static <T extends Node> T optional(T group) {
        group.getProperties().put(OPTIONAL, Boolean.TRUE);
        return group;
    }

    /** Marks {@code group} as where the right-hand part of each line starts. */
    public static <T extends Node> T alignRight(T group) {
        group.getProperties().put(RIGHT, Boolean.TRUE);
        return group;
    }

    public double getHgap() {
        return hgap;
    }

    public void setHgap(double hgap) {
        this.hgap = hgap;
        requestLayout();
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefWidth(double height) {
        double w = 0;
        List<Node> kids = getManagedChildren();
        for (Node n : kids) {
            w += n.prefWidth(-1);
        }
        return snappedLeftInset() + w + hgap * Math.max(0, kids.size() - 1) + snappedRightInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        double w = 0;
        for (Node n : getManagedChildren()) {
            if (!isOptional(n)) {
                w = Math.max(w, n.minWidth(-1));
            }
        }
        return snappedLeftInset() + w + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        double inside = width < 0 ? computePrefWidth(-1) - snappedLeftInset() - snappedRightInset()
                : width - snappedLeftInset() - snappedRightInset();
        List<List<Node>> lines = arrange(inside);
        double h = 0;
        for (List<Node> line : lines) {
            h += lineHeight(line, inside);
        }
        return snappedTopInset() + h + vgap * Math.max(0, lines.size() - 1) + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double inside = getWidth() - snappedLeftInset() - snappedRightInset();
        List<List<Node>> lines = arrange(inside);
        List<Node> shown = new ArrayList<>();
        lines.forEach(shown::addAll);
        for (Node n : getManagedChildren()) {
            boolean on = shown.contains(n);
            if (n.isVisible() != on) {
                n.setVisible(on);
            }
        }
        double y = snappedTopInset();
        for (List<Node> line : lines) {
            double h = lineHeight(line, inside);
            double[] widths = widths(line, inside);
            double used = hgap * (line.size() - 1);
            for (double w : widths) {
                used += w;
            }
            double free = Math.max(0, inside - used);
            double x = in.getLeft();
            boolean pushed = false;
            for (int i = 0; i < line.size(); i++) {
                Node n = line.get(i);
                if (!pushed && isRight(n)) {
                    x += free;
                    pushed = true;
                }
                layoutInArea(n, x, y, widths[i], h, 0, Insets.EMPTY, true, false, HPos.LEFT, VPos.CENTER);
                x += widths[i] + hgap;
            }
            y += h + vgap;
        }
    }

    /** The groups shown, line by line, in {@code inside} pixels. */
    private List<List<Node>> arrange(double inside) {
        List<Node> all = getManagedChildren();
        List<List<Node>> one = wrap(all, inside, false);
        if (one.size() <= 1) {
            return one;
        }
        List<Node> required = all.stream().filter(n -> !isOptional(n)).toList();
        List<List<Node>> without = wrap(required, inside, false);
        if (without.size() == 1) {
            return without;
        }
        // More lines anyway: an optional group shows where it fits without a line of its own.
        List<List<Node>> with = wrap(all, inside, true);
        return with.size() <= without.size() ? with : without;
    }

    /** Greedy lines; with {@code optionalOnlyIfFits}, an optional group that would start a line is left out. */
    private List<List<Node>> wrap(List<Node> groups, double inside, boolean optionalOnlyIfFits) {
        List<List<Node>> lines = new ArrayList<>();
        List<Node> line = new ArrayList<>();
        double used = 0;
        for (Node n : groups) {
            double w = n.prefWidth(-1);
            if (line.isEmpty()) {
                if (optionalOnlyIfFits && isOptional(n) && !lines.isEmpty()) {
                    continue;
                }
                line.add(n);
                used = w;
            } else if (used + hgap + w <= inside + 0.5) {
                line.add(n);
                used += hgap + w;
            } else if (optionalOnlyIfFits && isOptional(n)) {
                continue;
            } else {
                lines.add(line);
                line = new ArrayList<>();
                line.add(n);
                used = w;
            }
        }
        if (!line.isEmpty()) {
            lines.add(line);
        }
        return lines;
    }

    /** Each group's width on its line: its preferred width, or the whole line for a group alone and too wide. */
    private static double[] widths(List<Node> line, double inside) {
        double[] w = new double[line.size()];
        for (int i = 0; i < w.length; i++) {
            Node n = line.get(i);
            w[i] = line.size() == 1 ? Math.max(n.minWidth(-1), Math.min(inside, n.prefWidth(-1))) : n.prefWidth(-1);
        }
        return w;
    }

    private static double lineHeight(List<Node> line, double inside) {
        double[] w = widths(line, inside);
        double h = 0;
        for (int i = 0; i < w.length; i++) {
            Node n = line.get(i);
            h = Math.max(h, n.prefHeight(n.getContentBias() == Orientation.HORIZONTAL ? w[i] : -1));
        }
        return h;
    }

    private static boolean isOptional(Node n) {
        return n.getProperties().containsKey(OPTIONAL);
    }

    private static boolean isRight(Node n) {
        return n.getProperties().containsKey(RIGHT);
    }
}
