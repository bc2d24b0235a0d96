package org.netstreamfx.app.ui.player;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Button;
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

/** The player window driven like a user would, with TestFX on headless Monocle. */
@ExtendWith(ApplicationExtension.class)
class PlayerFlowTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** What the "Open" button's file picker answers, in order. */
    private final Deque<Path> picks = new ArrayDeque<>();
    private PlayerView view;
    private PlayerViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new PlayerViewModel(Platform::runLater, NullAudioSink::new, new RecentItems());
        view = PlayerWindow.show(stage, vm, owner -> Optional.ofNullable(picks.poll()));
    }

    @AfterEach
    void close() {
        Fx.run(vm::dispose);
    }

    @Test
    void openAFileAndSeeFrames(FxRobot robot) {
        picks.add(TestMedia.clip());
        robot.clickOn("#open-file");
        Fx.waitUntil("10 frames on screen", WAIT, () -> view.video().framesShownProperty().get() >= 10, this::codes);
        assertEquals(320, Fx.call(() -> view.video().videoWidthProperty().get()));
        assertEquals(180, Fx.call(() -> view.video().videoHeightProperty().get()));
        assertEquals("clip-12s.mp4", robot.lookup("#stream-title").queryAs(Label.class).getText());
        Fx.waitUntil("PLAYING in the tool bar", WAIT,
                () -> robot.lookup("#player-state").queryAs(Label.class).getText().equals("PLAYING"), this::codes);
        long before = Fx.call(() -> view.video().framesShownProperty().get());
        Fx.waitUntil("more frames", WAIT, () -> view.video().framesShownProperty().get() > before + 10, this::codes);
    }

    @Test
    void spacePausesAndArrowSeeksAndTheEventsSaySo(FxRobot robot) {
        picks.add(TestMedia.clip());
        robot.clickOn("#open-file");
        Fx.waitUntil("frames", WAIT, () -> view.video().framesShownProperty().get() >= 5, this::codes);

        robot.type(KeyCode.SPACE);
        Fx.waitUntil("Pause.Notify", WAIT, () -> codes().contains("NetStream.Pause.Notify"), this::codes);
        Fx.waitUntil("PAUSED shown", WAIT,
                () -> robot.lookup("#player-state").queryAs(Label.class).getText().equals("PAUSED"), this::codes);
        Object frameWhilePaused = Fx.call(() -> view.video().frameProperty().get());
        assertTrue(frameWhilePaused != null, "the last frame stays while paused");

        robot.type(KeyCode.RIGHT);
        Fx.waitUntil("Seek.Notify", WAIT, () -> codes().contains("NetStream.Seek.Notify"), this::codes);
        Fx.waitUntil("the time label at the seek target", WAIT,
                () -> robot.lookup("#time").queryAs(Label.class).getText().startsWith("0:0"), this::codes);
        assertEquals("PAUSED", robot.lookup("#player-state").queryAs(Label.class).getText());

        robot.type(KeyCode.SPACE);
        Fx.waitUntil("Unpause.Notify", WAIT, () -> codes().contains("NetStream.Unpause.Notify"), this::codes);
    }

    @Test
    void aBadUrlShowsANotificationAndTheWindowKeepsWorking(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        Fx.waitUntil("the URL dialog", WAIT, () -> robot.lookup("#url-field").tryQuery().isPresent(), this::codes);
        robot.clickOn("#url-field").write("ftp://example.org/a.mp4");
        Fx.waitUntil("the dialog says why not", WAIT,
                () -> robot.lookup("#url-problem").queryAs(Label.class).getText().contains("rtmp://"), this::codes);
        robot.eraseText("ftp://example.org/a.mp4".length()).write("http://127.0.0.1:1/missing.mp4");
        robot.clickOn(robot.lookup(".open-url .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals("Open")).findFirst().orElseThrow());
        Fx.waitUntil("a notification", WAIT, () -> view.notifications().isShowing(), this::codes);
        Fx.waitUntil("the NetStatus code in it", WAIT,
                () -> robot.lookup("#notice-code").tryQueryAs(Label.class).map(Label::getText)
                        .filter(t -> t.equals("NetStream.Play.StreamNotFound") || t.equals("NetStream.Play.Failed"))
                        .isPresent(), this::codes);
        assertFalse(robot.lookup("#notice-advice").queryAs(Label.class).getText().isBlank());
        assertEquals("FAILED", robot.lookup("#player-state").queryAs(Label.class).getText());

        picks.add(TestMedia.clip());
        robot.clickOn("#open-file");
        Fx.waitUntil("frames after the failure", WAIT, () -> view.video().framesShownProperty().get() >= 10,
                this::codes);
        Fx.waitUntil("the notification gone", WAIT, () -> !view.notifications().isShowing(), this::codes);
        assertEquals(List.of(TestMedia.clip().toString()),
                Fx.call(() -> List.copyOf(vm.recent().items())), "only what opened is recent");
    }

    private List<String> codes() {
        return vm.events().stream().map(NetStatusEvent::code).toList();
    }
}
