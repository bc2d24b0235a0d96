package org.netstreamfx.app.ui.publisher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.util.Duration;
import org.netstreamfx.app.bench.NginxLauncher;
import org.netstreamfx.capture.device.TestCamera;
import org.netstreamfx.capture.device.ToneMicrophone;

/**
 * The publisher on air for the screenshot run ({@code nsfx gui --screenshot DIR}): starts a local
 * nginx-rtmp, goes live with the test camera and the tone to {@code rtmp://127.0.0.1:<port>/live}
 * with a stream key (shown masked), and says when the loopback monitor shows pictures with a
 * measured delay after a few seconds on air. Without nginx-rtmp (or when going live fails) it says
 * why on stderr and is ready at once: the screenshot then shows the preview only.
 *
 * <p>{@link #start} and {@link #stop} run on the FX thread; nginx starts on "nsfx-screenshot-nginx";
 * {@link #close} (which stops nginx and waits for it) runs after the FX thread is done with it, on
 * any thread, and also from a shutdown hook.
 */
public final class OnAirShot implements AutoCloseable {
    /** On air at least this long before the screenshot, so the time on air counts. */
    static final double MIN_ON_AIR_S = 4;
    /** Loopback pictures shown before the screenshot. */
    static final long MIN_LOOPBACK_FRAMES = 25;
    static final String STREAM_NAME = "screenshot";
    /** A made-up key, only there to show the masking. */
    static final String STREAM_KEY = "sk-demo-7f3a9c";

    private final PublisherView view;
    private final PrintStream err;
    private final Thread hook = new Thread(this::stopNginx, "nsfx-screenshot-nginx-stop");
    private NginxLauncher nginx;
    private Path workDir;
    private boolean closed;
    private Timeline watch;
    private boolean ready;

    public OnAirShot(PublisherView view, PrintStream err) {
        this.view = view;
        this.err = err;
    }

    // Called on the FX thread.

    /** Starts nginx and goes live; {@code onReady} runs once (FX thread) when the view is worth a picture. */
    public void start(Runnable onReady) {
        if (!NginxLauncher.available()) {
            err.println("nsfx gui: nginx with the RTMP module is not installed (" + NginxLauncher.RTMP_MODULE
                    + "); the publisher screenshot shows the preview only");
            ready(onReady);
            return;
        }
        Runtime.getRuntime().addShutdownHook(hook);
        Thread t = new Thread(() -> {
            try {
                Path dir = Files.createTempDirectory("nsfx-screenshot-");
                synchronized (this) {
                    // Removed by close() even when nginx does not start.
                    workDir = dir;
                }
                NginxLauncher n = NginxLauncher.start(dir);
                if (!started(n, dir)) {
                    return;
                }
                String url = n.liveUrl(STREAM_NAME);
                Platform.runLater(() -> goLive(url.substring(0, url.length() - STREAM_NAME.length() - 1), onReady));
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> {
                    err.println("nsfx gui: cannot start nginx-rtmp (" + e.getMessage()
                            + "); the publisher screenshot shows the preview only");
                    ready(onReady);
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "nsfx-screenshot-nginx");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Unpublishes without bringing the preview back; {@code then} runs (FX thread, after the event
     * that ended the session) once the publisher is idle again, or at once.
     */
    public void stop(Runnable then) {
        if (watch != null) {
            watch.stop();
        }
        PublisherViewModel vm = view.viewModel();
        vm.setPreviewing(false);
        if (!vm.stateProperty().get().busy()) {
            then.run();
            return;
        }
        boolean[] done = new boolean[1];
        vm.stateProperty().addListener((o, was, now) -> {
            if (!now.busy() && !done[0]) {
                done[0] = true;
                Platform.runLater(then);
            }
        });
        vm.stop();
    }

    /** Goes live to {@code liveApp} ({@code rtmp://127.0.0.1:<port>/live}). */
    private void goLive(String liveApp, Runnable onReady) {
        PublisherViewModel vm = view.viewModel();
        vm.setup().selectCamera(TestCamera.ID);
        vm.setup().selectMicrophone(ToneMicrophone.ID);
        view.enterServer(liveApp, STREAM_NAME, STREAM_KEY);
        vm.goLive();
        watch = new Timeline(new KeyFrame(Duration.millis(250), e -> check(onReady)));
        watch.setCycleCount(Animation.INDEFINITE);
        watch.play();
    }

    private void check(Runnable onReady) {
        PublisherViewModel vm = view.viewModel();
        PublishFigures f = vm.figures();
        PublisherState state = vm.stateProperty().get();
        if (state == PublisherState.FAILED || state == PublisherState.IDLE) {
            err.println("nsfx gui: the publisher did not go live (" + vm.problemProperty().get()
                    + "); the publisher screenshot shows what there is");
            ready(onReady);
        } else if (state == PublisherState.LIVE && f.onAirSecondsProperty().get() >= MIN_ON_AIR_S
                && view.loopback().framesShownProperty().get() >= MIN_LOOPBACK_FRAMES
                && f.delayMedianMsProperty().get() > 0 && f.sentKbpsProperty().get() > 0) {
            err.printf("nsfx gui: on air %.1f s, loopback delay median %.0f ms%n",
                    f.onAirSecondsProperty().get(), f.delayMedianMsProperty().get());
            ready(onReady);
        }
    }

    private void ready(Runnable onReady) {
        if (watch != null) {
            watch.stop();
        }
        if (!ready) {
            ready = true;
            onReady.run();
        }
    }

    // Called on any thread.

    /** Keeps nginx unless closed meanwhile; then stops it and says false. */
    private boolean started(NginxLauncher n, Path dir) {
        synchronized (this) {
            nginx = n;
            workDir = dir;
            if (!closed) {
                return true;
            }
        }
        stopNginx();
        return false;
    }

    /** Stops nginx (if it was started) and removes its folder. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        stopNginx();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException | IllegalArgumentException shuttingDownOrNotAdded) {
            // Nothing to remove.
        }
    }

    private void stopNginx() {
        NginxLauncher n;
        Path dir;
        synchronized (this) {
            n = nginx;
            dir = workDir;
            nginx = null;
            workDir = null;
        }
        if (n != null) {
            n.close();
        }
        if (dir != null && Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                err.println("nsfx gui: cannot remove " + dir + ": " + e.getMessage());
            }
        }
    }
}
