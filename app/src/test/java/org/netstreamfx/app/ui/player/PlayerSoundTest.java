package org.netstreamfx.app.ui.player;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netstreamfx.app.ui.Fx;
import org.netstreamfx.app.ui.TestMedia;
import org.netstreamfx.testkit.RunsAlone;
import org.netstreamfx.testkit.sound.MonitorRecording;
import org.netstreamfx.testkit.sound.SoundServer;
import org.netstreamfx.testkit.sound.SoundServerExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The player's volume slider and M, heard where a person hears them: the app plays through its
 * default sound output (Java Sound, ALSA's pulse plugin) into the test sound server, whose
 * monitor is recorded.
 */
@ExtendWith({SoundServerExtension.class, ApplicationExtension.class})
@RunsAlone
class PlayerSoundTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int RATE = 44100;
    private PlayerView view;
    private PlayerViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new PlayerViewModel(Platform::runLater, null, new RecentItems()); // the system's sound output
        view = PlayerWindow.show(stage, vm, owner -> Optional.empty());
    }

    @AfterEach
    void close() {
        Fx.run(vm::dispose);
    }

    private void awaitTime(double seconds) {
        Fx.waitUntil("the playhead past " + seconds + " s", WAIT, () -> vm.timeProperty().get() >= seconds,
                () -> vm.stateProperty().get());
    }

    @Test
    void theVolumeSliderAndMChangeWhatIsHeard(SoundServer server, FxRobot robot) throws Exception {
        MonitorRecording rec = server.record(SoundServer.SINK, RATE);
        Fx.run(() -> vm.open(TestMedia.clip().toString()));
        awaitTime(1.5);
        // When the view model saw each change (the robot's mouse takes its time to get there).
        java.util.List<Long> volumeChanges = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.List<Long> muteChanges = new java.util.concurrent.CopyOnWriteArrayList<>();
        Fx.run(() -> {
            vm.volumeProperty().addListener((o, was, now) -> volumeChanges.add(System.nanoTime()));
            vm.mutedProperty().addListener((o, was, now) -> muteChanges.add(System.nanoTime()));
        });
        // A click a quarter of the way along the slider's track moves the volume there.
        Slider slider = robot.lookup("#volume").queryAs(Slider.class);
        Bounds b = Fx.call(() -> slider.localToScreen(slider.getBoundsInLocal()));
        robot.clickOn(new Point2D(b.getMinX() + b.getWidth() * 0.25, b.getCenterY()));
        Fx.waitUntil("the volume moved", WAIT, () -> vm.volumeProperty().get() < 0.5, () -> vm.volumeProperty().get());
        double volume = Fx.call(() -> vm.volumeProperty().get());
        long sliderAt = volumeChanges.get(volumeChanges.size() - 1);
        awaitTime(2.3);
        robot.type(KeyCode.M);
        Fx.waitUntil("muted", WAIT, () -> vm.mutedProperty().get(), () -> "not muted");
        long muteAt = muteChanges.get(0);
        awaitTime(3.1);
        robot.type(KeyCode.M);
        Fx.waitUntil("unmuted", WAIT, () -> !vm.mutedProperty().get(), () -> "still muted");
        long unmuteAt = muteChanges.get(1);
        awaitTime(3.9);
        MonitorRecording.Recorded r = rec.stop();

        int ms = RATE / 1000;
        int s = (int) r.indexAt(sliderAt);
        int m = (int) r.indexAt(muteAt);
        int u = (int) r.indexAt(unmuteAt);
        double full = r.rmsDbfs(s - 400 * ms, s);
        double lowered = r.rmsDbfs(s + 100 * ms, m);
        double muted = r.rmsDbfs(m + 100 * ms, u);
        double back = r.rmsDbfs(u + 100 * ms, u + 500 * ms);
        StringBuilder profile = new StringBuilder("levels per 100 ms from 1 s before the slider: ");
        for (int i = s - 1000 * ms; i < r.frames(); i += 100 * ms) {
            profile.append(Math.round(r.rmsDbfs(i, i + 100 * ms))).append(' ');
        }
        assertTrue(full > -40, "the tone heard at full volume: " + full + " dBFS; " + profile);
        assertEquals(20 * Math.log10(volume), lowered - full, 1.0,
                "the slider at " + volume + ": " + lowered + " against " + full + " dBFS; " + profile);
        assertTrue(muted < -80, "M mutes: " + muted + " dBFS");
        assertEquals(lowered, back, 1.0, "M again: the slider's level is back");
    }
}
