package org.netstreamfx.app.ui;

import java.util.EnumSet;
import java.util.Set;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.util.Duration;
import org.netstreamfx.app.StartupReport;
import org.netstreamfx.app.ui.player.PlayerState;
import org.netstreamfx.app.ui.player.PlayerViewModel;
import org.netstreamfx.app.ui.player.RecentItems;
import org.netstreamfx.app.ui.settings.AppSettings;
import org.netstreamfx.app.ui.tester.TesterViewModel;
import org.netstreamfx.app.ui.video.Video;
import org.netstreamfx.player.net.NetStream;

/**
 * The window's start before its views (FX thread): the player's and the tester's view models,
 * the video node of {@link StartupFrame} attached to the stream, and the open of what is played.
 * The first picture so shows in the window's outline while the views are still to be built, and
 * the tester's log has every event from the first. {@link #whenDue} builds the views after the
 * pulse that paints the first picture; without one, as soon as no picture is coming (sound only,
 * ended, failed) or {@link #BUILD_DEADLINE} after the open at the latest (an RTMP server that has
 * not answered yet, a slow first picture): the controls are never far behind.
 */
final class StartupPlay {
    /** The longest the views wait for the first picture. */
    static final Duration BUILD_DEADLINE = Duration.seconds(1);
    /** The states in which no picture is to be waited for: the stream ended or failed. */
    private static final Set<PlayerState> OVER = EnumSet.of(PlayerState.IDLE, PlayerState.ENDED,
            PlayerState.FAILED);

    private final PlayerViewModel vm;
    private final TesterViewModel tester;
    private final Video video;
    private final boolean opened;
    private final Duration deadline;
    private final ChangeListener<NetStream> attach;
    private Runnable build;
    private boolean due;
    /** What watches for the build to be due, removed once it is (the first on every frame shown). */
    private final ChangeListener<Number> pictureShown = (o, was, now) -> due();
    private final ChangeListener<PlayerState> stateOver = (o, was, now) -> {
        if (OVER.contains(now)) {
            due();
        }
    };
    private final ChangeListener<Boolean> soundOnly = (o, was, now) -> {
        if (now) {
            due();
        }
    };
    private PauseTransition late;

    StartupPlay(DesktopApp.Options options, AppSettings settings, Video video) {
        this(options, settings, video, BUILD_DEADLINE);
    }

    /** The same with another deadline than {@link #BUILD_DEADLINE} (tests: one that never comes). */
    StartupPlay(DesktopApp.Options options, AppSettings settings, Video video, Duration deadline) {
        this.video = video;
        this.deadline = deadline;
        vm = new PlayerViewModel(Platform::runLater, null,
                new RecentItems(RecentItems.DEFAULT_CAPACITY, settings.recentItems()));
        tester = new TesterViewModel(vm);
        tester.health().useSaved(settings.healthProfile(), settings::setHealthProfile);
        if (options.screenshotDir() != null) {
            tester.health().activate(); // the Health panel's picture shows the whole clip's analysis
        }
        settings.addNetStatusListener(tester.log());
        attach = (o, was, now) -> video.attachNetStream(now);
        vm.streamProperty().addListener(attach);
        video.attachNetStream(vm.streamProperty().get());
        if (StartupReport.enabled()) {
            video.framesShownProperty().addListener((o, was, now) -> StartupReport.reached(StartupReport.FIRST_PICTURE));
        }
        opened = options.address() != null;
        if (opened) {
            vm.open(options.address());
        }
    }

    /** Runs {@code buildViews} once, when it is due (see the class's comment). */
    void whenDue(Runnable buildViews) {
        build = buildViews;
        if (!opened) {
            due();
            return;
        }
        video.framesShownProperty().addListener(pictureShown);
        // Playing starts (Buffer.Full) a little before the first picture is shown: only sound
        // alone, an end or a failure mean that no picture is coming.
        vm.stateProperty().addListener(stateOver);
        vm.audioOnlyProperty().addListener(soundOnly);
        late = new PauseTransition(deadline);
        late.setOnFinished(e -> due());
        late.play();
    }

    /** Due or disposed: nothing need watch any more. */
    private void stopWatching() {
        due = true;
        video.framesShownProperty().removeListener(pictureShown);
        vm.stateProperty().removeListener(stateOver);
        vm.audioOnlyProperty().removeListener(soundOnly);
        if (late != null) {
            late.stop();
        }
    }

    /** Builds once the next pulse has run: that pulse paints what is shown now (the first picture). */
    private void due() {
        if (due) {
            return;
        }
        stopWatching();
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                Platform.runLater(build);
            }
        }.start();
    }

    /**
     * The window closed before its views were built: what was started ends, and the views are
     * never built.
     */
    void dispose() {
        stopWatching();
        vm.streamProperty().removeListener(attach);
        tester.dispose();
        vm.dispose();
    }

    /** The views' Player view now keeps the video attached; this one's listener goes. */
    void handOver() {
        vm.streamProperty().removeListener(attach);
    }

    PlayerViewModel vm() {
        return vm;
    }

    TesterViewModel tester() {
        return tester;
    }

    Video video() {
        return video;
    }

    /** Whether the first picture is shown already. */
    boolean pictureShown() {
        return video.framesShownProperty().get() > 0;
    }
}
