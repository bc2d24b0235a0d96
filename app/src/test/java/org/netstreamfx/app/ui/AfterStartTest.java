package org.netstreamfx.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleIntegerProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The work held until the window's start is over: held, then run in order at the first end, once. */
class AfterStartTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void heldTasksRunInOrderWhenTheStartEndsAndLaterOnesAtOnce() {
        List<String> ran = new ArrayList<>();
        Fx.run(() -> {
            AfterStart start = new AfterStart();
            start.execute(() -> ran.add("a"));
            start.execute(() -> ran.add("b"));
            start.windowShown();
            assertEquals(List.of(), ran, "held while the start is not over");
            assertFalse(start.over());
            start.end();
            assertEquals(List.of("a", "b"), ran);
            start.end();
            assertEquals(List.of("a", "b"), ran, "once");
            start.execute(() -> ran.add("c"));
            assertEquals(List.of("a", "b", "c"), ran, "at once after the start");
        });
    }

    @Test
    void theFirstChangeOfAWatchedValueEndsTheStart() {
        List<String> ran = new ArrayList<>();
        SimpleIntegerProperty frames = new SimpleIntegerProperty();
        AfterStart start = Fx.call(() -> {
            AfterStart s = new AfterStart();
            s.endOnChange(frames);
            s.execute(() -> ran.add("listing"));
            return s;
        });
        assertEquals(List.of(), Fx.call(() -> List.copyOf(ran)));
        Fx.run(() -> frames.set(1));
        assertTrue(Fx.call(start::over), "ended by the first frame");
        assertEquals(List.of("listing"), Fx.call(() -> List.copyOf(ran)));
        Fx.run(() -> frames.set(2));
        assertEquals(List.of("listing"), Fx.call(() -> List.copyOf(ran)), "the tasks ran once");
    }
}
