package org.netstreamfx.app.ui;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.netstreamfx.app.DaemonThreads;
import org.netstreamfx.app.NativesPreload;
import org.netstreamfx.app.StartupReport;
import org.netstreamfx.app.ui.player.PlayerView;
import org.netstreamfx.app.ui.player.PlayerViewModel;
import org.netstreamfx.app.ui.publisher.OnAirShot;
import org.netstreamfx.app.ui.publisher.PublishSetup;
import org.netstreamfx.app.ui.publisher.PublisherView;
import org.netstreamfx.app.ui.publisher.PublisherViewModel;
import org.netstreamfx.app.ui.settings.AppSettings;
import org.netstreamfx.app.ui.settings.SettingsSaver;
import org.netstreamfx.app.ui.tester.ExportPicker;
import org.netstreamfx.app.ui.tester.FaultInjection;
import org.netstreamfx.app.ui.tester.TesterViewModel;
import org.netstreamfx.app.ui.video.Video;
import org.netstreamfx.capture.device.Devices;
import org.netstreamfx.player.sharedobject.SharedObjectStore;

/**
 * Starts JavaFX (without an Application subclass, so the command line runs without it), opens the
 * main window on an address, and returns when the window is closed.
 */
public final class DesktopApp {
    /**
     * What to open and how.
     *
     * @param address           a file path or URL to play at once
     * @param screenshotDir     when not null: after {@code screenshotFrames} frames, write a PNG of
     *                          each view there and close
     * @param screenshotFrames  how many frames to wait for before the screenshots
     * @param autoExitReport    when not null: at the end of the media, write the play's figures
     *                          there as JSON and close ({@link AutoExitReport})
     * @param quitAfterFrames   when above 0: close the window once this many frames are shown (the
     *                          launcher's class-archive run and {@code nsfx bench}'s startup runs)
     */
    public record Options(String address, Path screenshotDir, int screenshotFrames, Path autoExitReport,
                          int quitAfterFrames) {
        /** The window as users open it: no screenshots, no quitting by itself. */
        public Options(String address, Path screenshotDir, int screenshotFrames) {
            this(address, screenshotDir, screenshotFrames, null, 0);
        }
    }

    private final PrintStream err;
    /** The screenshot run's publisher session and its nginx, closed once the window is. */
    private volatile OnAirShot onAir;

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
        ExecutorService settingsIo = Daemons.single("nsfx-settings-io");
        // Read before the toolkit starts, so the FX thread never waits for the disk.
        AppSettings settings = new AppSettings(SharedObjectStore.inUserConfig("NetStreamFX", Platform::runLater),
                settingsIo);
        RenderPipeline.chooseBeforeStart();
        // Made alongside the toolkit's start, not on the FX thread: the Webcam Capture API's driver.
        // Both threads wait for FFmpeg's natives before anything of theirs can use JavaCPP
        // (NativesPreload: JavaCPP's first loads deadlock when two threads make them at once).
        ExecutorService devicesInit = Daemons.single("nsfx-devices-init");
        CompletableFuture<Devices> devices = CompletableFuture.supplyAsync(() -> {
            NativesPreload.awaitLoaded();
            return new Devices();
        }, devicesInit);
        devicesInit.shutdown();
        try {
            Platform.startup(() -> {
                Stage stage = new Stage();
                Video video = new Video();
                AtomicReference<StartupPlay> started = new AtomicReference<>();
                // Until the views replace it: a window closed before them ends what was started.
                stage.setOnHidden(e -> {
                    StartupPlay p = started.get();
                    if (p != null) {
                        p.dispose();
                    }
                    closed.countDown();
                });
                Scene scene = showFrame(stage, settings, video);
                // The next pulse's: the window is on the screen before anything else is made.
                Platform.runLater(() -> guarded(exit, closed, () -> {
                    NativesPreload.awaitLoaded();
                    if (!stage.isShowing()) {
                        return;
                    }
                    StartupPlay play = new StartupPlay(options, settings, video);
                    started.set(play);
                    play.whenDue(() -> guarded(exit, closed, () ->
                            open(stage, scene, play, options, settings, devices.join(), exit, closed)));
                }));
            });
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
        DaemonThreads.shutdownAndWait(settingsIo);
        OnAirShot shot = onAir;
        if (shot != null) {
            shot.close();
        }
        Platform.exit();
        return exit.get();
    }

    // Called on the FX thread.

