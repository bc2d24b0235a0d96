package org.netstreamfx.app.ui;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.netstreamfx.app.ui.player.PlayerView;
import org.netstreamfx.app.ui.player.PlayerViewModel;
import org.netstreamfx.app.ui.player.RecentItems;
import org.netstreamfx.app.ui.publisher.PublishSetup;
import org.netstreamfx.app.ui.publisher.PublisherView;
import org.netstreamfx.app.ui.publisher.PublisherViewModel;
import org.netstreamfx.app.ui.settings.AppSettings;
import org.netstreamfx.app.ui.settings.SettingsSaver;
import org.netstreamfx.app.ui.tester.ExportPicker;
import org.netstreamfx.app.ui.tester.FaultInjection;
import org.netstreamfx.app.ui.tester.TesterView;
import org.netstreamfx.app.ui.tester.TesterViewModel;
import org.netstreamfx.capture.device.Devices;
import org.netstreamfx.player.net.SharedObjectStore;

/**
 * Starts JavaFX (without an Application subclass, so the command line runs without it), opens the
 * main window on an address, and returns when the window is closed.
 */
public final class DesktopApp {
    /** Give up on screenshots when no frame was shown after this long. */
    static final Duration SCREENSHOT_TIMEOUT = Duration.seconds(60);

    /**
     * What to open and how.
     *
     * @param address           a file path or URL to play at once
     * @param screenshotDir     when not null: after {@code screenshotFrames} frames, write a PNG of
     *                          each view there and close
     * @param screenshotFrames  how many frames to wait for before the screenshots
     */
    public record Options(String address, Path screenshotDir, int screenshotFrames) {
    }

    private final PrintStream err;

    public DesktopApp(PrintStream err) {
        this.err = err;
    }

    /** Whether a window can be shown: a display on Linux/BSD, always on macOS and Windows. */
    public static boolean displayAvailable() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.startsWith("mac") || os.startsWith("windows")) {
            return true;
        }
        return notBlank(System.getenv("DISPLAY")) || notBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    /** Runs the window; returns the exit status (0, or 1 when the screenshots failed). */
    public int run(Options options) {
        CountDownLatch closed = new CountDownLatch(1);
        AtomicInteger exit = new AtomicInteger();
        ExecutorService settingsIo = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "nsfx-settings-io");
            t.setDaemon(true);
            return t;
        });
        // Read before the toolkit starts, so the FX thread never waits for the disk.
        AppSettings settings = new AppSettings(SharedObjectStore.inUserConfig("NetStreamFX", Platform::runLater),
                settingsIo);
        try {
            Platform.startup(() -> open(new Stage(), options, settings, exit, closed));
        } catch (RuntimeException e) {
            err.println("nsfx gui: cannot start the window: " + e.getMessage()
                    + " (no display? use ./nsfx play <file|url> for the headless player)");
            return 1;
        }
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exit.set(1);
        }
        settingsIo.shutdown();
        try {
            settingsIo.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Platform.exit();
        return exit.get();
    }

    // Called on the FX thread.

    private void open(Stage stage, Options options, AppSettings settings, AtomicInteger exit, CountDownLatch closed) {
        PlayerViewModel vm = new PlayerViewModel(Platform::runLater, null,
                new RecentItems(RecentItems.DEFAULT_CAPACITY, settings.recentItems()));
        PlayerView player = new PlayerView(vm, PlayerView.fileChooser());
        TesterViewModel tester = new TesterViewModel(vm);
        FaultInjection faults = new FaultInjection(vm);
        settings.addNetStatusListener(tester.log());
        MainWindow window = new MainWindow();
        window.addView("player", "Player", Icons.PLAYER.node(22), player);
        window.addView("tester", "Tester", TesterView.icon(22), new TesterView(tester, faults, ExportPicker.fileChooser()));
        PublisherViewModel publisher = new PublisherViewModel(Platform::runLater, new Devices(), tester.recorder(),
                settings.publisher());
        window.addView("publisher", "Publish", PublisherView.icon(22),
                new PublisherView(publisher, PublisherView.fileChooser()));
        if (options.screenshotDir() != null) {
            // The screenshot shows the test camera's preview and the tone's level.
            publisher.setPreviewing(true);
        }
        Scene scene = new Scene(window.root(), settings.windowWidth(), settings.windowHeight());
        scene.getStylesheets().add(MainWindow.STYLESHEET);
        stage.setScene(scene);
        stage.setMinWidth(760);
        stage.setMinHeight(480);
        stage.titleProperty().bind(Bindings.createStringBinding(() -> vm.titleProperty().get().isEmpty()
                ? "NetStreamFX" : vm.titleProperty().get() + " — NetStreamFX", vm.titleProperty()));
        SettingsSaver saver = new SettingsSaver(settings, vm, stage);
        PublishSetup setup = publisher.setup();
        saver.track(() -> settings.setPublisher(setup.prefs()), setup.serverUrlProperty(), setup.streamNameProperty(),
                setup.cameraIdProperty(), setup.microphoneIdProperty(), setup.widthProperty(), setup.heightProperty(),
                setup.fpsProperty(), setup.videoKbpsProperty(), setup.audioKbpsProperty());
        stage.setOnHidden(e -> {
            saver.saveNow();
            faults.dispose();
            publisher.dispose();
            tester.dispose();
            vm.dispose();
            closed.countDown();
        });
        if (options.screenshotDir() != null) {
            screenshotsAfterFrames(stage, window, player, options, exit);
        }
        stage.show();
        if (options.address() != null) {
            vm.open(options.address());
        }
    }

    private void screenshotsAfterFrames(Stage stage, MainWindow window, PlayerView player, Options options,
                                        AtomicInteger exit) {
        PauseTransition timeout = new PauseTransition(SCREENSHOT_TIMEOUT);
        Runnable shoot = () -> {
            timeout.stop();
            err.printf("nsfx gui: %d frames shown, %d replaced before the screen took them, %d dropped late by "
                    + "the engine%n", player.video().framesShownProperty().get(),
                    player.video().framesDroppedProperty().get(), player.viewModel().droppedFramesProperty().get());
            for (String id : window.viewIds()) {
                window.select(id);
                WritableImage image = stage.getScene().snapshot(null);
                Path file = options.screenshotDir().resolve(id + ".png");
                try {
                    Png.write(image, file);
                    err.println("nsfx gui: wrote " + file);
                } catch (IOException e) {
                    err.println("nsfx gui: cannot write " + file + ": " + e.getMessage());
                    exit.set(1);
                }
            }
            stage.close();
        };
        timeout.setOnFinished(e -> {
            err.println("nsfx gui: no " + options.screenshotFrames() + " frames shown within "
                    + SCREENSHOT_TIMEOUT.toSeconds() + " s; screenshots show what there is");
            exit.set(1);
            shoot.run();
        });
        timeout.play();
        player.video().framesShownProperty().addListener((o, was, now) -> {
            if (was.longValue() < options.screenshotFrames() && now.longValue() >= options.screenshotFrames()) {
                // One more pulse, so the newest frame and the figures are laid out.
                Platform.runLater(shoot);
            }
        });
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
