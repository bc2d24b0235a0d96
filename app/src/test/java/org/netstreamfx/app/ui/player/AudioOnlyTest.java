package org.netstreamfx.app.ui.player;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netstreamfx.app.ui.Fx;
import org.netstreamfx.app.ui.TestMedia;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.sink.AudioSink;
import org.netstreamfx.player.sink.NullAudioSink;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * Issue 12, defect 2: an audio-only file shows what plays (title, codec, a level meter of the
 * sound being played) instead of "Open a file or a URL", and the no-device warning does not
 * speak of a picture.
 */
class AudioOnlyTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private PlayerView view;
    private PlayerViewModel vm;
    private final FxRobot robot = new FxRobot();

    private void show(Supplier<AudioSink> sinks) throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            vm = new PlayerViewModel(Platform::runLater, sinks, new RecentItems());
            view = PlayerWindow.show(stage, vm, owner -> Optional.empty());
        });
    }

    @AfterEach
    void close() throws Exception {
        if (vm != null) {
            Fx.run(vm::dispose);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void anAudioOnlyFileShowsItsTitleCodecAndLevel() throws Exception {
        show(NullAudioSink::new);
        Fx.run(() -> vm.open(TestMedia.tone().toString()));
        Fx.waitUntil("PLAYING", WAIT, () -> vm.stateProperty().get() == PlayerState.PLAYING, this::codes);
        Fx.waitUntil("a level", WAIT, () -> vm.figures().audioRmsDbfsProperty().get() > -30, this::codes);
        Fx.run(() -> {
            // This view's own label: robot.lookup searches every window, and an earlier test's
            // empty player may still be open.
            Label open = robot.from(view).lookup(".placeholder-title").queryAllAs(Label.class).stream()
                    .filter(l -> l.getText().equals("Open a file or a URL")).findFirst().orElseThrow();
            assertFalse(shown(open), "the empty player's invitation is not shown while a file plays");
            Node pane = view.lookup("#audio-only");
            assertTrue(pane != null && shown(pane), "the audio-only display shows");
            assertEquals("tone-8s.m4a", ((Label) view.lookup("#audio-title")).getText());
            String codec = ((Label) view.lookup("#audio-codec")).getText();
            assertTrue(codec.startsWith("AAC") && codec.contains("44.1 kHz") && codec.contains("stereo"), codec);
            double rms = vm.figures().audioRmsDbfsProperty().get();
            double peak = vm.figures().audioPeakDbfsProperty().get();
            // ffmpeg's sine is 1/8 of full scale: peak -18 dBFS, RMS -21 dBFS.
            assertTrue(peak > -21 && peak < -15, "peak " + peak);
            assertTrue(rms > -27 && rms <= peak, "rms " + rms);
            Node meter = view.lookup("#audio-level");
            Node bar = meter.lookup(".level-rms");
            assertTrue(bar.getLayoutBounds().getWidth() > 0.4 * meter.getLayoutBounds().getWidth(),
                    "the meter's bar follows the level");
            assertTrue(((Label) view.lookup("#audio-level-text")).getText().contains("dBFS"));
        });
    }

    @Test
    void withoutASoundDeviceTheWarningSpeaksOfNoPicture() throws Exception {
        show(NoAudioNoticeTest.NoDeviceSink::new);
        Fx.run(() -> vm.open(TestMedia.tone().toString()));
        Fx.waitUntil("the no-device notice", WAIT, () -> vm.noticeProperty().get() != null
                && vm.noticeProperty().get().code().equals("NetStreamFX.Audio.NoDevice"), this::codes);
        String advice = Fx.call(() -> vm.noticeProperty().get().advice());
        assertFalse(advice.toLowerCase().contains("picture"), advice);
        assertTrue(advice.contains("audio output"), advice);
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private List<String> codes() {
        return vm.events().stream().map(NetStatusEvent::code).toList();
    }
}