    /** Runs {@code step}; one that throws ends the window with exit status 1, said on stderr. */
    private void guarded(AtomicInteger exit, CountDownLatch closed, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            err.println("nsfx gui: the window could not be built: " + e);
            e.printStackTrace(err);
            exit.set(1);
            closed.countDown();
        }
    }

    /**
     * Shows the window at its saved size with {@link StartupFrame}'s outline and {@code video}: no
     * control, no stylesheet, nothing of FFmpeg's, so it is on the screen as soon as the toolkit is up.
     */
    private static Scene showFrame(Stage stage, AppSettings settings, Video video) {
        StartupReport.reached(StartupReport.TOOLKIT);
        Scene scene = new Scene(StartupFrame.root(video), settings.windowWidth(), settings.windowHeight(),
                StartupFrame.BACKGROUND);
        stage.setScene(scene);
        stage.setTitle("NetStreamFX");
        stage.setMinWidth(AppSettings.MIN_WIDTH);
        stage.setMinHeight(AppSettings.MIN_HEIGHT);
        stage.show();
        StartupReport.reached(StartupReport.WINDOW);
        // The minimum is the content's: add what the window's frame takes, once it is known.
        stage.setMinWidth(AppSettings.MIN_WIDTH + Math.max(0, stage.getWidth() - scene.getWidth()));
        stage.setMinHeight(AppSettings.MIN_HEIGHT + Math.max(0, stage.getHeight() - scene.getHeight()));
        return scene;
    }

    /** Builds the views in the shown window {@code stage}, around what {@code play} started. */
    private void open(Stage stage, Scene scene, StartupPlay play, Options options, AppSettings settings,
                      Devices devices, AtomicInteger exit, CountDownLatch closed) {
        PlayerViewModel vm = play.vm();
        TesterViewModel tester = play.tester();
        FaultInjection faults = new FaultInjection(vm);
        // The device listing waits until the window's start is over (its first picture, at the latest).
        AfterStart afterStart = new AfterStart();
        PublisherViewModel publisher = new PublisherViewModel(Platform::runLater, devices, tester.recorder(),
                settings.publisher(), afterStart);
        AppWindow app = new AppWindow(vm, PlayerView.fileChooser(), tester, faults, ExportPicker.fileChooser(),
                publisher, PublisherView.fileChooser(), play.video());
        play.handOver();
        MainWindow window = app.window();
        PlayerView player = app.player();
        if (options.screenshotDir() != null) {
            // The screenshot shows the test camera and the tone on air to a local nginx-rtmp: the
            // Publisher view is built now (elsewhere on first use), before its preview starts.
            PublisherView publisherView = app.publisherView();
            publisher.setPreviewing(true);
            onAir = new OnAirShot(publisherView, err);
        }
        scene.getStylesheets().add(MainWindow.STYLESHEET);
        scene.setRoot(window.root());
        stage.titleProperty().bind(Bindings.createStringBinding(() -> vm.titleProperty().get().isEmpty()
                ? "NetStreamFX" : vm.titleProperty().get() + " — NetStreamFX", vm.titleProperty()));
        SettingsSaver saver = new SettingsSaver(settings, vm, stage);
        PublishSetup setup = publisher.setup();
        if (onAir == null) {
            // The screenshot run's local server and devices are not the user's to keep.
            saver.track(() -> settings.setPublisher(setup.prefs()), setup.serverUrlProperty(),
                    setup.streamNameProperty(), setup.cameraIdProperty(), setup.microphoneIdProperty(),
                    setup.widthProperty(), setup.heightProperty(), setup.fpsProperty(), setup.videoKbpsProperty(),
                    setup.audioKbpsProperty());
        }
        stage.setOnHidden(e -> {
            saver.saveNow();
            faults.dispose();
            app.dispose();
            publisher.dispose();
            tester.dispose();
            vm.dispose();
            closed.countDown();
        });
        if (options.autoExitReport() != null) {
            AutoExitReport.install(stage, vm, options.autoExitReport(), err);
        }
        if (onAir != null) {
            new ScreenshotRun(stage, window, player, onAir, options, err, exit).start();
        }
        if (options.quitAfterFrames() > 0) {
            ReadOnlyLongProperty shown = player.video().framesShownProperty();
            if (shown.get() >= options.quitAfterFrames()) {
                Platform.runLater(window::quit); // shown before the views were built
            }
            shown.addListener((o, was, now) -> {
                if (now.longValue() == options.quitAfterFrames()) {
                    Platform.runLater(window::quit);
                }
            });
        }
        afterStart.endOnChange(player.video().framesShownProperty());
        afterStart.endOnChange(window.selectedProperty());
        StartupReport.reached(StartupReport.VIEWS);
        afterStart.windowShown();
        if (options.address() == null || play.pictureShown()) {
            Platform.runLater(afterStart::end); // nothing to wait for: once this first pulse is over
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
