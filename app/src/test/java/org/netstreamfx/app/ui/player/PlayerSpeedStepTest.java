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
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netstreamfx.app.ui.Fx;
import org.netstreamfx.app.ui.TestMedia;
import org.netstreamfx.player.net.NetStatusCode;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.sink.NullAudioSink;
import org.netstreamfx.testkit.RunsAlone;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 12, "what users reach for": playback speed ([ ] Backspace and the speed button) and frame
 * step (. and ,) in the player, on a real file through the engine.
 */
@ExtendWith(ApplicationExtension.class)
@RunsAlone
class PlayerSpeedStepTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
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
    void bracketsAndTheSpeedButtonSetTheStreamsRateAndItHoldsForTheNextItem(FxRobot robot) {
        playClip(robot);
        MenuButton speed = robot.lookup("#speed").queryAs(MenuButton.class);
        assertEquals("1×", Fx.call(speed::getText));
        robot.type(KeyCode.CLOSE_BRACKET, KeyCode.CLOSE_BRACKET);
        Fx.waitUntil("1.5x on the stream", WAIT, () -> vm.streamProperty().get().playbackRate() == 1.5
                && has(NetStatusCode.NSFX_PLAYBACK_RATE), this::codes);
        assertEquals("1.5×", Fx.call(speed::getText));
        robot.type(KeyCode.OPEN_BRACKET, KeyCode.OPEN_BRACKET, KeyCode.OPEN_BRACKET);
        Fx.waitUntil("0.75x", WAIT, () -> vm.streamProperty().get().playbackRate() == 0.75, this::codes);
        robot.type(KeyCode.BACK_SPACE);
        Fx.waitUntil("1x", WAIT, () -> vm.streamProperty().get().playbackRate() == 1.0, this::codes);

        robot.clickOn(speed).clickOn("#speed-2x");
        Fx.waitUntil("2x from the menu", WAIT, () -> vm.streamProperty().get().playbackRate() == 2.0, this::codes);
        // The media clock runs at twice the wall clock (bound loose for a loaded machine).
        double t0 = Fx.call(() -> vm.streamProperty().get().time());
        long w0 = System.nanoTime();
        Fx.waitUntil("1 s of media played", WAIT, () -> vm.streamProperty().get().time() >= t0 + 1.0, this::codes);
        double wall = (System.nanoTime() - w0) / 1e9;
        assertTrue(wall < 0.9, "1 s of media at 2x took " + wall + " s of wall time");

        // The speed holds for the next item, as in VLC and mpv.
        picks.add(TestMedia.clip());
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        Fx.waitUntil("the next item at 2x", WAIT, () -> vm.stateProperty().get() == PlayerState.PLAYING
                && vm.streamProperty().get().currentPlaybackRate() == 2.0, this::codes);
        assertEquals("2×", Fx.call(speed::getText));
    }

    @Test
    void speedKeysAreTypedWhileAFieldIsEdited(FxRobot robot) {
        playClip(robot);
        TextField field = robot.lookup("#buffer-time").queryAs(TextField.class);
        robot.doubleClickOn(field);
        robot.type(KeyCode.CLOSE_BRACKET);
        assertEquals(1.0, Fx.call(() -> vm.speed().playbackRateProperty().get()), "] is typed, not a shortcut, while editing");
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void periodPausesAndStepsOneFrameAndCommaStepsBack(FxRobot robot) {
        playClip(robot);
        robot.type(KeyCode.PERIOD);
        Fx.waitUntil("paused and stepped", WAIT, () -> vm.stateProperty().get() == PlayerState.PAUSED
                && count(NetStatusCode.NETSTREAM_STEP_NOTIFY) == 1, this::codes);
        double first = stepTime(0);
        robot.type(KeyCode.PERIOD);
        Fx.waitUntil("a second step", WAIT, () -> count(NetStatusCode.NETSTREAM_STEP_NOTIFY) == 2, this::codes);
        double second = stepTime(1);
        // The clip is 25 fps: one frame is 40 ms.
        assertEquals(0.04, second - first, 0.005, "one frame forward");
        robot.type(KeyCode.COMMA);
        Fx.waitUntil("a step back", WAIT, () -> count(NetStatusCode.NETSTREAM_STEP_NOTIFY) == 3, this::codes);
        assertEquals(first, stepTime(2), 0.005, "one frame back");
        assertEquals(first, Fx.call(() -> vm.streamProperty().get().time()), 0.005, "time() on the frame shown");
        assertEquals(PlayerState.PAUSED, Fx.call(() -> vm.stateProperty().get()));
    }

    private double stepTime(int n) {
        return Fx.call(() -> vm.events().stream().filter(e -> e.is(NetStatusCode.NETSTREAM_STEP_NOTIFY))
                .skip(n).findFirst().map(e -> ((Number) e.details()).doubleValue()).orElseThrow());
    }

    private void playClip(FxRobot robot) {
        picks.add(TestMedia.clip());
        robot.clickOn("#open-file");
        Fx.waitUntil("playing", WAIT, () -> vm.stateProperty().get() == PlayerState.PLAYING
                && view.video().framesShownProperty().get() >= 3, this::codes);
        robot.clickOn(".picture-area");
    }

    private boolean has(NetStatusCode code) {
        return count(code) > 0;
    }

    private long count(NetStatusCode code) {
        return vm.events().stream().filter(e -> e.is(code)).count();
    }

    private List<String> codes() {
        return vm.events().stream().map(NetStatusEvent::code).toList();
    }
}
