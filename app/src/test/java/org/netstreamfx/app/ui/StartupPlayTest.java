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
 * to play; once. The deadline is an hour, so only what is tested can build.
 */
class StartupPlayTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final javafx.util.Duration NEVER = javafx.util.Duration.hours(1);

    @TempDir
    Path dir;
    private StartupPlay play;
    /** What was seen each time the build ran: frames shown and the player's state. */
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
        AppSettings settings = new AppSettings(SharedObjectStore.at(dir), Runnable::run);
        Fx.run(() -> {
            play = new StartupPlay(new DesktopApp.Options(address, null, 1), settings, new Video(), NEVER);
            play.whenDue(() -> builds.add(play.video().framesShownProperty().get() + " frames, "
                    + play.vm().stateProperty().get()));
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
        assertEquals("0 frames, " + PlayerState.PLAYING, builds.get(0));
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

    private List<String> codes() {
        return Fx.call(() -> play.vm().events().stream().map(NetStatusEvent::code).toList());
    }
}
