package org.netstreamfx.app.ui;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.netstreamfx.app.ui.player.PlayerView;
import org.netstreamfx.app.ui.publisher.OnAirShot;
import org.netstreamfx.app.ui.settings.AppSettings;

/**
 * {@code nsfx gui --screenshot DIR}: once the player has shown its frames, writes a PNG of each
 * {@link Shot} of a view but the publisher; then goes live (so the player's picture does not
 * share the two cores with the encoder) and, once the publisher is on air with a loopback picture
 * (or cannot be), writes the publisher's shots, stops publishing and closes the window. The caller
 * closes the {@link OnAirShot} (nginx) once the window is closed.
 *
 * <p>Each view is shot at the default window size (the README's pictures, {@code player.png}…),
 * at the minimum size ({@code player-min.png}…) and at 1280 × 800 ({@code player-1280x800.png}…),
 * the player in full screen with its stats overlay ({@code player-fullscreen-stats.png}) and the
 * Tester with its Health panel showing ({@code health-panel.png}).
 * One more picture is one more {@link Shot} in {@link #shots}: a name, a view, a size and a setup
 * step (full screen, an overlay…) that returns what undoes it.
 *
 * <p>Everything here runs on the FX thread.
 */
final class ScreenshotRun {
    /** Give up waiting when the frames or the publisher are not there after this long. */
    static final Duration TIMEOUT = Duration.seconds(60);
    /** Give up waiting for the window to take a shot's size after this long (and shoot it as it is). */
    static final Duration RESIZE_TIMEOUT = Duration.seconds(5);
    /** The view shot last, once on air. */
    static final String PUBLISHER = "publisher";
    /** The Tester's view, and its tabs of charts (the Health panel's is shot too). */
    static final String TESTER = "tester";
    private static final String TESTER_CHARTS = "tester-charts";
    private static final String HEALTH_TAB = "tab-health";
    /** Where the log and the Health panel meet in its picture (a share of the height). */
    private static final double HEALTH_SHOT_DIVIDER = 0.3;

    /** What a shot does to the window before it is taken; returns what undoes it. */
    @FunctionalInterface
    interface Setup {
        Setup NONE = (stage, window, player) -> () -> { };

        Runnable apply(Stage stage, MainWindow window, PlayerView player);
    }

    /**
     * One PNG: {@code name}.png of {@code view} with the window's content {@code width} ×
     * {@code height} (0 × 0: as {@code setup} leaves it, full screen say), after {@code setup}.
     */
    record Shot(String name, String view, double width, double height, Setup setup) {
        boolean sized() {
            return width > 0 && height > 0;
        }
    }

    /** Every shot, the views in rail order; the publisher's are taken once it is on air. */
    static List<Shot> shots(List<String> views) {
        List<Shot> shots = new ArrayList<>();
        for (String view : views) {
            shots.add(new Shot(view, view, AppSettings.DEFAULT_WIDTH, AppSettings.DEFAULT_HEIGHT, Setup.NONE));
            shots.add(new Shot(view + "-min", view, AppSettings.MIN_WIDTH, AppSettings.MIN_HEIGHT, Setup.NONE));
            shots.add(new Shot(view + "-1280x800", view, 1280, 800, Setup.NONE));
            if (view.equals(TESTER)) {
                // The Tester with its Health panel showing: lights, chart and findings of the clip.
                shots.add(new Shot("health-panel", view, AppSettings.DEFAULT_WIDTH, AppSettings.DEFAULT_HEIGHT,
                        ScreenshotRun::healthTab));
            }
            if (view.equals("player")) {
                // Full screen, the controls hidden as after the mouse is still, the stats overlay on.
                javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getBounds();
                shots.add(new Shot("player-fullscreen-stats", view, screen.getWidth(), screen.getHeight(),
                        ScreenshotRun::fullScreenWithStats));
            }
        }
        return shots;
    }

