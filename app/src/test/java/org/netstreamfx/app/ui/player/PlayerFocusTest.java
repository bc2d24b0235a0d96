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
import javafx.scene.control.TextField;
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

/**
 * Issue 12, item 1: the player's keys work whatever has focus, except while the user is editing a
 * text field on purpose; clicking the picture takes focus.
 */
@ExtendWith(ApplicationExtension.class)
class PlayerFocusTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
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
    void keysWorkAfterFocusFallsIntoTheBufferTimeField(FxRobot robot) {
        playClip(robot);
        TextField field = robot.lookup("#buffer-time").queryAs(TextField.class);
        String before = Fx.call(field::getText);
        // What JavaFX does when the seek slider is disabled under the user's focus.
        Fx.run(field::requestFocus);
        assertTrue(Fx.call(field::isFocused));

        robot.type(KeyCode.M);
        Fx.waitUntil("muted by M", WAIT, () -> vm.mutedProperty().get(), this::codes);
        robot.type(KeyCode.SPACE);
        Fx.waitUntil("paused by Space", WAIT, () -> vm.stateProperty().get() == PlayerState.PAUSED, this::codes);
        assertEquals(before, Fx.call(field::getText), "nothing typed into the bufferTime field");
    }

    @Test
    void theSeekBarDisabledDuringAnOpenLeavesTheKeysWorking(FxRobot robot) {
        playClip(robot);
        robot.clickOn(".seek-slider");
        picks.add(TestMedia.clip());
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        Fx.waitUntil("frames again", WAIT, () -> vm.stateProperty().get() == PlayerState.PLAYING, this::codes);
        TextField field = robot.lookup("#buffer-time").queryAs(TextField.class);
        String before = Fx.call(field::getText);
        robot.type(KeyCode.M);
        Fx.waitUntil("muted by M", WAIT, () -> vm.mutedProperty().get(), this::codes);
        assertEquals(before, Fx.call(field::getText), "nothing typed into the bufferTime field");
    }

    @Test
    void clickingThePictureTakesFocus(FxRobot robot) {
        playClip(robot);
        TextField field = robot.lookup("#buffer-time").queryAs(TextField.class);
        robot.clickOn(field);
        assertTrue(Fx.call(field::isFocused));
        robot.clickOn(".picture-area");
        Fx.waitUntil("the field lost focus", WAIT, () -> !field.isFocused(), this::codes);
        robot.type(KeyCode.M);
        Fx.waitUntil("muted by M", WAIT, () -> vm.mutedProperty().get(), this::codes);
    }

    @Test
    void aFieldTheUserClickedIntoTakesTheKeys(FxRobot robot) {
        playClip(robot);
        TextField field = robot.lookup("#buffer-time").queryAs(TextField.class);
        robot.doubleClickOn(field);
        robot.type(KeyCode.DIGIT2, KeyCode.M);
        assertFalse(Fx.call(() -> vm.mutedProperty().get()), "M is typed, not a shortcut, while editing");
        String text = Fx.call(field::getText);
        assertTrue(text.contains("2"), text);
        robot.type(KeyCode.ENTER);
    }

    private void playClip(FxRobot robot) {
        picks.add(TestMedia.clip());
        robot.clickOn("#open-file");
        Fx.waitUntil("playing", WAIT, () -> vm.stateProperty().get() == PlayerState.PLAYING
                && view.video().framesShownProperty().get() >= 3, this::codes);
    }

    private List<String> codes() {
        return vm.events().stream().map(NetStatusEvent::code).toList();
    }
}
