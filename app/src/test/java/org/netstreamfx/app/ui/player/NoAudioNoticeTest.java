package org.netstreamfx.app.ui.player;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netstreamfx.app.ui.Fx;
import org.netstreamfx.app.ui.TestMedia;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.sink.AudioSink;
import org.netstreamfx.player.sink.AudioSinkException;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 12, defect 3: with no sound device, NetStreamFX.Audio.NoDevice is shown once a session
 * (not again on a replay or the next open), above the picture rather than over it, and whole.
 */
@ExtendWith(ApplicationExtension.class)
class NoAudioNoticeTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String NO_DEVICE = "NetStreamFX.Audio.NoDevice";
    private PlayerView view;
    private PlayerViewModel vm;

    /** A sound output that cannot be opened, as on a machine without one. */
    static final class NoDeviceSink implements AudioSink {
        @Override
        public void open(int sampleRateHz, int channels) throws AudioSinkException {
            throw new AudioSinkException("No sound output", null);
        }

        @Override
        public int write(byte[] pcm, int offset, int length) {
            return 0;
        }

        @Override
        public boolean drivesClock() {
            return false;
        }

        @Override
        public long playedFrames() {
            return 0;
        }

        @Override
        public long queuedFrames() {
            return 0;
        }

        @Override
        public void pause() {
        }

        @Override
        public void resume() {
        }

        @Override
        public void flush() {
        }

        @Override
        public void setVolume(double volume) {
        }

        @Override
        public void close() {
        }
    }

    @Start
    void start(Stage stage) {
        vm = new PlayerViewModel(Platform::runLater, NoDeviceSink::new, new RecentItems());
        view = PlayerWindow.show(stage, vm, owner -> Optional.empty());
    }

    @AfterEach
    void close() {
        Fx.run(vm::dispose);
    }

    @Test
    void theNoDeviceNoticeIsShownOnceAboveThePictureAndWhole(FxRobot robot) {
        Fx.run(() -> vm.open(TestMedia.clip().toString()));
        Fx.waitUntil("the notice", WAIT, () -> view.notifications().isShowing()
                && vm.noticeProperty().get() != null && NO_DEVICE.equals(vm.noticeProperty().get().code()), this::codes);
        Fx.waitUntil("frames on screen", WAIT, () -> view.video().framesShownProperty().get() >= 5, this::codes);
        robot.sleep(600); // the bar's slide-in
        Fx.run(() -> {
            Node bar = view.notifications().lookup(".notification-bar");
            Bounds barBounds = bar.localToScene(bar.getLayoutBounds());
            Bounds picture = view.video().localToScene(view.video().getLayoutBounds());
            assertTrue(barBounds.getHeight() > 10, "the bar shows: " + barBounds);
            assertTrue(picture.getMinY() >= barBounds.getMaxY() - 1,
                    "the picture " + picture + " starts below the bar " + barBounds);
            for (String id : List.of("#notice-code", "#notice-description", "#notice-advice")) {
                Label l = (Label) view.notifications().lookup(id);
                Text shown = (Text) l.lookup(".text");
                assertEquals(l.getText(), shown.getText(), id + " is not cut");
            }
        });
        Fx.run(vm::dismissNotice);

        // A replay, then the same file opened again: the device is still missing, no new notice.
        Fx.run(() -> vm.seek(11.5));
        Fx.waitUntil("the end", WAIT, () -> vm.stateProperty().get() == PlayerState.ENDED, this::codes);
        Fx.run(vm::togglePause);
        Fx.waitUntil("a second NoDevice event", WAIT, () -> count() >= 2, this::codes);
        Fx.run(() -> vm.open(TestMedia.clip().toString()));
        Fx.waitUntil("a third NoDevice event", WAIT, () -> count() >= 3, this::codes);
        robot.sleep(300);
        assertFalse(Fx.call(() -> view.notifications().isShowing()), "said once a session");
        assertEquals(null, Fx.call(() -> vm.noticeProperty().get()));
    }

    private long count() {
        return vm.events().stream().filter(e -> e.code().equals(NO_DEVICE)).count();
    }

    private List<String> codes() {
        return vm.events().stream().map(NetStatusEvent::code).toList();
    }
}
