package org.netstreamfx.app.ui;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.netstreamfx.app.ui.player.PlayerView;
import org.netstreamfx.app.ui.publisher.OnAirShot;

/**
 * {@code nsfx gui --screenshot DIR}: once the player has shown its frames, writes a PNG of the
 * window with each view selected but the publisher; then goes live (so the player's picture does not
 * share the two cores with the encoder) and, once the publisher is on air with a loopback picture
 * (or cannot be), writes the publisher's, stops publishing and closes the window. The caller
 * closes the {@link OnAirShot} (nginx) once the window is closed.
 *
 * <p>Everything here runs on the FX thread.
 */
final class ScreenshotRun {
    /** Give up waiting when the frames or the publisher are not there after this long. */
    static final Duration TIMEOUT = Duration.seconds(60);

    private final Stage stage;
    private final MainWindow window;
    private final PlayerView player;
    private final OnAirShot onAir;
    private final Path dir;
    private final int frames;
    private final PrintStream err;
    private final AtomicInteger exit;
    /** The view shot last, once on air. */
    static final String PUBLISHER = "publisher";

    private final PauseTransition timeout = new PauseTransition(TIMEOUT);
    private boolean framesShown;
    private boolean publisherReady;
    private boolean done;

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
                        + TIMEOUT.toSeconds() + " s; its screenshot shows what there is");
            }
            exit.set(1);
            if (!framesShown) {
                shootAllBut(PUBLISHER);
            }
            finish();
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
        if (done || framesShown) {
            return;
        }
        framesShown = true;
        shootAllBut(PUBLISHER);
        window.select(PUBLISHER);
        onAir.start(() -> {
            publisherReady = true;
            // One more pulse, so the newest figures are laid out.
            Platform.runLater(this::finish);
        });
    }

    /** Shoots the publisher and closes the window, once. */
    private void finish() {
        if (done) {
            return;
        }
        done = true;
        timeout.stop();
        shoot(PUBLISHER);
        onAir.stop(stage::close);
    }

    private void shootAllBut(String last) {
        err.printf("nsfx gui: %d frames shown, %d replaced before the screen took them, %d dropped late by "
                + "the engine%n", player.video().framesShownProperty().get(),
                player.video().framesDroppedProperty().get(), player.viewModel().lateFramesProperty().get());
        for (String id : window.viewIds()) {
            if (!id.equals(last)) {
                shoot(id);
            }
        }
    }

    private void shoot(String id) {
        window.select(id);
        WritableImage image = stage.getScene().snapshot(null);
        Path file = dir.resolve(id + ".png");
        try {
            Png.write(image, file);
            err.println("nsfx gui: wrote " + file);
        } catch (IOException e) {
            err.println("nsfx gui: cannot write " + file + ": " + e.getMessage());
            exit.set(1);
        }
    }
}
