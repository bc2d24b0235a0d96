package org.netstreamfx.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.app.session.SessionEntry;
import org.netstreamfx.app.ui.player.PlayerState;
import org.netstreamfx.app.ui.publisher.PublisherView;
import org.netstreamfx.app.ui.tester.TesterView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 16, cold start: the window builds the Player view only; the Tester and Publisher views are
 * built on first use, once, and a Tester opened late shows the whole session (its model lives from
 * the start). Copy event and the exports work before and after the Tester is opened.
 */
@ExtendWith(ApplicationExtension.class)
class LazyViewsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PLAY_START = "NetStream.Play.Start";

    private AppWindowHarness h;

    @Start
    void start(Stage stage) {
        h = new AppWindowHarness(stage);
    }

    @AfterEach
    void close() {
        h.dispose();
    }

    @Test
    void theTesterAndPublisherAreBuiltOnFirstUseAndOnlyOnce(FxRobot robot) {
        assertFalse(built(AppWindow.TESTER), "the Tester is not built with the window");
        assertFalse(built(AppWindow.PUBLISHER), "the Publisher is not built with the window");
        assertEquals(0, count(".tester-view"));
        assertEquals(0, count(".publisher-view"));
        assertEquals(List.of("player", "tester", "publisher"), Fx.call(() -> h.app.window().viewIds()),
                "the rail has every view's button from the start");
        assertTrue(Fx.call(() -> robot.lookup("#nav-tester").tryQuery().isPresent()
                && robot.lookup("#nav-publisher").tryQuery().isPresent()));
        assertFalse(Fx.call(() -> item("view-tester").isDisable()), "the View menu offers the Tester");
        assertFalse(Fx.call(() -> h.publisher.previewingProperty().get()), "no devices open before the Publisher");

        robot.clickOn("#nav-tester");
        assertTrue(built(AppWindow.TESTER), "built by its rail button");
        assertEquals(1, count(".tester-view"));
        assertTrue(Fx.call(() -> h.app.window().view(AppWindow.TESTER).isVisible()), "and shown");
        TesterView tester = Fx.call(h.app::testerView);
        assertFalse(built(AppWindow.PUBLISHER), "the Publisher still is not");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        Fx.waitUntil("the Publisher shown by Ctrl+3", WAIT,
                () -> AppWindow.PUBLISHER.equals(h.app.window().selectedProperty().get()),
                () -> h.app.window().selectedProperty().get());
        assertEquals(1, count(".publisher-view"));
        PublisherView publisher = Fx.call(h.app::publisherView);
        assertTrue(Fx.call(publisher::isVisible));
        // As before the views were lazy: the devices open the first time the Publisher is shown.
        assertTrue(Fx.call(() -> h.publisher.previewingProperty().get()), "the preview starts when first shown");

        // Back and forth through the rail, the View menu and the keys: the same two views.
        robot.clickOn("#nav-player");
        // The item's action, as a click runs it ("Tester" is the rail button's text too).
        Fx.run(() -> item("view-tester").fire());
        Fx.waitUntil("the Tester shown by View ▸ Tester", WAIT,
                () -> AppWindow.TESTER.equals(h.app.window().selectedProperty().get()),
                () -> h.app.window().selectedProperty().get());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        robot.clickOn("#nav-tester");
        assertEquals(1, count(".tester-view"), "built once");
        assertEquals(1, count(".publisher-view"), "built once");
        assertSame(tester, Fx.call(h.app::testerView));
        assertSame(publisher, Fx.call(h.app::publisherView));
        assertFalse(Fx.call(publisher::isVisible), "only the selected view shows");
    }

    @Test
    void aTesterOpenedLaterShowsTheFirstPlaysEventsAndCopyEventWaitsForIt(FxRobot robot, @TempDir Path dir)
            throws Exception {
        playDemo(robot);
        assertFalse(built(AppWindow.TESTER), "playing does not build the Tester");
        assertTrue(Fx.call(() -> item("copy-event").isDisable()), "nothing to copy before the Tester is opened");
        Fx.run(h.player::close);
        Fx.waitUntil("the demo closed", WAIT, () -> h.player.stateProperty().get() == PlayerState.IDLE, h::codes);
        assertFalse(built(AppWindow.TESTER));

        robot.clickOn("#nav-tester");
        TableView<SessionEntry> log = robot.lookup("#event-log").queryTableView();
        List<String> shown = Fx.call(() -> rows(log));
        assertTrue(shown.contains(PLAY_START), "the first play's events are in the log: " + shown);
        assertEquals(Fx.call(() -> rows(h.tester.shownEntries())), shown, "every event of the session");

        // Copy event follows the log now that it is built.
        assertTrue(Fx.call(() -> item("copy-event").isDisable()), "nothing selected yet");
        SessionEntry start = Fx.call(() -> log.getItems().stream().filter(e -> PLAY_START.equals(e.line().code()))
                .findFirst().orElseThrow());
        Fx.run(() -> log.getSelectionModel().select(start));
        assertFalse(Fx.call(() -> item("copy-event").isDisable()), "enabled by the selection");
        // The item's action, as a click runs it ("Copy event" is the log's tool bar button too).
        Fx.run(() -> item("copy-event").fire());
        assertEquals(Fx.call(() -> h.tester.copyAsText(start)),
                Fx.call(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString()));
        Fx.run(() -> log.getSelectionModel().clearSelection());
        assertTrue(Fx.call(() -> item("copy-event").isDisable()), "disabled again with no selection");

        // An export after the Tester was opened writes the same session.
        Path out = dir.resolve("after.csv");
        h.exports.add(out);
        robot.clickOn("File").clickOn("Export session as CSV…");
        Fx.waitUntil("the CSV written", WAIT, () -> Files.isRegularFile(out)
                && h.tester.exportStatusProperty().get().startsWith("Wrote"), () -> h.tester.exportStatusProperty().get());
        assertTrue(Files.readString(out).contains(PLAY_START), "the first play's events");
        assertEquals(1, count(".tester-view"), "built once");
    }

    @Test
    void exportBeforeTheTesterWasOpenedBuildsItAndWritesTheSession(FxRobot robot, @TempDir Path dir) throws Exception {
        playDemo(robot);
        assertFalse(built(AppWindow.TESTER));
        Path out = dir.resolve("before.jsonl");
        h.exports.add(out);
        robot.clickOn("File").clickOn("Export session as JSON lines…");
        Fx.waitUntil("the export written", WAIT, () -> Files.isRegularFile(out)
                && h.tester.exportStatusProperty().get().startsWith("Wrote"), () -> h.tester.exportStatusProperty().get());
        assertTrue(Files.readString(out).contains("\"code\":\"" + PLAY_START + "\""), "the session's events");
        assertEquals(AppWindow.TESTER, Fx.call(() -> h.app.window().selectedProperty().get()), "the Tester shows");
        assertEquals(1, count(".tester-view"));
        Label status = robot.lookup("#tester-status").queryAs(Label.class);
        assertTrue(Fx.call(status::getText).startsWith("Wrote"), "its status line says where it went");
        assertFalse(built(AppWindow.PUBLISHER), "the Publisher is left unbuilt");
    }

    private void playDemo(FxRobot robot) {
        h.playDemo(robot, 1);
    }

    private boolean built(String view) {
        return Fx.call(() -> h.app.window().built(view));
    }

    private int count(String styleClass) {
        return Fx.call(() -> h.app.root().lookupAll(styleClass).size());
    }

    private MenuItem item(String id) {
        return h.app.menuBar().getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> ("menu-" + id).equals(i.getId())).findFirst().orElseThrow();
    }

    /** The code (or type) of each entry; read on the FX thread. */
    private static List<String> rows(TableView<SessionEntry> log) {
        return rows(log.getItems());
    }

    private static List<String> rows(List<SessionEntry> entries) {
        return entries.stream().map(e -> e.line().code() != null ? e.line().code() : e.line().type()).toList();
    }
}
