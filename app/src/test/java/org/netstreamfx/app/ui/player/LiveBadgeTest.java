package org.netstreamfx.app.ui.player;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.app.bench.LocalNginx;
import org.netstreamfx.app.ui.Fx;
import org.netstreamfx.app.ui.tester.LivePublisher;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.sink.NullAudioSink;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 12, item 4: the LIVE badge on a live stream from a real nginx-rtmp (published by our
 * engine), its distance to the live edge, "BEHIND" past the catch-up threshold, and L going to
 * the newest data (NetStreamFX.Live.Join, bufferLength down); bufferTimeMax set in its field
 * reaches the stream playing.
 */
@ExtendWith(ApplicationExtension.class)
class LiveBadgeTest {
    private static final Duration WAIT = Duration.ofSeconds(25);
    private static final PseudoClass BEHIND = PseudoClass.getPseudoClass("behind");
    private PlayerView view;
    private PlayerViewModel vm;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        vm = new PlayerViewModel(Platform::runLater, NullAudioSink::new, new RecentItems());
        view = PlayerWindow.show(stage, vm, owner -> Optional.empty());
    }

    @AfterEach
    void close() {
        Fx.run(vm::dispose);
    }

    @Test
    void theBadgeShowsHowFarBehindTheLiveEdgeAndLGoesToIt(FxRobot robot) throws Exception {
        LocalNginx.require();
        try (LocalNginx nginx = LocalNginx.start(dir);
             LivePublisher publisher = new LivePublisher(nginx.liveApp(), "badge")) {
            Button badge = robot.lookup("#live-badge").queryAs(Button.class);
            assertFalse(Fx.call(badge::isVisible), "no badge before a live stream");
            // 2.5 s behind the live edge, and no catch-up while bufferTimeMax is 30 s.
            TextField max = robot.lookup("#buffer-time-max").queryAs(TextField.class);
            robot.doubleClickOn(max).eraseText(3).write("30").type(KeyCode.ENTER);
            assertTrue(Fx.call(() -> vm.urls().setBufferTime(2.5)));
            Fx.run(() -> vm.open(nginx.liveApp() + "/badge"));
            Fx.waitUntil("a live stream playing 2.5 s behind", WAIT, () -> vm.stateProperty().get() == PlayerState.PLAYING
                    && vm.liveProperty().get() && badge.isVisible() && vm.figures().bufferLengthProperty().get() > 1.8,
                    () -> vm.stateProperty().get() + " live " + vm.liveProperty().get() + " bufferLength "
                            + vm.figures().bufferLengthProperty().get() + " " + codes());
            assertEquals(30.0, Fx.call(() -> vm.streamProperty().get().bufferTimeMax()), "the field reached the stream");
            assertTrue(Fx.call(badge::getText).matches("LIVE \u2212\\d+\\.\\d s"), Fx.call(badge::getText));
            assertFalse(Fx.call(() -> badge.getPseudoClassStates().contains(BEHIND)));
            Fx.run(view::toggleStatsOverlay);
            Fx.waitUntil("the live edge in the stats overlay", WAIT,
                    () -> view.statsOverlay().getText().matches("(?s).*Live edge  \u2212\\d+\\.\\d\\d s \\(bufferLength\\)\nCatch-up   over 30\\.00 s.*"),
                    () -> view.statsOverlay().getText());

            // Media information for an rtmp stream: live, with the server's onMetaData.
            Fx.run(view::showMediaInfo);
            @SuppressWarnings("unchecked")
            javafx.scene.control.TableView<org.netstreamfx.app.probe.MediaInfo.Row> table =
                    robot.lookup("#media-info-table").queryAs(javafx.scene.control.TableView.class);
            Fx.waitUntil("the live stream's media information", WAIT,
                    () -> table.getItems().contains(new org.netstreamfx.app.probe.MediaInfo.Row("General", "Duration", "live"))
                            && table.getItems().contains(new org.netstreamfx.app.probe.MediaInfo.Row("Video", "Resolution", "320×180"))
                            && table.getItems().stream().anyMatch(r -> r.section().equals("Audio") && r.name().equals("Profile"))
                            && table.getItems().stream().anyMatch(r -> r.section().endsWith("etaData") || r.section().equals("Metadata")),
                    table::getItems);
            Fx.run(() -> table.getScene().getWindow().hide());

            // Past the catch-up threshold (bufferTimeMax 2 s) the badge reads BEHIND.
            robot.doubleClickOn(max).eraseText(4).write("2").type(KeyCode.ENTER);
            assertEquals(2.0, Fx.call(() -> vm.streamProperty().get().bufferTimeMax()));
            assertTrue(Fx.call(() -> vm.urls().setBufferTime(0.3)));
            Fx.waitUntil("BEHIND", WAIT, () -> badge.getPseudoClassStates().contains(BEHIND)
                    && badge.getText().startsWith("BEHIND \u2212"), () -> badge.getText() + " " + vm.figures().bufferLengthProperty().get());

            // L (the picture has the focus, no field is being edited) goes to the newest data.
            robot.clickOn(".picture-area");
            robot.type(KeyCode.L);
            Fx.waitUntil("Live.Join on request and bufferLength down", WAIT,
                    () -> vm.events().stream().anyMatch(e -> e.code().equals("NetStreamFX.Live.Join")
                            && e.description().contains("on request"))
                            && vm.figures().bufferLengthProperty().get() < 1.2 && badge.getText().startsWith("LIVE"),
                    () -> badge.getText() + " " + vm.figures().bufferLengthProperty().get() + " " + codes());
            assertEquals(PlayerState.PLAYING, Fx.call(() -> vm.stateProperty().get()));
        }
    }

    @Test
    void whenTheServerGoesTheSpinnerCountsDownEachReconnectTry(FxRobot robot) throws Exception {
        LocalNginx.require();
        LocalNginx nginx = LocalNginx.start(dir);
        try (LivePublisher publisher = new LivePublisher(nginx.liveApp(), "gone")) {
            Fx.run(() -> vm.open(nginx.liveApp() + "/gone"));
            Fx.waitUntil("playing", WAIT, () -> vm.stateProperty().get() == PlayerState.PLAYING, this::codes);
            javafx.scene.Node spinner = robot.lookup("#buffering").query();
            javafx.scene.control.Label reason = robot.lookup("#buffering-reason").queryAs(javafx.scene.control.Label.class);
            assertFalse(Fx.call(spinner::isVisible));
            nginx.close();
            Fx.waitUntil("a reconnect countdown", WAIT, () -> spinner.isVisible()
                    && reason.getText().matches("Reconnecting in \\d+ s \\(attempt \\d+\\)"),
                    () -> reason.getText() + " " + codes());
        } finally {
            nginx.close();
        }
    }

    @Test
    void theBadgeTextAndTheBehindRule() {
        assertEquals("LIVE \u22121.8 s", LiveBadge.text(1.83, false));
        assertEquals("BEHIND \u22124.2 s", LiveBadge.text(4.2, true));
        assertTrue(LiveBadge.behind(2.1, 2.0));
        assertFalse(LiveBadge.behind(1.9, 2.0));
        assertFalse(LiveBadge.behind(9, 0), "no threshold (catch-up off): never behind");
        assertEquals(2.0, Fx.call(vm.urls()::catchUpThreshold), "default policy: bufferTime 1 + max(1 s, 1)");
        assertTrue(Fx.call(() -> vm.urls().setBufferTime(3)));
        assertEquals(6.0, Fx.call(vm.urls()::catchUpThreshold), "default policy: bufferTime 3 + max(1 s, 3)");
        assertTrue(Fx.call(() -> vm.urls().setBufferTimeMax(4)));
        assertEquals(4.0, Fx.call(vm.urls()::catchUpThreshold), "bufferTimeMax when set");
        assertEquals(0, BufferingOverlay.percent(0, 1));
        assertEquals(50, BufferingOverlay.percent(0.5, 1));
        assertEquals(100, BufferingOverlay.percent(3, 1));
        assertEquals(100, BufferingOverlay.percent(0, 0));
    }

    private List<String> codes() {
        return vm.events().stream().map(NetStatusEvent::code).toList();
    }
}
