package org.netstreamfx.app.ui.settings;

import java.util.List;
import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.netstreamfx.app.ui.player.PlayerViewModel;

/**
 * Keeps {@link AppSettings} in step with the player and the window: applies the saved volume and
 * bufferTime at once, gives the player the settings as its memory of each rtmp(s) URL's options,
 * then saves volume, bufferTime, recent items, URL options and window size whenever they
 * change, flushed {@link #SAVE_DELAY} after the last change (so dragging the volume slider writes
 * once). FX thread.
 */
public final class SettingsSaver {
    /** How long after the last change the settings are flushed. */
    public static final Duration SAVE_DELAY = Duration.seconds(1);

    private final AppSettings settings;
    private final PlayerViewModel player;
    private final Stage stage;
    private final PauseTransition pending = new PauseTransition(SAVE_DELAY);
    private final InvalidationListener changed = o -> pending.playFromStart();
    private final java.util.List<Runnable> copyIns = new java.util.ArrayList<>();

    /** Applies the saved figures to {@code player}; {@code stage} may be null (no window size then). */
    public SettingsSaver(AppSettings settings, PlayerViewModel player, Stage stage) {
        this.settings = settings;
        this.player = player;
        this.stage = stage;
        player.setVolume(settings.volume());
        player.setAudioDevice(settings.audioDevice());
        player.urls().setBufferTime(settings.bufferTime(PlayerViewModel.DEFAULT_BUFFER_TIME));
        pending.setOnFinished(e -> saveNow());
        // Each rtmp(s) URL's options live in the settings themselves; keeping new ones schedules a flush.
        player.urls().setMemory(new org.netstreamfx.app.ui.player.UrlOptionsMemory() {
            @Override
            public java.util.Optional<org.netstreamfx.app.ui.player.UrlOptions> recall(String url) {
                return settings.urlOptions(url, player.playerBufferTime());
            }

            @Override
            public void remember(String url, org.netstreamfx.app.ui.player.UrlOptions options) {
                settings.setUrlOptions(url, options);
                pending.playFromStart();
            }
        });
        player.volumeProperty().addListener(changed);
        player.audioDeviceProperty().addListener(changed);
        player.urls().bufferTimeProperty().addListener(changed);
        player.recent().items().addListener(changed);
        if (stage != null) {
            stage.widthProperty().addListener(changed);
            stage.heightProperty().addListener(changed);
        }
    }

    /**
     * Saves another view's figures too: {@code copyIn} runs before each flush, and a change of any
     * of {@code changes} schedules one.
     */
    public void track(Runnable copyIn, javafx.beans.Observable... changes) {
        copyIns.add(copyIn);
        for (javafx.beans.Observable o : changes) {
            o.addListener(changed);
        }
    }

    /** Copies the figures into the settings and flushes them now. */
    public void saveNow() {
        pending.stop();
        settings.setVolume(player.volumeProperty().get());
        settings.setAudioDevice(player.audioDeviceProperty().get());
        settings.setBufferTime(player.playerBufferTime()); // not an rtmp(s) URL's own
        settings.setRecentItems(List.copyOf(player.recent().items()));
        if (stage != null && stage.getScene() != null && !stage.isFullScreen() && !stage.isMaximized()) {
            // The content's size, as DesktopApp gives it back to the Scene: the stage's size would
            // add the window's frame on every run.
            settings.setWindowSize(stage.getScene().getWidth(), stage.getScene().getHeight());
        }
        copyIns.forEach(Runnable::run);
        settings.flush();
    }
}
