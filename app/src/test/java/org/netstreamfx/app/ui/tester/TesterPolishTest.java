package org.netstreamfx.app.ui.tester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.app.session.SessionEntry;
import org.netstreamfx.app.ui.Fx;
import org.netstreamfx.player.net.NetStatusCode;
import org.netstreamfx.player.net.NetStatusEvent;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Issue 12, defect 5: the tester's toolbar, feedback, selection colours and columns, on headless Monocle. */
@ExtendWith(ApplicationExtension.class)
class TesterPolishTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final long S = 1_000_000_000L;
    private PlayerAndTester window;
    private TesterViewModel tester;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        window = new PlayerAndTester(stage, 1280, 800); // the size
        tester = window.tester;
    }

    @AfterEach
    void close() {
        window.dispose();
    }

    /** Events long after the start: Reconnecting and Reconnected at 1234 s, and an RTMP control event. */
    private void record() {
        Fx.run(() -> {
            long start = tester.recorder().startNanos();
            tester.log().onNetStatus(NetStatusEvent.of(NetStatusCode.NSFX_CONNECT_RECONNECTING, "Reconnecting in 2 s.",
                    null, start + 1234 * S));
            tester.log().onNetStatus(NetStatusEvent.of(NetStatusCode.NSFX_CONNECT_RECONNECTED, "Reconnected.",
                    null, start + 1236 * S));
            tester.recorder().control("StreamBegin", Map.of("direction", "in", "streamId", 1), start + 1237 * S);
            tester.setControlShown(true);
        });
    }

    /** Every Labeled under {@code root} whose shown text is cut ("…") though its text is not. */
    private static List<String> elided(Node root) {
        return Fx.call(() -> {
            root.applyCss();
            List<String> cut = new ArrayList<>();
            for (Node n : root.lookupAll("*")) {
                if (n instanceof Labeled l && l.isVisible() && l.getText() != null && !l.getText().isEmpty()) {
                    Node t = l.lookup(".text");
                    if (t instanceof Text text && !text.getText().equals(l.getText())) {
                        cut.add(l.getText() + " -> " + text.getText());
                    }
                }
            }
            return cut;
        });
    }

    @Test
    void anExportMessageLeavesTheToolbarControlsWholeAndShowsOutsideIt(FxRobot robot) {
        robot.clickOn("#nav-tester");
        Path deep = dir.resolve("a-rather-long-folder-name-for-exports/and-another-one-below-it");
        Fx.run(() -> {
            try {
                Files.createDirectories(deep);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        window.exports.add(deep.resolve("nsfx-session-2026-12-02-0612.jsonl"));
        Node bar = robot.lookup(".tester-view .tool-bar").query();
        assertEquals(List.of(), elided(bar), "before the export");
        robot.clickOn("#export-jsonl");
        Fx.waitUntil("the export written", WAIT, () -> tester.exportStatusProperty().get().startsWith("Wrote"),
                () -> tester.exportStatusProperty().get());
        Fx.run(() -> bar.getScene().getRoot().layout());
        assertEquals(List.of(), elided(bar), "after the export");
        Label status = robot.lookup("#tester-status").queryAs(Label.class);
        assertTrue(Fx.call(() -> status.isVisible() && status.getText().startsWith("Wrote")
                && !isInside(status, bar)), () -> Fx.call(status::getText));
    }

    @Test
    void copyEventSaysItCopied(FxRobot robot) {
        record();
        robot.clickOn("#nav-tester");
        TableView<SessionEntry> log = robot.lookup("#event-log").queryTableView();
        Fx.run(() -> log.getSelectionModel().select(0));
        robot.clickOn("#copy-event");
        Label status = robot.lookup("#tester-status").queryAs(Label.class);
        assertNotNull(status);
        assertTrue(Fx.call(() -> status.isVisible() && status.getOpacity() > 0.5
                && status.getText().toLowerCase().contains("copied")), () -> Fx.call(status::getText));
    }

    @Test
    void aSelectedRowStaysReadableWhenTheTableLosesFocus(FxRobot robot) {
        record();
        robot.clickOn("#nav-tester");
        TableView<SessionEntry> log = robot.lookup("#event-log").queryTableView();
        robot.clickOn(robot.lookup("#event-log .table-row-cell").<Node>query());
        Fx.run(() -> log.getSelectionModel().select(0));
        robot.clickOn("#log-filter");
        assertFalse(Fx.call(log::isFocused));
        double ratio = Fx.call(() -> {
            log.applyCss();
            log.layout();
            for (Node n : log.lookupAll(".table-row-cell")) {
                TableRow<?> row = (TableRow<?>) n;
                if (row.isSelected()) {
                    Color back = lastFill(row);
                    TableCell<?, ?> cell = (TableCell<?, ?>) row.lookup(".table-cell");
                    Color text = (Color) cell.getTextFill();
                    return contrast(back, text);
                }
            }
            return -1.0;
        });
        assertTrue(ratio >= 4.5, "text against the unfocused selection: contrast " + ratio);
    }

    @Test
    void timeCodeAndLevelShowWholeAndControlRowsHaveNoStatusLevel(FxRobot robot) {
        record();
        robot.clickOn("#nav-tester");
        TableView<SessionEntry> log = robot.lookup("#event-log").queryTableView();
        Fx.waitUntil("three rows", WAIT, () -> log.getItems().size() == 3, () -> log.getItems());
        List<String> shown = Fx.call(() -> {
            log.applyCss();
            log.layout();
            List<String> texts = new ArrayList<>();
            for (Node n : log.lookupAll(".table-cell")) {
                TableCell<?, ?> c = (TableCell<?, ?>) n;
                if (c.getText() != null && !c.getText().isEmpty()) {
                    texts.add(c.getText());
                }
            }
            return texts;
        });
        assertTrue(shown.containsAll(List.of("1234.000", "NetStreamFX.Connect.Reconnecting",
                "NetStreamFX.Connect.Reconnected")), shown.toString());
        List<String> cut = Fx.call(() -> {
            List<String> out = new ArrayList<>();
            for (Node n : log.lookupAll(".table-cell")) {
                TableCell<?, ?> c = (TableCell<?, ?>) n;
                if (c.getTableColumn() != null && Set.of("Time", "Code", "Level").contains(c.getTableColumn().getText())
                        && c.getText() != null && c.lookup(".text") instanceof Text t && !t.getText().equals(c.getText())) {
                    out.add(c.getText() + " -> " + t.getText());
                }
            }
            return out;
        });
        assertEquals(List.of(), cut);
        int level = Fx.call(() -> {
            for (int i = 0; i < log.getColumns().size(); i++) {
                if (log.getColumns().get(i).getText().equals("Level")) {
                    return i;
                }
            }
            return -1;
        });
        String controlLevel = Fx.call(() -> String.valueOf(log.getColumns().get(level).getCellData(2)));
        assertTrue(Set.of("", "control").contains(controlLevel), "control row level: " + controlLevel);
        assertEquals("warning", Fx.call(() -> String.valueOf(log.getColumns().get(level).getCellData(0))));
    }

    private static boolean isInside(Node n, Node ancestor) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static Color lastFill(Region r) {
        var fills = r.getBackground().getFills();
        Paint p = fills.get(fills.size() - 1).getFill();
        return (Color) p;
    }

    /** WCAG 2 contrast ratio of two opaque colours. */
    private static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * lin(c.getRed()) + 0.7152 * lin(c.getGreen()) + 0.0722 * lin(c.getBlue());
    }

    private static double lin(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