    private static Runnable healthTab(Stage stage, MainWindow window, PlayerView player) {
        if (!(window.root().lookup("#" + TESTER_CHARTS) instanceof javafx.scene.control.TabPane tabs)) {
            return () -> { };
        }
        var shown = tabs.getSelectionModel().getSelectedItem();
        tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> HEALTH_TAB.equals(t.getId())).findFirst()
                .orElse(shown));
        // The panel gets most of the height: the log above keeps a few rows.
        javafx.scene.Parent up = tabs.getParent();
        while (up != null && !(up instanceof javafx.scene.control.SplitPane)) {
            up = up.getParent();
        }
        javafx.scene.control.SplitPane split = (javafx.scene.control.SplitPane) up;
        double[] was = split == null ? new double[0] : split.getDividerPositions();
        if (split != null) {
            split.setDividerPositions(HEALTH_SHOT_DIVIDER);
        }
        return () -> {
            tabs.getSelectionModel().select(shown);
            if (split != null) {
                split.setDividerPositions(was);
            }
        };
    }

    private static Runnable fullScreenWithStats(Stage stage, MainWindow window, PlayerView player) {
        boolean statsShown = player.statsOverlay().isVisible();
        if (!statsShown) {
            player.toggleStatsOverlay();
        }
        stage.setFullScreenExitHint("");
        stage.setFullScreen(true);
        player.chrome().idleElapsed();
        return () -> {
            stage.setFullScreen(false);
            if (!statsShown) {
                player.toggleStatsOverlay();
            }
        };
    }

    private final Stage stage;
    private final MainWindow window;
    private final PlayerView player;
    private final OnAirShot onAir;
    private final Path dir;
    private final int frames;
    private final PrintStream err;
    private final AtomicInteger exit;
    private final List<Shot> shots;

    private final PauseTransition timeout = new PauseTransition(TIMEOUT);
    private boolean framesShown;
    private boolean publisherReady;
    /** The publisher's shots are started: nothing else may start them. */
    private boolean finishing;
    /** A queue of shots is being taken. */
    private boolean shooting;
    /** {@link #TIMEOUT} has passed: once the shots under way are taken, the publisher's follow at once. */
    private boolean timedOut;

    ScreenshotRun(Stage stage, MainWindow window, PlayerView player, OnAirShot onAir, DesktopApp.Options options,
                  PrintStream err, AtomicInteger exit) {
        this.stage = stage;
        this.window = window;
        this.player = player;
        this.onAir = onAir;
        this.dir = options.screenshotDir();
        this.frames = options.screenshotFrames();
        this.err = err;
        this.exit = exit;
        this.shots = shots(window.viewIds());
    }

    /** Waits for the frames, then for the publisher (together at most {@link #TIMEOUT}), and shoots. */
    void start() {
        timeout.setOnFinished(e -> {
            if (!framesShown) {
                err.println("nsfx gui: no " + frames + " frames shown within " + TIMEOUT.toSeconds()
                        + " s; screenshots show what there is");
            }
            if (framesShown && !publisherReady) {
                err.println("nsfx gui: the publisher was not on air with a loopback picture within "
                        + TIMEOUT.toSeconds() + " s; its screenshots show what there is");
            }
            exit.set(1);
            timedOut = true;
            if (!framesShown) {
                framesShown = true;
                shoot(allBut(PUBLISHER), this::finish);
            } else if (!shooting) {
                finish();
            }
        });
        timeout.play();
        player.video().framesShownProperty().addListener((o, was, now) -> {
            if (was.longValue() < frames && now.longValue() >= frames) {
                // One more pulse, so the newest frame and the figures are laid out.
                Platform.runLater(this::framesShown);
            }
        });
    }

    private void framesShown() {
        if (framesShown) {
            return;
        }
        framesShown = true;
        shoot(allBut(PUBLISHER), () -> {
            if (timedOut) {
                finish();
                return;
            }
            window.select(PUBLISHER);
            onAir.start(() -> {
                publisherReady = true;
                // One more pulse, so the newest figures are laid out.
                Platform.runLater(this::finish);
            });
        });
    }

    /** Shoots the publisher and closes the window, once. */
    private void finish() {
        if (finishing) {
            return;
        }
        finishing = true;
        timeout.stop();
        shoot(only(PUBLISHER), () -> onAir.stop(stage::close));
    }

    private Deque<Shot> allBut(String view) {
        return new ArrayDeque<>(shots.stream().filter(s -> !s.view().equals(view)).toList());
    }

    private Deque<Shot> only(String view) {
        return new ArrayDeque<>(shots.stream().filter(s -> s.view().equals(view)).toList());
    }

    /** Takes the shots one after the other (each once the window has its size), then runs {@code then}. */
    private void shoot(Deque<Shot> queue, Runnable then) {
        Shot shot = queue.poll();
        if (shot == null) {
            shooting = false;
            then.run();
            return;
        }
        shooting = true;
        if (shot.name().equals(shots.get(0).name())) {
            err.printf("nsfx gui: %d frames shown, %d replaced before the screen took them, %d dropped late by "
                    + "the engine%n", player.video().framesShownProperty().get(),
                    player.video().framesDroppedProperty().get(), player.viewModel().figures().lateFramesProperty().get());
        }
        window.select(shot.view());
        Runnable undo = shot.setup().apply(stage, window, player);
        whenSized(shot, () -> {
            write(shot);
            undo.run();
            shoot(queue, then);
        });
    }

    /** Runs {@code then} on a later pulse, once the scene has the shot's size (or after {@link #RESIZE_TIMEOUT}). */
    private void whenSized(Shot shot, Runnable then) {
        Scene scene = stage.getScene();
        if (!shot.sized() || (scene.getWidth() == shot.width() && scene.getHeight() == shot.height())) {
            Platform.runLater(then);
            return;
        }
        PauseTransition giveUp = new PauseTransition(RESIZE_TIMEOUT);
        boolean[] done = new boolean[1];
        InvalidationListener[] sized = new InvalidationListener[1];
        Runnable once = () -> {
            if (!done[0]) {
                done[0] = true;
                giveUp.stop();
                scene.widthProperty().removeListener(sized[0]);
                scene.heightProperty().removeListener(sized[0]);
                Platform.runLater(then);
            }
        };
        sized[0] = o -> {
            if (scene.getWidth() == shot.width() && scene.getHeight() == shot.height()) {
                once.run();
            }
        };
        scene.widthProperty().addListener(sized[0]);
        scene.heightProperty().addListener(sized[0]);
        giveUp.setOnFinished(e -> {
            err.printf("nsfx gui: the window is %.0f×%.0f, not %.0f×%.0f, for %s.png%n", scene.getWidth(),
                    scene.getHeight(), shot.width(), shot.height(), shot.name());
            exit.set(1);
            once.run();
        });
        giveUp.play();
        // The window's frame, if any, is outside the scene: add it.
        stage.setWidth(shot.width() + Math.max(0, stage.getWidth() - scene.getWidth()));
        stage.setHeight(shot.height() + Math.max(0, stage.getHeight() - scene.getHeight()));
    }

    private void write(Shot shot) {
        WritableImage image = stage.getScene().snapshot(null);
        Path file = dir.resolve(shot.name() + ".png");
        try {
            Png.write(image, file);
            err.println("nsfx gui: wrote " + file);
        } catch (IOException e) {
            err.println("nsfx gui: cannot write " + file + ": " + e.getMessage());
            exit.set(1);
        }
    }
}
