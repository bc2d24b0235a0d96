package org.netstreamfx.app.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.app.ui.Fx;
import org.netstreamfx.app.ui.player.PlayerViewModel;
import org.netstreamfx.app.ui.player.RecentItems;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.sharedobject.SharedObject;
import org.netstreamfx.player.sharedobject.SharedObjectStore;
import org.netstreamfx.player.sink.NullAudioSink;
import org.testfx.api.FxToolkit;

/** Settings round trips through a SharedObject in a temporary folder. */
class AppSettingsTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void whatIsSavedIsReadBackInTheNextRun(@TempDir Path dir) throws Exception {
        List<NetStatusEvent> events = new CopyOnWriteArrayList<>();
        AppSettings first = new AppSettings(SharedObjectStore.at(dir), Runnable::run);
        first.addNetStatusListener(events::add);
        first.setWindowSize(1000, 600);
        first.setVolume(0.25);
        first.setAudioDevice("USB Headset [plughw:1,0]");
        first.setBufferTime(3.5);
        first.setHealthProfile("twitch");
        first.setRecentItems(List.of("/media/a.mp4", "rtmp://host/live?key=SECRETKEY", "http://u:pw@host/b.mp4",
                "https://host/c.mp4"));
        first.setServerUrls(List.of("rtmp://user:pw@ingest.example/live?token=SECRETTOKEN"));
        assertEquals(SharedObject.FlushStatus.FLUSHED, first.flush().get(5, TimeUnit.SECONDS));
        assertEquals(List.of("SharedObject.Flush.Success"), events.stream().map(NetStatusEvent::code).toList());

        AppSettings next = new AppSettings(SharedObjectStore.at(dir), Runnable::run);
        assertEquals(1000, next.windowWidth());
        assertEquals(600, next.windowHeight());
        assertEquals(0.25, next.volume());
        assertEquals("USB Headset [plughw:1,0]", next.audioDevice());
        assertEquals(3.5, next.bufferTime(1.0));
        assertEquals("twitch", next.healthProfile());
        assertEquals(List.of("/media/a.mp4", "https://host/c.mp4"), next.recentItems());
        assertEquals(List.of("rtmp://ingest.example/live"), next.serverUrls());
        String file = new String(Files.readAllBytes(next.file()), StandardCharsets.ISO_8859_1);
        assertFalse(file.contains("SECRET") || file.contains(":pw@"), "no key, token or password on disk");
    }

    @Test
    void missingOrOutOfRangeValuesFallBackToDefaults(@TempDir Path dir) {
        AppSettings s = new AppSettings(SharedObjectStore.at(dir), Runnable::run);
        s.data().put(AppSettings.VOLUME, 7.0);
        s.data().put(AppSettings.WIDTH, "wide");
        s.data().put(AppSettings.RECENT, List.of(1.0, "", "/a.mp4"));
        s.data().put(AppSettings.AUDIO_DEVICE, "x".repeat(AppSettings.MAX_DEVICE_ID + 1));
        assertEquals(AppSettings.DEFAULT_VOLUME, s.volume());
        assertEquals("default", s.audioDevice(), "an over-long device id is not taken");
        assertEquals(AppSettings.DEFAULT_WIDTH, s.windowWidth());
        assertEquals(2.0, s.bufferTime(2.0));
        assertEquals(List.of("/a.mp4"), s.recentItems());
        assertEquals(null, s.healthProfile(), "none chosen");
        s.data().put(AppSettings.HEALTH_PROFILE, "/p/" + "x".repeat(AppSettings.MAX_HEALTH_PROFILE));
        assertEquals(null, s.healthProfile(), "an over-long path is not taken");
    }

    @Test
    void anUnwritableFolderGivesFlushFailed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("not-a-folder");
        Files.writeString(file, "x");
        AppSettings s = new AppSettings(SharedObjectStore.at(file), Runnable::run);
        List<NetStatusEvent> events = new CopyOnWriteArrayList<>();
        s.addNetStatusListener(events::add);
        s.setVolume(0.5);
        assertEquals(SharedObject.FlushStatus.FAILED, s.flush().get(5, TimeUnit.SECONDS));
        assertEquals("SharedObject.Flush.Failed", events.get(0).code());
    }

    @Test
    void theSaverAppliesSavedFiguresToThePlayerAndSavesChanges(@TempDir Path dir) throws Exception {
        AppSettings saved = new AppSettings(SharedObjectStore.at(dir), Runnable::run);
        saved.setVolume(0.4);
        saved.setBufferTime(2.0);
        saved.setAudioDevice("Headphones");
        saved.flush().get(5, TimeUnit.SECONDS);

        AppSettings settings = new AppSettings(SharedObjectStore.at(dir), Runnable::run);
        PlayerViewModel player = Fx.call(() -> new PlayerViewModel(Platform::runLater, NullAudioSink::new,
                new RecentItems(RecentItems.DEFAULT_CAPACITY, settings.recentItems())));
        try {
            SettingsSaver saver = Fx.call(() -> new SettingsSaver(settings, player, null));
            assertEquals(0.4, Fx.call(() -> player.volumeProperty().get()));
            assertEquals(2.0, Fx.call(() -> player.urls().bufferTimeProperty().get()));
            assertEquals("Headphones", Fx.call(() -> player.audioDeviceProperty().get()));
            Fx.run(() -> {
                player.setAudioDevice("default");
                player.setVolume(0.9);
                player.urls().setBufferTime(5.0);
                saver.saveNow();
            });
            AppSettings again = new AppSettings(SharedObjectStore.at(dir), Runnable::run);
            assertEquals(0.9, again.volume());
            assertEquals("default", again.audioDevice());
            assertEquals(5.0, again.bufferTime(1.0));
        } finally {
            Fx.run(player::dispose);
        }
    }
}
