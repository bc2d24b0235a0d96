package org.netstreamfx.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextInputControl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.app.bench.LocalNginx;
import org.netstreamfx.app.session.SessionEntry;
import org.netstreamfx.app.session.SessionRecorder;
import org.netstreamfx.app.ui.Fx;
import org.netstreamfx.app.ui.player.PlayerState;
import org.netstreamfx.app.ui.player.PlayerView;
import org.netstreamfx.app.ui.player.PlayerViewModel;
import org.netstreamfx.app.ui.player.RecentItems;
import org.netstreamfx.app.ui.publisher.PublisherState;
import org.netstreamfx.app.ui.publisher.PublisherView;
import org.netstreamfx.app.ui.publisher.PublisherViewModel;
import org.netstreamfx.app.ui.settings.AppSettings;
import org.netstreamfx.app.ui.settings.PublisherPrefs;
import org.netstreamfx.app.ui.settings.SettingsSaver;
import org.netstreamfx.app.ui.tester.TesterViewModel;
import org.netstreamfx.capture.device.CameraDiscovery;
import org.netstreamfx.capture.device.Devices;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.sharedobject.SharedObject;
import org.netstreamfx.player.sharedobject.SharedObjectStore;
import org.netstreamfx.player.sink.NullAudioSink;
import org.testfx.api.FxToolkit;

/**
 * Stream keys and credentials never leak from the desktop app (issue 11; the command line's part
 * is {@code e2e/security/StreamKeyAuditTest}). Against a real nginx-rtmp, the publisher view goes
 * live with a password and a token in its server URL and a stream key, recording to a file; the
 * player plays the stream back with the key and the token in its address, then fails on a refused
 * port and an unknown application. Then every export of the tester (JSON lines, CSV, each entry
 * copied as text and its details), the publisher's session log exports, what the views show
 * (titles, addresses, notices, event lists, recent items) and the settings file as the app writes
 * it are searched for the secrets, as is the recording, raw.
 */
