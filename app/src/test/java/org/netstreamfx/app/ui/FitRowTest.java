package org.netstreamfx.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * FitRow: one line while everything fits, then the optional group goes, then whole groups wrap,
 * and nothing is ever laid out past the row's edge. Groups of 100, 150 (optional), 200 and 100 px,
 * 20 px high, 10 px apart, the last three right-aligned.
 */
class FitRowTest {
    private static final double H = 20;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private record Laid(FitRow row, Region a, Region b, Region c, Region d) {
    }

    private static Region box(double w) {
        Region r = new Region();
        r.setMinSize(w, H);
        r.setPrefSize(w, H);
        r.setMaxSize(w, H);
        return r;
    }

    /** The row laid out in a scene {@code width} wide (its height as the row asks for that width). */
    private static Laid at(double width) {
        return Fx.call(() -> {
            Region a = box(100);
            Region b = FitRow.alignRight(FitRow.optional(box(150)));
            Region c = FitRow.alignRight(box(200));
            Region d = FitRow.alignRight(box(100));
            FitRow row = new FitRow(10, 6, a, b, c, d);
            StackPane holder = new StackPane(row);
            new Scene(holder, width, 200);
            holder.applyCss();
            holder.layout();
            row.resize(width, row.prefHeight(width));
            row.layout();
            return new Laid(row, a, b, c, d);
        });
    }

    private static void allInside(Laid l, double width) {
        for (Region r : List.of(l.a(), l.b(), l.c(), l.d())) {
            if (r.isVisible()) {
                assertTrue(r.getBoundsInParent().getMinX() >= -0.5 && r.getBoundsInParent().getMaxX() <= width + 0.5,
                        r.getBoundsInParent() + " outside 0.." + width);
            }
        }
    }

    @Test
    void oneLineWhenAllFitsWithTheRightGroupsAtTheRightEnd() {
        Laid l = at(600);
        assertTrue(Fx.call(() -> l.b().isVisible()));
        assertEquals(H, Fx.call(() -> l.row().prefHeight(600)), 0.01);
        assertEquals(0, Fx.call(() -> l.a().getLayoutX()), 0.01);
        assertEquals(600, Fx.call(() -> l.d().getBoundsInParent().getMaxX()), 0.01);
        assertEquals(Fx.call(() -> l.a().getLayoutY()), Fx.call(() -> l.d().getLayoutY()), 0.01);
        allInside(l, 600);
    }

    @Test
    void theOptionalGroupGoesBeforeAnythingWraps() {
        Laid l = at(450);
        assertFalse(Fx.call(() -> l.b().isVisible()), "the optional group is hidden");
        assertEquals(H, Fx.call(() -> l.row().prefHeight(450)), 0.01, "still one line");
        assertEquals(450, Fx.call(() -> l.d().getBoundsInParent().getMaxX()), 0.01);
        allInside(l, 450);
    }

    @Test
    void narrowerWholeGroupsWrapAndTheOptionalOneShowsWhereItFits() {
        Laid l = at(320);
        assertEquals(2 * H + 6, Fx.call(() -> l.row().prefHeight(320)), 0.01, "two lines");
        assertTrue(Fx.call(() -> l.b().isVisible()), "beside the first group, on the first line");
        assertEquals(Fx.call(() -> l.a().getLayoutY()), Fx.call(() -> l.b().getLayoutY()), 0.01);
        assertEquals(Fx.call(() -> l.c().getLayoutY()), Fx.call(() -> l.d().getLayoutY()), 0.01);
        assertTrue(Fx.call(() -> l.c().getLayoutY() > l.a().getLayoutY()), "C and D on the second line");
        assertEquals(320, Fx.call(() -> l.d().getBoundsInParent().getMaxX()), 0.01);
        allInside(l, 320);
    }

    @Test
    void itsMinimumIsItsWidestRequiredGroupAndItsPreferenceAllOnOneLine() {
        Laid l = at(600);
        assertEquals(200, Fx.call(() -> l.row().minWidth(-1)), 0.01);
        assertEquals(580, Fx.call(() -> l.row().prefWidth(-1)), 0.01);
    }
}
