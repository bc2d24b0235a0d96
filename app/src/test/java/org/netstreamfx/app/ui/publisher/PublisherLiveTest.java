package org.netstreamfx.app.ui.publisher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.app.bench.LocalNginx;
import org.netstreamfx.app.fault.FaultProxy;
import org.netstreamfx.app.session.SessionRecorder;
import org.netstreamfx.app.ui.Fx;
import org.netstreamfx.app.ui.settings.PublisherPrefs;
import org.netstreamfx.player.net.NetStatusEvent;
import org.testfx.api.FxToolkit;

/**
 * Going live to a real nginx-rtmp on a free loopback port, with the test camera and the tone:
 * Publish.Start, on air, the loopback monitor plays the stream back with a measured delay, and
 * Stop ends with Unpublish.Success.
 */
class PublisherLiveTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void goLiveSeeTheLoopbackWithItsDelayThenStop(@TempDir Path dir) throws Exception {
        LocalNginx.require();
        try (LocalNginx nginx = LocalNginx.start(dir)) {
            SessionRecorder log = new SessionRecorder(System.nanoTime());
            PublisherViewModel vm = Fx.call(() -> new PublisherViewModel(Platform::runLater,
                    PublisherViewModelTest.virtualDevices(), log,
                    new PublisherPrefs(nginx.liveApp(), "cam", "test", "tone", 320, 180, 25, 400, 64)));
            // The view wires the loopback Video node, whose frame observer feeds the delay meter.
            PublisherView view = Fx.call(() -> {
                PublisherView v = new PublisherView(vm, (owner, save) -> Optional.empty());
                new javafx.scene.Scene(v, 1000, 600).getStylesheets().add(org.netstreamfx.app.ui.MainWindow.STYLESHEET);
                v.applyCss();
                v.layout();
                return v;
            });
            try {
                Path recording = dir.resolve("published.flv");
                Fx.run(() -> {
                    vm.setStreamKey("SECRETKEY");
                    vm.setRecordFile(recording);
                    vm.goLive();
                });
                Fx.waitUntil("on air", WAIT, () -> vm.stateProperty().get() == PublisherState.LIVE, vm::events);
                assertTrue(codes(vm).contains("NetStream.Publish.Start"), codes(vm).toString());
                Fx.waitUntil("a measured loopback delay", WAIT,
                        () -> !Double.isNaN(vm.figures().delayMedianMsProperty().get())
                                && view.loopback().framesShownProperty().get() >= 10,
                        () -> codes(vm) + ", loopback frames " + view.loopback().framesShownProperty().get());
                double median = Fx.call(() -> vm.figures().delayMedianMsProperty().get());
                assertTrue(median > 0 && median < 5000, "end-to-end delay " + median + " ms");
                System.err.println("PublisherLiveTest: loopback delay median " + median + " ms");
                assertTrue(Fx.call(() -> vm.figures().onAirSecondsProperty().get()) > 0);
                Fx.waitUntil("what is sent", WAIT, () -> vm.figures().sentFpsProperty().get() > 0
                        && vm.figures().sentKbpsProperty().get() > 0, () -> vm.figures().sentFpsProperty().get());
                assertEquals(0, Fx.call(() -> vm.figures().droppedFramesProperty().get()), "nothing dropped on loopback");
                assertTrue(Fx.call(() -> ((javafx.scene.control.Label) view.lookup("#delay")).getText()).startsWith("End-to-end delay  last"));
                assertTrue(Fx.call(() -> vm.shownAddressProperty().get()).endsWith("/cam?key=SE***"),
                        Fx.call(() -> vm.shownAddressProperty().get()));

                Fx.run(vm::stop);
                Fx.waitUntil("stopped", WAIT, () -> vm.stateProperty().get() == PublisherState.IDLE, vm::events);
                assertTrue(codes(vm).contains("NetStream.Unpublish.Success"), codes(vm).toString());
                Fx.waitUntil("the recording", WAIT, () -> java.nio.file.Files.isRegularFile(recording)
                        && recording.toFile().length() > 10_000, () -> recording.toFile().length());
                assertTrue(log.entries().stream().anyMatch(e -> "NetStream.Publish.Start".equals(e.line().code())),
                        "the Tester's log sees the publish session");
                assertFalse(log.entries().toString().contains("SECRETKEY"), "the tester's log never holds the key");
                assertFalse(Fx.call(() -> vm.events().toString()).contains("SECRETKEY"));
            } finally {
                Fx.run(vm::dispose);
            }
        }
    }

    /**
     * A camera whose source disappears mid-publish (a file camera whose file is emptied under it):
     * NetStreamFX.Publish.FeedFailed as a notice that says the stream goes on, the session stays on
     * air, and the tone goes on being sent without pictures.
     */
    @Test
    void aCameraLostMidPublishGivesFeedFailedAndTheStreamGoesOnWithAudio(@TempDir Path dir) throws Exception {
        LocalNginx.require();
        Path demo = Path.of("..", "resources", "demo", "demo.mp4").toAbsolutePath().normalize();
        assertTrue(java.nio.file.Files.isRegularFile(demo), demo.toString());
        Path clip = java.nio.file.Files.copy(demo, dir.resolve("camera.mp4"));
        try (LocalNginx nginx = LocalNginx.start(dir)) {
            PublisherViewModel vm = Fx.call(() -> new PublisherViewModel(Platform::runLater,
                    PublisherViewModelTest.virtualDevices(), null,
                    new PublisherPrefs(nginx.liveApp(), "lost", clip.toString(), "tone", 320, 180, 25, 400, 64)));
            try {
                Fx.run(vm::goLive);
                Fx.waitUntil("on air, sending pictures", WAIT, () -> vm.stateProperty().get() == PublisherState.LIVE
                        && vm.figures().sentFpsProperty().get() > 0, vm::events);
                java.nio.file.Files.write(clip, new byte[0]); // the source disappears under the open camera
                Fx.waitUntil("FeedFailed", WAIT, () -> vm.events().stream()
                        .anyMatch(e -> e.code().equals("NetStreamFX.Publish.FeedFailed")), vm::events);
                NetStatusEvent failed = Fx.call(() -> vm.events().stream()
                        .filter(e -> e.code().equals("NetStreamFX.Publish.FeedFailed")).findFirst().orElseThrow());
                assertTrue(failed.description().startsWith("Camera " + clip + " stopped: "), failed.description());
                assertEquals("NetStreamFX.Publish.FeedFailed", Fx.call(() -> vm.noticeProperty().get().code()));
                assertTrue(Fx.call(() -> vm.noticeProperty().get().advice()).startsWith("The stream goes on"),
                        Fx.call(() -> vm.noticeProperty().get().advice()));
                Fx.waitUntil("audio alone sent", WAIT, () -> vm.figures().sentFpsProperty().get() == 0
                        && vm.figures().sentKbpsProperty().get() > 0, () -> vm.figures().sentFpsProperty().get() + " fps "
                        + vm.figures().sentKbpsProperty().get() + " kbit/s");
                assertEquals(PublisherState.LIVE, Fx.call(() -> vm.stateProperty().get()), codes(vm).toString());
                Fx.run(vm::stop);
                Fx.waitUntil("stopped", WAIT, () -> vm.stateProperty().get() == PublisherState.IDLE, vm::events);
                assertTrue(codes(vm).contains("NetStream.Unpublish.Success"), codes(vm).toString());
            } finally {
                Fx.run(vm::dispose);
            }
        }
    }

    private static List<String> codes(PublisherViewModel vm) {
        return Fx.call(() -> vm.events().stream().map(NetStatusEvent::code).toList());
    }

    @Test
    void aDroppedConnectionCountsDownReconnectsAndGoesOnAir(@TempDir Path dir) throws Exception {
        LocalNginx.require();
        try (LocalNginx nginx = LocalNginx.start(dir); FaultProxy proxy = FaultProxy.forUrl(nginx.liveApp())) {
            PublisherViewModel vm = Fx.call(() -> new PublisherViewModel(Platform::runLater,
                    PublisherViewModelTest.virtualDevices(), null,
                    new PublisherPrefs(proxy.proxiedUrl(nginx.liveApp()), "cam2", "test", "none", 320, 180, 25, 400, 64)));
            try {
                Fx.run(vm::goLive);
                Fx.waitUntil("on air", WAIT, () -> vm.stateProperty().get() == PublisherState.LIVE, vm::events);
                proxy.dropNow();
                Fx.waitUntil("the reconnect countdown", WAIT, () -> vm.stateProperty().get() == PublisherState.RECONNECTING
                        && vm.figures().reconnectSecondsProperty().get() >= 0, vm::events);
                Fx.waitUntil("on air again", WAIT, () -> vm.stateProperty().get() == PublisherState.LIVE
                        && vm.events().stream().anyMatch(e -> e.code().equals("NetStreamFX.Connect.Reconnected")),
                        vm::events);
                assertEquals(-1.0, Fx.call(() -> vm.figures().reconnectSecondsProperty().get()), 1e-9);
                Fx.run(vm::stop);
                Fx.waitUntil("stopped", WAIT, () -> vm.stateProperty().get() == PublisherState.IDLE, vm::events);
            } finally {
                Fx.run(vm::dispose);
            }
        }
    }
}
