package org.netstreamfx.app.ui.tester;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netstreamfx.app.ui.Fx;
import org.netstreamfx.app.ui.TestMedia;
import org.netstreamfx.app.ui.player.PlayerState;
import org.netstreamfx.player.net.NetStatusEvent;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 12, defect 6: the dropped-frame figure is one number (late in the engine plus replaced
 * before the screen showed them), the same in the Player's transport bar and the Tester's stats,
 * and it starts from 0 again on a replay.
 */
@ExtendWith(ApplicationExtension.class)
class DroppedFramesTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Pattern DROPPED = Pattern.compile("(\\d+) dropped");
    private PlayerAndTester app;
    private StatsPanel stats;

    @Start
    void start(Stage stage) {
        app = new PlayerAndTester(stage);
        stats = new StatsPanel(app.tester);
    }

    @AfterEach
    void close() {
        app.dispose();
    }

    @Test
    void playerAndTesterShowTheSameDroppedCountAndAReplayStartsFromZero(FxRobot robot) {
        app.picks.add(TestMedia.clip());
        robot.clickOn("#open-file");
        Fx.waitUntil("frames on screen", WAIT, () -> app.playerView.video().framesShownProperty().get() >= 10,
                this::codes);
        // A busy UI thread: pictures delivered meanwhile are replaced before the screen takes them.
        Fx.run(() -> sleep(1500)); // the cause under test, not a wait
        Fx.waitUntil("replaced frames counted", WAIT,
                () -> app.playerView.video().framesDroppedProperty().get() >= 20, this::codes);
        // The figures are polled from the engine: wait for a poll that has the replaced frames in it.
        Fx.waitUntil("the player's figure has the replaced frames and the tester's agrees", WAIT,
                () -> playerFigure() >= 20 && playerFigure() == testerFigure(),
                () -> "player " + playerFigure() + ", tester " + testerFigure());
        long before = Fx.call(this::playerFigure);
        assertTrue(before >= 20, "the replaced frames are in the figure: " + before);

        Fx.run(() -> app.player.seek(11.5));
        Fx.waitUntil("the end", WAIT, () -> app.player.stateProperty().get() == PlayerState.ENDED, this::codes);
        long shown = Fx.call(() -> app.playerView.video().framesShownProperty().get());
        Fx.run(app.player::togglePause); // replay
        Fx.waitUntil("frames of the replay", WAIT,
                () -> app.playerView.video().framesShownProperty().get() >= shown + 3, this::codes);
        long after = Fx.call(this::playerFigure);
        // Not always 0 on a loaded machine, but far below what the first play counted.
        assertTrue(after < before - 10, "a replay starts from 0, not from " + before + ": " + after);
        Fx.waitUntil("still the same figure in the tester", WAIT, () -> playerFigure() == testerFigure(),
                () -> "player " + playerFigure() + ", tester " + testerFigure());
    }

    /** The count in the transport bar's figures (FX thread). */
    private long playerFigure() {
        String text = ((Label) app.playerView.lookup("#figures")).getText();
        Matcher m = DROPPED.matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** The Tester's "Dropped frames" (FX thread). */
    private long testerFigure() {
        return Long.parseLong(((Label) stats.lookup("#stat-dropped")).getText());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<String> codes() {
        return app.player.events().stream().map(NetStatusEvent::code).toList();
    }
}
