package org.netstreamfx.app.ui.player;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netstreamfx.app.ui.Fx;
import org.netstreamfx.player.sink.NullAudioSink;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 12, item 7: in full screen the rail, tool bar and transport hide while the mouse is still
 * and come back when it moves; Esc leaves full screen; a double-click on the picture toggles it.
 */
@ExtendWith(ApplicationExtension.class)
class PlayerFullScreenTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private PlayerView view;
    private PlayerViewModel vm;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        vm = new PlayerViewModel(Platform::runLater, NullAudioSink::new, new RecentItems());
        view = PlayerWindow.show(stage, vm, owner -> Optional.empty());
        // The test fires the idle timer itself.
        view.chrome().setIdleDelay(javafx.util.Duration.hours(1));
    }

    @AfterEach
    void close() {
        Fx.run(() -> stage.setFullScreen(false));
        Fx.run(vm::dispose);
    }

    @Test
    void doubleClickOnThePictureTogglesFullScreenAndEscLeavesIt(FxRobot robot) {
        robot.doubleClickOn(".picture-area");
        Fx.waitUntil("full screen", WAIT, stage::isFullScreen, () -> "windowed");
        robot.type(KeyCode.ESCAPE);
        Fx.waitUntil("windowed after Esc", WAIT, () -> !stage.isFullScreen(), () -> "full screen");
        robot.doubleClickOn(".picture-area");
        Fx.waitUntil("full screen again", WAIT, stage::isFullScreen, () -> "windowed");
        robot.doubleClickOn(".picture-area");
        Fx.waitUntil("windowed after a double-click", WAIT, () -> !stage.isFullScreen(), () -> "full screen");
    }

    @Test
    void inFullScreenTheControlsHideWhenTheMouseIsStillAndComeBackWhenItMoves(FxRobot robot) {
        robot.moveTo(".picture-area");
        robot.type(KeyCode.F);
        Fx.waitUntil("full screen", WAIT, stage::isFullScreen, () -> "windowed");
        assertTrue(Fx.call(this::controlsShown), "shown on entering full screen");

        Fx.run(() -> view.chrome().idleElapsed());
        assertTrue(Fx.call(this::controlsHidden), "hidden after the idle delay");

        robot.moveBy(30, 20);
        Fx.waitUntil("shown on a mouse move", WAIT, this::controlsShown, this::what);
        Fx.run(() -> view.chrome().idleElapsed());
        assertTrue(Fx.call(this::controlsHidden), "hidden again");

        robot.type(KeyCode.ESCAPE);
        Fx.waitUntil("windowed", WAIT, () -> !stage.isFullScreen(), () -> "full screen");
        assertTrue(Fx.call(this::controlsShown), "shown out of full screen");
        Fx.run(() -> view.chrome().idleElapsed());
        assertTrue(Fx.call(this::controlsShown), "never hidden out of full screen");
    }

    @Test
    void theControlsStayWhileTheMouseRestsOnThem(FxRobot robot) {
        robot.moveTo(".picture-area");
        robot.type(KeyCode.F);
        Fx.waitUntil("full screen", WAIT, stage::isFullScreen, () -> "windowed");
        robot.moveTo("#play-pause");
        Fx.run(() -> view.chrome().idleElapsed());
        assertTrue(Fx.call(this::controlsShown), "shown while the mouse is on the transport");
        robot.moveTo(".picture-area");
        Fx.run(() -> view.chrome().idleElapsed());
        assertTrue(Fx.call(this::controlsHidden), "hidden once it is on the picture");
    }

    @Test
    void theRealIdleTimerHidesTheControls(FxRobot robot) {
        Fx.run(() -> view.chrome().setIdleDelay(javafx.util.Duration.millis(300)));
        robot.moveTo(".picture-area");
        robot.type(KeyCode.F);
        Fx.waitUntil("full screen", WAIT, stage::isFullScreen, () -> "windowed");
        Fx.waitUntil("hidden after 300 ms still", WAIT, this::controlsHidden, this::what);
        assertFalse(Fx.call(() -> view.chrome().hiddenProperty().get()) && !stage.isFullScreen());
    }

    private boolean controlsShown() {
        return node("#open-file").getParent().isVisible() && node(".transport").isVisible()
                && node(".nav-rail").isVisible();
    }

    private boolean controlsHidden() {
        return !node("#open-file").getParent().isVisible() && !node(".transport").isVisible()
                && !node(".nav-rail").isVisible();
    }

    private String what() {
        return "tool bar " + node("#open-file").getParent().isVisible() + ", transport "
                + node(".transport").isVisible() + ", rail " + node(".nav-rail").isVisible();
    }

    private Node node(String selector) {
        return stage.getScene().getRoot().lookup(selector);
    }
}
