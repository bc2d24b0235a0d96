package org.netstreamfx.app.ui.tester;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.app.session.SessionEntry;
import org.netstreamfx.app.ui.Fx;
import org.netstreamfx.app.ui.TestMedia;
import org.netstreamfx.app.ui.player.PlayerView;
import org.netstreamfx.app.ui.player.PlayerViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Player and the Tester in one window, driven like a user would, with TestFX on headless Monocle. */
@ExtendWith(ApplicationExtension.class)
class TesterFlowTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private PlayerAndTester window;
    private PlayerViewModel player;
    private TesterViewModel tester;
    private PlayerView playerView;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        window = new PlayerAndTester(stage);
        player = window.player;
        tester = window.tester;
        playerView = window.playerView;
    }

    @AfterEach
    void close() {
        window.dispose();
    }

    @Test
    void pauseAndSeekShowInTheTesterLogTheChartGrowsAndExportWritesJsonLines(FxRobot robot) throws IOException {
        window.picks.add(TestMedia.clip());
        robot.clickOn("#open-file");
        Fx.waitUntil("frames", WAIT, () -> playerView.video().framesShownProperty().get() >= 5, this::codes);
        robot.type(KeyCode.SPACE);
        Fx.waitUntil("paused", WAIT, () -> codes().contains("NetStream.Pause.Notify"), this::codes);
        robot.type(KeyCode.RIGHT);
        Fx.waitUntil("seeked", WAIT, () -> codes().contains("NetStream.Seek.Notify"), this::codes);
        robot.type(KeyCode.SPACE);

        robot.clickOn("#nav-tester");
        TableView<SessionEntry> log = robot.lookup("#event-log").queryTableView();
        Fx.waitUntil("Pause.Notify and Seek.Notify in the tester's table", WAIT,
                () -> rows(log).containsAll(List.of("NetStream.Pause.Notify", "NetStream.Seek.Notify")),
                () -> rows(log));
        int points = Fx.call(() -> tester.chartPoints().size());
        Fx.waitUntil("the buffer chart gains points", WAIT, () -> tester.chartPoints().size() >= points + 4,
                () -> tester.chartPoints().size());

        robot.clickOn("#log-filter").write("seek");
        Fx.waitUntil("only the seek", WAIT, () -> rows(log).stream().allMatch(c -> c.contains("Seek")) && !rows(log).isEmpty(),
                () -> rows(log));

        Fx.run(() -> log.getSelectionModel().select(0));
        robot.clickOn("#copy-event");
        String copied = Fx.call(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertTrue(copied != null && copied.contains("NetStream.Seek.Notify"), copied);

        Path file = dir.resolve("flow.jsonl");
        window.exports.add(file);
        robot.clickOn("#export-jsonl");
        Fx.waitUntil("the export written", WAIT, () -> tester.exportStatusProperty().get().startsWith("Wrote"),
                () -> tester.exportStatusProperty().get());
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertFalse(lines.isEmpty());
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            assertTrue(json.readTree(line).has("type"), line);
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"code\":\"NetStream.Pause.Notify\"")));
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"type\":\"stats\"")));
    }

    /** The code (or type) of each row; read on the FX thread. */
    private static List<String> rows(TableView<SessionEntry> log) {
        return log.getItems().stream().map(e -> e.line().code() != null ? e.line().code() : e.line().type()).toList();
    }

    private List<String> codes() {
        return player.events().stream().map(e -> e.code()).toList();
    }
}
