package org.netstreamfx.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.app.ui.player.PlayerState;
import org.netstreamfx.app.ui.settings.AppSettings;
import org.netstreamfx.app.ui.video.Video;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.sharedobject.SharedObjectStore;
import org.testfx.api.FxToolkit;

/**
 * When the window builds its views around what it started playing (StartupPlay): after the first
 * picture is shown, as soon as no picture is coming (sound only, a failure), at once with nothing
 * to play; once; never once the window closed. The deadline is an hour, so only what is tested
 * can build.
 */
class StartupPlayTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final javafx.util.Duration NEVER = javafx.util.Duration.hours(1);

    @TempDir
    Path dir;
    private StartupPlay play;
    /** What was seen each time the build ran: frames shown, the player's state, and "sound only". */
    private final List<String> builds = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void dispose() {
        if (play != null) {
            Fx.run(play.vm()::dispose);
        }
    }

    private void start(String address) {
        start(address, NEVER);
    }

    private void start(String address, javafx.util.Duration deadline) {
        AppSettings settings = new AppSettings(SharedObjectStore.at(dir), Runnable::run);
        Fx.run(() -> {
            play = new StartupPlay(new DesktopApp.Options(address, null, 1), settings, new Video(), deadline);
            play.whenDue(() -> builds.add(play.video().framesShownProperty().get() + " frames, "
                    + play.vm().stateProperty().get() + (play.vm().audioOnlyProperty().get() ? ", sound only" : "")));
        });
    }

    @Test
    void aVideoBuildsTheViewsOnceItsFirstPictureIsShownAndOnce() {
        start(TestMedia.clip().toString());
        Fx.waitUntil("the build", WAIT, () -> !builds.isEmpty(), this::codes);
        Fx.waitUntil("a few more pictures", WAIT, () -> play.video().framesShownProperty().get() >= 10, this::codes);
        assertEquals(1, builds.size(), "built once: " + builds);
        assertTrue(!builds.get(0).startsWith("0 frames"), "built after the first picture: " + builds);
        List<String> logged = Fx.call(() -> play.tester().shownEntries().stream()
                .map(e -> String.valueOf(e.line().code())).toList());
        assertTrue(logged.contains("NetConnection.Connect.Success") && logged.contains("NetStream.Play.Start"),
                "the tester's log has the play from its first event: " + logged);
    }

    @Test
    void soundAloneBuildsTheViewsWithoutAPicture() {
        start(TestMedia.tone().toString());
        Fx.waitUntil("the build", WAIT, () -> !builds.isEmpty(), this::codes);
        assertTrue(builds.get(0).startsWith("0 frames, ") && builds.get(0).endsWith(", sound only"),
                "built once the stream is known to be sound only, with no picture: " + builds);
    }

    @Test
    void aFailureBuildsTheViews() {
        start(dir.resolve("missing.mp4").toString());
        Fx.waitUntil("the build", WAIT, () -> !builds.isEmpty(), this::codes);
        assertEquals("0 frames, " + PlayerState.FAILED, builds.get(0));
    }

    @Test
    void nothingToPlayBuildsAtOnce() {
        start(null);
        Fx.waitUntil("the build", WAIT, () -> !builds.isEmpty(), () -> builds);
        assertEquals("0 frames, " + PlayerState.IDLE, builds.get(0));
    }

    @Test
    void aWindowClosedFirstNeverBuilds() {
        // A deadline of 0.2 s, then 40 pulses (about 0.7 s at JavaFX's 60 Hz): without the close
        // the deadline alone would have built by then.
        start(TestMedia.clip().toString(), javafx.util.Duration.millis(200));
        Fx.run(play::dispose);
        java.util.concurrent.atomic.AtomicInteger pulses = new java.util.concurrent.atomic.AtomicInteger();
        Fx.run(() -> new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                if (pulses.incrementAndGet() >= 40) {
                    stop();
                }
            }
        }.start());
        Fx.waitUntil("40 pulses", WAIT, () -> pulses.get() >= 40, () -> builds);
        assertTrue(builds.isEmpty(), "no views built after the window closed: " + builds);
        play = null; // disposed
    }

    private List<String> codes() {
        return Fx.call(() -> play.vm().events().stream().map(NetStatusEvent::code).toList());
    }
}
