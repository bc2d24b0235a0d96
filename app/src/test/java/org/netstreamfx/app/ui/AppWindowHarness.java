package org.netstreamfx.app.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.netstreamfx.app.ui.player.PlayerState;
import org.netstreamfx.app.ui.player.PlayerViewModel;
import org.netstreamfx.app.ui.player.RecentItems;
import org.netstreamfx.app.ui.publisher.PublisherViewModel;
import org.netstreamfx.app.ui.settings.PublisherPrefs;
import org.netstreamfx.app.ui.tester.FaultInjection;
import org.netstreamfx.app.ui.tester.TesterViewModel;
import org.netstreamfx.capture.device.CameraDiscovery;
import org.netstreamfx.capture.device.Devices;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.sink.NullAudioSink;
import org.testfx.api.FxRobot;

/**
 * The app's window as DesktopApp builds it ({@link AppWindow}: Player, Tester, Publisher, the menu
 * bar), for TestFX flows: no sound device, virtual cameras only, the file chooser answering from
 * {@link #picks} (and counting how often it was asked), the export chooser from {@link #exports}.
 */
final class AppWindowHarness {
    /** The demo clip ./nsfx plays (the tests run in app/). */
    static final Path DEMO = Path.of("..", "resources", "demo", "demo.mp4").toAbsolutePath().normalize();
    /** How long {@link #playDemo} waits for the demo's frames. */
    private static final Duration PLAY_WAIT = Duration.ofSeconds(20);

    final Deque<Path> picks = new ArrayDeque<>();
    final Deque<Path> exports = new ArrayDeque<>();
    final AtomicInteger picksAsked = new AtomicInteger();
    final PlayerViewModel player;
    final TesterViewModel tester;
    final FaultInjection faults;
    final PublisherViewModel publisher;
    final AppWindow app;

    /** Builds the window on {@code stage} and shows it; call on the FX thread (a TestFX {@code @Start}). */
    AppWindowHarness(Stage stage) {
        player = new PlayerViewModel(Platform::runLater, NullAudioSink::new, new RecentItems());
        tester = new TesterViewModel(player);
        faults = new FaultInjection(player);
        publisher = new PublisherViewModel(Platform::runLater, new Devices(new CameraDiscovery("video4linux2"), List::of),
                tester.recorder(), PublisherPrefs.DEFAULTS);
        app = new AppWindow(player, owner -> {
            picksAsked.incrementAndGet();
            return Optional.ofNullable(picks.poll());
        }, tester, faults, (owner, format) -> Optional.ofNullable(exports.poll()), publisher,
                (owner, save) -> Optional.empty());
        Scene scene = new Scene(app.root(), 1100, 680);
        scene.getStylesheets().add(MainWindow.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    /** Opens the demo through the Open button and waits until it plays with {@code frames} frames shown. */
    void playDemo(FxRobot robot, int frames) {
        if (!Files.isRegularFile(DEMO)) {
            throw new AssertionError(DEMO + " is the bundled demo clip");
        }
        picks.add(DEMO);
        robot.clickOn("#open-file");
        Fx.waitUntil("the demo playing", PLAY_WAIT, () -> player.stateProperty().get() == PlayerState.PLAYING
                && app.player().video().framesShownProperty().get() >= frames, this::codes);
    }

    /** The codes of the player's events so far. */
    List<String> codes() {
        return player.events().stream().map(NetStatusEvent::code).toList();
    }

    /** Closes the sheet and the About box and stops everything (from any thread). */
    void dispose() {
        Fx.run(() -> {
            if (app.sheet().stage() != null) {
                app.sheet().stage().hide();
            }
            if (app.about().stage() != null) {
                app.about().stage().hide();
            }
            app.dispose();
            publisher.dispose();
            faults.dispose();
            tester.dispose();
            player.dispose();
        });
    }
}
