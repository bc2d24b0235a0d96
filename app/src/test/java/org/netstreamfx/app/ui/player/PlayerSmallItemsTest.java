package org.netstreamfx.app.ui.player;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netstreamfx.app.ui.Fx;
import org.netstreamfx.app.ui.TestMedia;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.sink.NullAudioSink;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Issue 12, item 8 (the player's part): the end time, Recent and titles, Ctrl+W and Ctrl+Q. */
@ExtendWith(ApplicationExtension.class)
class PlayerSmallItemsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final Deque<Path> picks = new ArrayDeque<>();
    private PlayerView view;
    private PlayerViewModel vm;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        vm = new PlayerViewModel(Platform::runLater, NullAudioSink::new, new RecentItems());
        view = PlayerWindow.show(stage, vm, owner -> Optional.ofNullable(picks.poll()));
    }

    @AfterEach
    void close() {
        Fx.run(vm::dispose);
    }

    @Test
    void aFinishedFileShowsItsEnd(FxRobot robot) {
        playClip(robot);
        Fx.run(() -> vm.seek(10.5));
        Fx.waitUntil("ENDED", WAIT, () -> vm.stateProperty().get() == PlayerState.ENDED, this::codes);
        Fx.waitUntil("the time label at the end", WAIT,
                () -> robot.lookup("#time").queryAs(Label.class).getText().equals("0:12 / 0:12"),
                () -> robot.lookup("#time").queryAs(Label.class).getText());
    }

    @Test
    void aFailedUrlIsNotRecentAndItsTitleSaysWhere(FxRobot robot) {
        Fx.run(() -> vm.open("http://127.0.0.1:1/y"));
        Fx.waitUntil("FAILED", WAIT, () -> vm.stateProperty().get() == PlayerState.FAILED, this::codes);
        assertEquals(List.of(), Fx.call(() -> List.copyOf(vm.recent().items())), "a failed open is not recent");
        assertEquals("y (127.0.0.1)", robot.lookup("#stream-title").queryAs(Label.class).getText());
        playClip(robot);
        assertEquals(List.of(TestMedia.clip().toString()), Fx.call(() -> List.copyOf(vm.recent().items())));
    }

    @Test
    void shortcutWClosesWhatPlays(FxRobot robot) {
        playClip(robot);
        robot.press(KeyCode.SHORTCUT, KeyCode.W).release(KeyCode.W, KeyCode.SHORTCUT);
        Fx.waitUntil("IDLE", WAIT, () -> vm.stateProperty().get() == PlayerState.IDLE, this::codes);
        assertEquals("No stream", robot.lookup("#stream-title").queryAs(Label.class).getText());
        assertTrue(Fx.call(() -> vm.streamProperty().get() == null), "the stream is closed");
        assertEquals("0:00 / --:--", robot.lookup("#time").queryAs(Label.class).getText());
    }

    @Test
    void shortcutQClosesTheWindow(FxRobot robot) {
        assertTrue(Fx.call(stage::isShowing));
        robot.press(KeyCode.SHORTCUT, KeyCode.Q).release(KeyCode.Q, KeyCode.SHORTCUT);
        Fx.waitUntil("the window closed", WAIT, () -> !stage.isShowing(), () -> "showing");
    }

    private void playClip(FxRobot robot) {
        picks.add(TestMedia.clip());
        robot.clickOn("#open-file");
        Fx.waitUntil("playing", WAIT, () -> vm.stateProperty().get() == PlayerState.PLAYING, this::codes);
    }

    private List<String> codes() {
        return vm.events().stream().map(NetStatusEvent::code).toList();
    }
}
