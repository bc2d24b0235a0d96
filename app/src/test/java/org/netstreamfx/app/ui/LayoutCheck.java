package org.netstreamfx.app.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.geometry.BoundingBox;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ListCell;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import org.controlsfx.control.NotificationPane;

/**
 * Finds what a user cannot see whole in a laid-out scene, for the layout tests (issue 12, defect
 * 4). Five kinds of offender, all reported at once:
 * <ul>
 *   <li><b>clipped</b>: a visible control whose bounds are not inside the window, or, in a
 *   {@link ScrollPane}, not inside what the pane can scroll to (its content, cut to the viewport
 *   on an axis it cannot scroll);</li>
 *   <li><b>elided</b>: a {@link Labeled} whose displayed text (its skin's {@link Text}) is not
 *   its whole text: an ellipsis the text does not have, or nothing shown of it;</li>
 *   <li><b>clipped columns</b>: a table's columns wider than it with no horizontal scroll bar;</li>
 *   <li><b>blank</b>: a combo box with a value whose box shows nothing of it;</li>
 *   <li><b>overlap</b>: two visible siblings that are controls, or hold one, sharing pixels
 *   (siblings in a {@link StackPane}, which stacks on purpose, are not compared).</li>
 * </ul>
 * Rows of virtualised lists and tables are data, not controls (a long cell ends in "…" by design,
 * with a tooltip), so they are not walked; a table's column headers are, for elision.
 */
public final class LayoutCheck {
    /** Rounding slack, in pixels. */
    static final double SLACK = 0.5;

    private LayoutCheck() {
    }

    /** Every offender in {@code scene} as laid out now, one line each; empty when there is none. */
    public static List<String> offenders(Scene scene) {
        List<String> out = new ArrayList<>();
        walk(scene.getRoot(), new BoundingBox(0, 0, scene.getWidth(), scene.getHeight()), false, out);
        return out;
    }