class AppKeyAuditTest {
    private static final String PASSWORD = "SECRETPASS456";
    private static final String TOKEN = "SECRETTOKEN123";
    private static final String KEY = "SECRETKEY789";
    private static final List<String> SECRETS = List.of(PASSWORD, TOKEN, KEY);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void exportsSettingsAndWhatIsShownHoldNoSecret(@TempDir Path dir) throws Exception {
        LocalNginx.require();
        List<String[]> places = new ArrayList<>(); // {where, text}
        try (LocalNginx nginx = LocalNginx.start(Files.createDirectories(dir.resolve("nginx")))) {
            String server = nginx.liveApp().replace("rtmp://", "rtmp://user:" + PASSWORD + "@") + "?token=" + TOKEN;
            SessionRecorder publishLog = new SessionRecorder(System.nanoTime());
            PublisherViewModel publisher = Fx.call(() -> new PublisherViewModel(Platform::runLater,
                    new Devices(new CameraDiscovery("video4linux2"), List::of), publishLog,
                    new PublisherPrefs(server, "cam", "test", "tone", 320, 180, 15, 300, 64)));
            PlayerViewModel player = Fx.call(() -> new PlayerViewModel(Platform::runLater, NullAudioSink::new,
                    new RecentItems()));
            TesterViewModel tester = Fx.call(() -> new TesterViewModel(player));
            List<Parent> views = Fx.call(() -> {
                PlayerView pv = new PlayerView(player, owner -> Optional.empty());
                PublisherView uv = new PublisherView(publisher, (owner, save) -> Optional.empty());
                for (Parent v : List.of(pv, uv)) {
                    new Scene(v, 1000, 600);
                    v.applyCss();
                    v.layout();
                }
                return List.of(pv, uv);
            });
            Path recording = dir.resolve("published.flv");
            try {
                Fx.run(() -> {
                    tester.setStatsShown(true);
                    tester.setControlShown(true);
                    publisher.setStreamKey(KEY);
                    publisher.setRecordFile(recording);
                    publisher.goLive();
                });
                Fx.waitUntil("on air", WAIT, () -> publisher.stateProperty().get() == PublisherState.LIVE,
                        publisher::events);
                String playUrl = nginx.liveApp().replace("rtmp://", "rtmp://user:" + PASSWORD + "@") + "/cam?key=" + KEY
                        + "&token=" + TOKEN;
                Fx.run(() -> player.open(playUrl));
                Fx.waitUntil("playing the published stream", WAIT,
                        () -> player.stateProperty().get() == PlayerState.PLAYING, player::events);
                shown(places, player, publisher, views, "while live");
                Fx.run(publisher::stop);
                Fx.waitUntil("off air", WAIT, () -> publisher.stateProperty().get() == PublisherState.IDLE,
                        publisher::events);

                int refused;
                try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                    refused = s.getLocalPort();
                }
                for (String failing : List.of(
                        "rtmp://user:" + PASSWORD + "@127.0.0.1:" + refused + "/live/cam?key=" + KEY + "&token=" + TOKEN,
                        playUrl.replace("/live/", "/nosuchapp/"))) {
                    int before = Fx.call(() -> player.events().size());
                    Fx.run(() -> player.open(failing));
                    Fx.waitUntil("an error for " + failing.substring(0, 20), WAIT, () -> player.events().stream()
                            .skip(before).anyMatch(NetStatusEvent::isError), player::events);
                    shown(places, player, publisher, views, "after a failure");
                }

                // The tester's exports and copies; the publisher's session log the same way.
                Path jsonl = dir.resolve("exports/session.jsonl");
                Path csv = dir.resolve("exports/session.csv");
                Files.createDirectories(jsonl.getParent());
                Fx.call(() -> tester.exportJsonLines(jsonl)).get(20, TimeUnit.SECONDS);
                Fx.call(() -> tester.exportCsv(csv)).get(20, TimeUnit.SECONDS);
                for (SessionEntry e : Fx.call(() -> List.copyOf(tester.shownEntries()))) {
                    places.add(new String[] {"tester copy of " + e.line().type(),
                            Fx.call(() -> tester.copyAsText(e) + "\n" + tester.detailsText(e))});
                }
                publishLog.export().jsonLinesTo(dir.resolve("exports/publisher.jsonl"));
                publishLog.export().csvTo(dir.resolve("exports/publisher.csv"));
                for (SessionEntry e : publishLog.entries()) {
                    places.add(new String[] {"publisher log copy", publishLog.copyAsText(e)});
                }
                assertTrue(Files.readString(jsonl).contains("NetStream.Play.Start"), "the export holds the session");
                assertTrue(publishLog.entries().stream().anyMatch(e -> "NetStream.Publish.Start".equals(e.line().code())),
                        "the publisher's log holds the session");

                // The settings as the app writes them: the saver's fields, the publisher's, the server list.
                AppSettings settings = new AppSettings(SharedObjectStore.at(dir.resolve("settings")), Runnable::run);
                Fx.run(() -> {
                    SettingsSaver saver = new SettingsSaver(settings, player, null);
                    saver.track(() -> settings.setPublisher(publisher.setup().prefs()));
                    settings.setServerUrls(List.of(server, playUrl));
                    saver.saveNow();
                });
                assertEquals(SharedObject.FlushStatus.FLUSHED, settings.flush().get(10, TimeUnit.SECONDS));
                assertTrue(Files.size(settings.file()) > 0, settings.file().toString());
                assertTrue(Files.size(recording) > 1000, "the recording holds media");
            } finally {
                Fx.run(() -> {
                    tester.dispose();
                    player.dispose();
                    publisher.dispose();
                });
            }
        }
        List<String> found = new ArrayList<>();
        for (String[] p : places) {
            search(found, p[0], p[1]);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.startsWith(dir.resolve("nginx"))).toList()) {
                search(found, f.toString(), new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        } catch (UncheckedIOException e) {
            throw new IOException(e);
        }
        assertTrue(places.size() > 20, "searched " + places.size() + " places");
        assertTrue(places.stream().anyMatch(p -> p[0].startsWith("PlayerView texts") && p[1].contains("?key=***")),
                "the Recent menu lists the played address, masked");
        assertTrue(found.isEmpty(), found.size() + " place(s) hold a secret:\n  " + String.join("\n  ", found));

        List<String> planted = new ArrayList<>();
        search(planted, "planted", "rtmp://h/live/cam?key=" + KEY.substring(2).toLowerCase(Locale.ROOT));
        assertEquals(1, planted.size(), "the search finds a secret");
    }

    /**
     * What the views show now: the view-models' titles, addresses, notices and event lists, and
     * every text of the player and publisher views (labels, buttons, menu items, tooltips,
     * notifications), but not the fields the user types the address and the key into.
     */
    private static void shown(List<String[]> places, PlayerViewModel player, PublisherViewModel publisher,
            List<Parent> views, String when) {
        for (Parent view : views) {
            places.add(new String[] {view.getClass().getSimpleName() + " texts " + when, Fx.call(() -> {
                view.applyCss();
                view.layout();
                StringBuilder sb = new StringBuilder();
                texts(view, sb);
                return sb.toString();
            })});
        }
        places.add(new String[] {"player title " + when, Fx.call(() -> player.titleProperty().get())});
        places.add(new String[] {"player notice " + when, Fx.call(() -> String.valueOf(player.noticeProperty().get()))});
        places.add(new String[] {"player address " + when, Fx.call(() -> {
            var a = player.addressProperty().get();
            return a == null ? "" : a.displayName();
        })});
        places.add(new String[] {"player events " + when, Fx.call(() -> player.events().toString())});
        places.add(new String[] {"publisher address " + when, Fx.call(() -> publisher.shownAddressProperty().get())});
        places.add(new String[] {"publisher problem " + when, Fx.call(() -> publisher.problemProperty().get())});
        places.add(new String[] {"publisher notice " + when,
                Fx.call(() -> String.valueOf(publisher.noticeProperty().get()))});
        places.add(new String[] {"publisher events " + when, Fx.call(() -> publisher.events().toString())});
    }

    private static void texts(Node node, StringBuilder sb) {
        if (node instanceof TextInputControl) {
            return; // what the user typed: the server URL and the key (a password field) hold them by design
        }
        if (node instanceof Labeled l) {
            sb.append(l.getText()).append('\n');
        }
        if (node instanceof Control c && c.getTooltip() != null) {
            sb.append(c.getTooltip().getText()).append('\n');
        }
        if (node instanceof MenuButton m) {
            m.getItems().forEach(i -> sb.append(i.getText()).append('\n'));
        }
        if (node instanceof org.controlsfx.control.NotificationPane n) {
            sb.append(n.getText()).append('\n');
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> texts(child, sb));
        }
    }

    /** The whole secret, or all but its first two characters (the mask keeps two), in any case. */
    private static void search(List<String> found, String where, String text) {
        if (text == null) {
            return;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String s : SECRETS) {
            for (String needle : List.of(s, s.substring(2))) {
                int at = lower.indexOf(needle.toLowerCase(Locale.ROOT));
                if (at >= 0) {
                    found.add(where + ": …" + text.substring(Math.max(0, at - 60),
                            Math.min(text.length(), at + needle.length() + 40)).replaceAll("\\p{Cntrl}", "·") + "…");
                    return;
                }
            }
        }
    }
}
