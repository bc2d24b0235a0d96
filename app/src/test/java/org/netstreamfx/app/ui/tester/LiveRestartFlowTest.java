package org.netstreamfx.app.ui.tester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.app.bench.LocalNginx;
import org.netstreamfx.app.ui.Fx;
import org.netstreamfx.app.ui.player.PlayerView;
import org.netstreamfx.app.ui.player.PlayerViewModel;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.testkit.RunsAlone;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Player on a live stream whose publisher restarts, as a user sees it: a real nginx-rtmp
 * (started on a free loopback port, without {@code publish_notify}, as most servers run: nothing
 * announces the new publisher), our engine publishing, stopping, and publishing again on the same
 * name with its timestamps starting again at 0. The picture moves again within 3 s of the new
 * publisher's Publish.Start, the Player's events say what happened, and the dropped-frame count
 * is not the thousands that waiting for the old timestamps gave.
 */
@ExtendWith(ApplicationExtension.class)
@RunsAlone
class LiveRestartFlowTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** What the issue asks: the picture back within 3 s of the new publisher. */
    private static final long PICTURE_BACK_MS = 3_000;
    private PlayerAndTester window;
    private PlayerViewModel player;
    private PlayerView playerView;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        window = new PlayerAndTester(stage);
        player = window.player;
        playerView = window.playerView;
    }

    @AfterEach
    void close() {
        window.dispose();
    }

    @Test
    void theLivePictureComesBackWithinThreeSecondsOfANewPublisher(FxRobot robot) throws Exception {
        LocalNginx.require();
        try (LocalNginx nginx = LocalNginx.start(dir)) {
            try (LivePublisher first = new LivePublisher(nginx.liveApp(), "restart")) {
                robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
                Fx.waitUntil("the URL dialog", WAIT, () -> robot.lookup("#url-field").tryQuery().isPresent(),
                        this::codes);
                robot.clickOn("#url-field").write(nginx.liveApp() + "/restart");
                robot.clickOn(robot.lookup(".open-url .button").queryAllAs(Button.class).stream()
                        .filter(b -> b.getText().equals("Open")).findFirst().orElseThrow());
                // 3 s of the first publisher, so that the second one's timestamps are well behind
                Fx.waitUntil("the first publisher's pictures", WAIT,
                        () -> playerView.video().framesShownProperty().get() >= 75, this::codes);
            }
            AtomicLong shownBefore = new AtomicLong();
            Fx.waitUntil("the picture stops with the publisher", WAIT, () -> {
                long now = playerView.video().framesShownProperty().get();
                boolean still = now == shownBefore.getAndSet(now);
                return still && codes().contains("NetStream.Buffer.Empty");
            }, this::codes);
            long droppedBefore = Fx.call(() -> player.figures().droppedFramesProperty().get());
            try (LivePublisher second = new LivePublisher(nginx.liveApp(), "restart")) {
                long published = System.nanoTime();
                Fx.waitUntil("the new publisher's pictures", WAIT,
                        () -> playerView.video().framesShownProperty().get() > shownBefore.get(), this::codes);
                long backMs = (System.nanoTime() - published) / 1_000_000;
                Fx.waitUntil("the picture keeps moving", WAIT,
                        () -> playerView.video().framesShownProperty().get() >= shownBefore.get() + 25, this::codes);
                List<NetStatusEvent> jumps = Fx.call(() -> player.events().stream()
                        .filter(e -> e.code().equals("NetStreamFX.Live.Discontinuity")).toList());
                long dropped = Fx.call(() -> player.figures().droppedFramesProperty().get()) - droppedBefore;
                System.out.println("app, publisher restart: picture back " + backMs + " ms after Publish.Start; "
                        + dropped + " frames dropped; " + jumps.stream().map(NetStatusEvent::description).toList());
                assertTrue(backMs <= PICTURE_BACK_MS, "the picture moved again " + backMs + " ms after the new "
                        + "publisher started");
                assertEquals(1, jumps.size(), "one discontinuity: " + Fx.call(this::codes));
                assertTrue(jumps.get(0).description().contains("timestamps went back"), jumps.get(0).description());
                // Waiting for the old timestamps dropped thousands; a loaded 2-core machine drops a few dozen.
                assertTrue(dropped <= 60, dropped + " frames dropped across the restart");
                assertEquals(List.of(), Fx.call(this::codes).stream().filter(c -> c.endsWith("Failed")).toList());
            }
        }
    }

    /** The player's event codes; call on the FX thread. */
    private List<String> codes() {
        return player.events().stream().map(NetStatusEvent::code).toList();
    }
}