    private static void walk(Node node, Bounds window, boolean inVirtual, List<String> out) {
        if (!node.isVisible() || node.getOpacity() == 0 || node instanceof ScrollBar || node instanceof VirtualFlow) {
            return;
        }
        if (node instanceof NotificationPane p && !p.isShowing()) {
            // The hidden bar stays in the scene, folded to nothing above the content: walk the content only.
            if (p.getContent() != null) {
                walk(p.getContent(), window, inVirtual, out);
            }
            return;
        }
        if (node instanceof Control c && checked(c)) {
            if (!inVirtual) {
                clipped(c, window).ifPresent(out::add);
            }
            if (c instanceof Labeled l) {
                elided(l).ifPresent(out::add);
            }
            if (c instanceof ComboBox<?> box) {
                blank(box).ifPresent(out::add);
            }
            if (c instanceof TableView<?> table) {
                columnsOutOfReach(table).ifPresent(out::add);
            }
        }
        if (node instanceof Parent p) {
            overlaps(p, out);
            boolean virtual = inVirtual || node instanceof TableView || node instanceof ListView
                    || node instanceof TreeView;
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, window, virtual, out);
            }
        }
    }

    /** A control the user reads or works: a labelled one, a field, a picker, any other control but a scroll bar. */
    private static boolean checked(Control c) {
        if (c instanceof Labeled l) {
            return !text(l).isEmpty() || l.getGraphic() != null;
        }
        return true;
    }

    private static java.util.Optional<String> clipped(Control c, Bounds window) {
        Bounds b = c.localToScene(c.getLayoutBounds());
        if ((b.getWidth() <= 0 || b.getHeight() <= 0) && !c.isManaged()) {
            // Not laid out by its parent and of no size: kept by a skin for later (a combo box's
            // list before it pops up), not shown.
            return java.util.Optional.empty();
        }
        if (b.getWidth() <= 0 || b.getHeight() <= 0) {
            return java.util.Optional.of("clipped (no room): " + describe(c) + " " + box(b));
        }
        ScrollPane pane = scrollPaneOf(c);
        if (pane != null) {
            Node content = pane.getContent();
            Bounds in = content.sceneToLocal(b);
            Bounds reach = content.getLayoutBounds();
            Bounds view = pane.getViewportBounds();
            boolean hScroll = !pane.isFitToWidth() && pane.getHbarPolicy() != ScrollPane.ScrollBarPolicy.NEVER;
            boolean vScroll = !pane.isFitToHeight() && pane.getVbarPolicy() != ScrollPane.ScrollBarPolicy.NEVER;
            double maxX = hScroll ? Math.max(reach.getMaxX(), view.getWidth()) : view.getWidth();
            double maxY = vScroll ? Math.max(reach.getMaxY(), view.getHeight()) : view.getHeight();
            if (in.getMinX() < -SLACK || in.getMinY() < -SLACK || in.getMaxX() > maxX + SLACK
                    || in.getMaxY() > maxY + SLACK) {
                return java.util.Optional.of("clipped (out of reach of its scroll pane "
                        + describe(pane) + ", " + (hScroll ? "" : "no ") + "horizontal, " + (vScroll ? "" : "no ")
                        + "vertical scrolling, viewport " + Math.round(view.getWidth()) + "×"
                        + Math.round(view.getHeight()) + "): " + describe(c) + " " + box(in) + " in the content");
            }
            return java.util.Optional.empty();
        }
        if (b.getMinX() < window.getMinX() - SLACK || b.getMinY() < window.getMinY() - SLACK
                || b.getMaxX() > window.getMaxX() + SLACK || b.getMaxY() > window.getMaxY() + SLACK) {
            return java.util.Optional.of("clipped (outside the " + Math.round(window.getWidth()) + "×"
                    + Math.round(window.getHeight()) + " window): " + describe(c) + " " + box(b));
        }
        return java.util.Optional.empty();
    }

    /** The scroll pane whose content holds {@code n}, if any. */
    private static ScrollPane scrollPaneOf(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane s && s.getContent() != null && isAncestor(s.getContent(), n)) {
                return s;
            }
        }
        return null;
    }

    private static boolean isAncestor(Node ancestor, Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static java.util.Optional<String> elided(Labeled l) {
        String model = text(l);
        if (model.isEmpty() || l.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY) {
            return java.util.Optional.empty();
        }
        Text shown = null;
        for (Node child : l.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.getStyleClass().contains("text")) {
                shown = t;
            } else if (shown == null && child instanceof Labeled) {
                // The skin shows the text with a label of its own (a MenuButton's), checked itself.
                return java.util.Optional.empty();
            }
        }
        String displayed = shown == null || !shown.isVisible() ? "" : shown.getText();
        String ellipsis = l.getEllipsisString();
        boolean cut = displayed.isBlank()
                || (!ellipsis.isEmpty() && displayed.contains(ellipsis) && !model.contains(ellipsis));
        return cut ? java.util.Optional.of("elided: " + describe(l) + " shows \"" + displayed + "\" "
                + box(l.localToScene(l.getLayoutBounds()))) : java.util.Optional.empty();
    }

    /** A table whose columns are wider than it, with no horizontal scroll bar to reach the rest. */
    private static java.util.Optional<String> columnsOutOfReach(TableView<?> table) {
        double columns = 0;
        for (javafx.scene.control.TableColumn<?, ?> c : table.getVisibleLeafColumns()) {
            columns += c.getWidth();
        }
        double room = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset();
        boolean hbar = table.lookupAll(".scroll-bar").stream().anyMatch(n -> n instanceof ScrollBar b
                && b.getOrientation() == javafx.geometry.Orientation.HORIZONTAL && b.isVisible());
        return columns > room + 1 && !hbar ? java.util.Optional.of(String.format(Locale.ROOT,
                "clipped (columns %.0f px wide in %.0f px, no horizontal scroll bar): %s %s", columns, room,
                describe(table), box(table.localToScene(table.getLayoutBounds())))) : java.util.Optional.empty();
    }

    /** A combo box with a value whose own cell shows nothing of it. */
    private static java.util.Optional<String> blank(ComboBox<?> box) {
        if (box.getValue() == null || box.isEditable()) {
            return java.util.Optional.empty();
        }
        for (Node child : box.getChildrenUnmodifiable()) {
            if (child instanceof ListCell<?> cell) {
                boolean nothing = (cell.getText() == null || cell.getText().isBlank()) && cell.getGraphic() == null;
                return nothing ? java.util.Optional.of("blank: " + describe(box) + " shows nothing of its value "
                        + box(box.localToScene(box.getLayoutBounds()))) : java.util.Optional.empty();
            }
        }
        return java.util.Optional.empty();
    }

    /** Visible siblings (controls, or holding one) that share pixels; a StackPane stacks on purpose. */
    private static void overlaps(Parent p, List<String> out) {
        if (p instanceof StackPane) {
            return;
        }
        List<Node> kids = new ArrayList<>();
        for (Node child : p.getChildrenUnmodifiable()) {
            if (child.isVisible() && child.getOpacity() > 0 && !(child instanceof ScrollBar) && holdsControl(child)) {
                kids.add(child);
            }
        }
        for (int i = 0; i < kids.size(); i++) {
            Bounds a = kids.get(i).localToParent(kids.get(i).getLayoutBounds());
            for (int j = i + 1; j < kids.size(); j++) {
                Bounds b = kids.get(j).localToParent(kids.get(j).getLayoutBounds());
                double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
                double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
                if (w > SLACK && h > SLACK) {
                    out.add("overlap (" + Math.round(w) + "×" + Math.round(h) + " px, in " + describe(p) + "): "
                            + describe(kids.get(i)) + " " + box(kids.get(i).localToScene(kids.get(i).getLayoutBounds()))
                            + " and " + describe(kids.get(j)) + " "
                            + box(kids.get(j).localToScene(kids.get(j).getLayoutBounds())));
                }
            }
        }
    }

    private static boolean holdsControl(Node n) {
        if (!n.isVisible() || n.getOpacity() == 0 || n instanceof ScrollBar) {
            return false;
        }
        if (n instanceof Control c) {
            return checked(c);
        }
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                if (holdsControl(child)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String text(Labeled l) {
        return l.getText() == null ? "" : l.getText();
    }

    /** "#id Class "text"", or the nearest ancestor's id when the node has none. */
    static String describe(Node n) {
        StringBuilder s = new StringBuilder();
        if (n.getId() != null) {
            s.append('#').append(n.getId()).append(' ');
        }
        s.append(n.getClass().getSimpleName().isEmpty() ? n.getClass().getName() : n.getClass().getSimpleName());
        if (n instanceof Labeled l && !text(l).isEmpty()) {
            s.append(" \"").append(text(l)).append('"');
        } else if (n instanceof TextInputControl t) {
            s.append(" \"").append(t.getText() == null || t.getText().isEmpty() ? t.getPromptText() : t.getText())
                    .append('"');
        } else if (n instanceof ComboBoxBase<?> c && c.getValue() != null) {
            s.append(" \"").append(c.getValue()).append('"');
        }
        if (n.getId() == null) {
            for (Node p = n.getParent(); p != null; p = p.getParent()) {
                if (p.getId() != null) {
                    s.append(" in #").append(p.getId());
                    break;
                }
            }
        }
        return s.toString();
    }

    private static String box(Bounds b) {
        return String.format(Locale.ROOT, "[x %.0f..%.0f, y %.0f..%.0f]", b.getMinX(), b.getMaxX(), b.getMinY(),
                b.getMaxY());
    }
}
