package org.netstreamfx.app.ui.player;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.app.bench.LocalNginx;
import org.netstreamfx.app.ui.Fx;
import org.netstreamfx.app.ui.settings.AppSettings;
import org.netstreamfx.app.ui.settings.SettingsSaver;
import org.netstreamfx.app.ui.tester.LivePublisher;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.sharedobject.SharedObject;
import org.netstreamfx.player.sharedobject.SharedObjectStore;
import org.netstreamfx.player.rtmp.client.RtmpOptions;
import org.netstreamfx.player.sink.NullAudioSink;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 12: the Open URL dialog's options for an rtmp(s) URL reach the NetConnection and the
 * NetStream, are remembered in the settings (without the key) and shown again; the reconnecting
 * state shows as a notice; Ctrl+R records a live stream from a real nginx-rtmp to a playable file
 * whose name has no key.
 */
@ExtendWith(ApplicationExtension.class)
class UrlOptionsFlowTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final Deque<Path> certificates = new ArrayDeque<>();
    private PlayerView view;
    private PlayerViewModel vm;
    private AppSettings settings;
    private SettingsSaver saver;
    private Path store;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        store = dir.resolve("settings");
        settings = new AppSettings(SharedObjectStore.at(store), Runnable::run);
        vm = new PlayerViewModel(Platform::runLater, NullAudioSink::new, new RecentItems());
        saver = new SettingsSaver(settings, vm, null);
        view = PlayerWindow.show(stage, vm, owner -> Optional.empty());
        view.setCertificatePicker(owner -> Optional.ofNullable(certificates.poll()));
        vm.recording().setFolder(dir.resolve("recordings"));
    }

    @AfterEach
    void close() {
        Fx.run(vm::dispose);
    }

    @Test
    void theDialogsOptionsReachTheLiveStreamAreRememberedWithoutTheKeyAndRecordingWorks(FxRobot robot)
            throws Exception {
        LocalNginx.require();
        LocalNginx nginx = LocalNginx.start(dir);
        try (LivePublisher publisher = new LivePublisher(nginx.liveApp(), "lv")) {
            String plain = nginx.liveApp() + "/lv";
            openDialog(robot);
            robot.clickOn("#url-field").write(plain + "?key=secret");
            assertTrue(Fx.call(() -> robot.lookup("#url-options").query().isVisible()), "options for rtmp://");
            assertEquals(List.of("10", "15", "1", "0"), optionTexts(robot), "the defaults, bufferTime the player's");
            assertTrue(Fx.call(() -> robot.lookup("#trust-cert-choose").query().isDisabled()), "rtmps only");
            type(robot, "#reconnect-tries", "3");
            type(robot, "#silence-timeout", "5");
            type(robot, "#url-buffer-time", "0.5");
            type(robot, "#url-buffer-time-max", "2.5");
            clickButton(robot, "Open");

            Fx.waitUntil("live pictures", WAIT, () -> view.video().framesShownProperty().get() >= 10, this::codes);
            NetStream ns = Fx.call(() -> vm.streamProperty().get());
            assertEquals(0.5, ns.bufferTime());
            assertEquals(2.5, ns.bufferTimeMax());
            assertEquals(0.5, Fx.call(() -> vm.urls().bufferTimeProperty().get()), "the bufferTime field shows it");
            RtmpOptions rtmp = Fx.call(() -> vm.connection().rtmpOptions());
            assertEquals(3, rtmp.reconnect().maxTries());
            assertEquals(5000, rtmp.silenceTimeoutMs());
            assertNull(rtmp.trustedCertificate());

            // Record about two seconds of the live stream with Ctrl+R.
            Fx.run(view::focusPicture);
            robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
            Fx.waitUntil("Record.Start", WAIT, () -> codes().contains("NetStream.Record.Start"), this::codes);
            double from = Fx.call(() -> vm.timeProperty().get());
            Fx.waitUntil("two seconds of live media while recording", WAIT,
                    () -> vm.timeProperty().get() >= from + 2.0, () -> vm.timeProperty().get());
            robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
            double to = Fx.call(() -> vm.timeProperty().get());
            Fx.waitUntil("the notice naming the file", WAIT, () -> vm.noticeProperty().get() != null
                    && vm.noticeProperty().get().code().equals("NetStream.Record.Stop"), this::codes);
            Path file = Fx.call(() -> vm.recording().fileProperty().get());
            String name = file.getFileName().toString();
            assertTrue(name.matches("nsfx-lv-\\d{8}-\\d{6}\\.mp4"), name);
            assertFalse(name.contains("secret") || name.contains("key"), name);
            Probe p = Probe.of(file);
            assertEquals(List.of("video", "audio"), p.codecTypes().stream().sorted(Comparator.reverseOrder()).toList());
            System.out.printf("recorded %.2f s for %.2f s watched%n", p.durationSeconds(), to - from);
            // Less the wait for the first keyframe (one a second), plus the 0.5 s buffered ahead
            // (seen: 1.36 s of file for 2.40 s watched).
            assertEquals(to - from, p.durationSeconds(), 1.5, "the file lasts about as long as was watched");
            assertTrue(p.durationSeconds() >= 1.0, "at least the 2 s watched, less a keyframe interval");

            // The options are in the settings, under the URL without its key, and on disk without it.
            AppSettings next = saveAndReadBack(plain);
            assertEquals(Optional.of(new UrlOptions(3, 5, null, 0.5, 2.5)), next.urlOptions(plain, 1.0));
            String raw = new String(Files.readAllBytes(next.file()), StandardCharsets.ISO_8859_1);
            assertFalse(raw.contains("secret") || raw.contains("key="), "no key on disk");

            // The server goes away: the reconnect tries show.
            nginx.close();
            Fx.waitUntil("the reconnecting notice", WAIT, () -> vm.noticeProperty().get() != null
                    && vm.noticeProperty().get().description().equals("Reconnecting (attempt 1 of 3)…"),
                    () -> vm.noticeProperty().get());
        } finally {
            nginx.close();
        }

        // Opening the URL again (without its key) shows what was used last time.
        Fx.run(vm::close);
        assertEquals(1.0, Fx.call(() -> vm.urls().bufferTimeProperty().get()), "closed: the player's own bufferTime again");
        openDialog(robot);
        robot.clickOn("#url-field").write(nginx.liveApp() + "/lv");
        assertEquals(List.of("3", "5", "0.5", "2.5"), optionTexts(robot));
        clickButton(robot, "Cancel");
    }

    @Test
    void anRtmpsUrlIsOpenedTrustingTheCertificateChosenInTheDialog(FxRobot robot) throws Exception {
        Path pem = Files.writeString(dir.resolve("server.pem"), "-----BEGIN CERTIFICATE-----\n");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        openDialog(robot);
        robot.clickOn("#url-field").write("rtmps://127.0.0.1:" + port + "/live/x");
        assertFalse(Fx.call(() -> robot.lookup("#trust-cert-choose").query().isDisabled()));
        certificates.add(pem);
        robot.clickOn("#trust-cert-choose");
        assertEquals(pem.toString(), Fx.call(() -> robot.lookup("#trust-cert-path").queryAs(Label.class).getText()));
        type(robot, "#reconnect-tries", "0");
        clickButton(robot, "Open");

        Fx.waitUntil("the connection made", WAIT, () -> vm.connection() != null, this::codes);
        RtmpOptions rtmp = Fx.call(() -> vm.connection().rtmpOptions());
        assertEquals(pem, rtmp.trustedCertificate());
        assertFalse(rtmp.reconnect().enabled(), "0 tries: reconnect off");
        Fx.waitUntil("Connect.Failed (nothing listens)", WAIT, () -> codes().contains("NetConnection.Connect.Failed"),
                this::codes);
        assertEquals(Optional.of(new UrlOptions(0, 15, pem, 1.0, 0)), settings.urlOptions(
                "rtmps://127.0.0.1:" + port + "/live/x", 1.0), "kept for the URL");
        Fx.run(() -> vm.urls().setBufferTime(2.5)); // the transport bar's bufferTime field
        assertEquals(2.5, settings.urlOptions("rtmps://127.0.0.1:" + port + "/live/x", 1.0).orElseThrow().bufferTime(),
                "a bufferTime chosen while the URL is open becomes the URL's");
        assertEquals(1.0, Fx.call(vm::playerBufferTime), "not the player's own, which files keep");
        Fx.run(() -> vm.urls().setBufferTime(1.0));

        // A figure out of range keeps Open disabled and says why.
        openDialog(robot);
        robot.clickOn("#url-field").write("rtmp://127.0.0.1:" + port + "/live/y");
        type(robot, "#silence-timeout", "0.1");
        assertEquals("Silence timeout: 0.3 to 600 s, not 0.1",
                Fx.call(() -> robot.lookup("#url-problem").queryAs(Label.class).getText()));
        assertTrue(Fx.call(() -> openButton(robot).isDisabled()));
        type(robot, "#silence-timeout", "30");
        assertFalse(Fx.call(() -> openButton(robot).isDisabled()));
        robot.clickOn("#url-field").write("z");
        assertEquals("30", Fx.call(() -> robot.lookup("#silence-timeout").queryAs(TextField.class).getText()),
                "another URL with nothing remembered keeps what the user typed");
        Fx.run(() -> robot.lookup("#url-field").queryAs(TextField.class)
                .setText("rtmps://127.0.0.1:" + port + "/live/x?key=k"));
        assertEquals(List.of("0", "15", "1", "0"), optionTexts(robot), "a remembered URL shows its own");
        assertEquals(pem.toString(), Fx.call(() -> robot.lookup("#trust-cert-path").queryAs(Label.class).getText()));
        clickButton(robot, "Cancel");
    }

    /** Saves the settings, waits for their Flush.Success, and reads them back from the store. */
    private AppSettings saveAndReadBack(String url) throws InterruptedException {
        java.util.concurrent.CountDownLatch flushed = new java.util.concurrent.CountDownLatch(1);
        settings.addNetStatusListener(e -> {
            if (e.is(org.netstreamfx.player.net.NetStatusCode.SHAREDOBJECT_FLUSH_SUCCESS)) {
                flushed.countDown();
            }
        });
        Fx.run(saver::saveNow);
        assertTrue(flushed.await(WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS),
                "the settings were not flushed");
        AppSettings next = new AppSettings(SharedObjectStore.at(store), Runnable::run);
        assertTrue(next.urlOptions(url, 1.0).isPresent(), "the settings were written without the options of " + url);
        return next;
    }

    private void openDialog(FxRobot robot) {
        Fx.run(view::focusPicture);
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        Fx.waitUntil("the URL dialog", WAIT, () -> robot.lookup("#url-field").tryQuery().isPresent(), this::codes);
    }

    private static void type(FxRobot robot, String id, String text) {
        robot.clickOn(id);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(text);
        assertEquals(text, Fx.call(() -> robot.lookup(id).queryAs(TextField.class).getText()));
    }

    private static List<String> optionTexts(FxRobot robot) {
        return Fx.call(() -> List.of("#reconnect-tries", "#silence-timeout", "#url-buffer-time", "#url-buffer-time-max")
                .stream().map(id -> robot.lookup(id).queryAs(TextField.class).getText()).toList());
    }

    private static Node openButton(FxRobot robot) {
        return robot.lookup(".open-url .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals("Open")).findFirst().orElseThrow();
    }

    private static void clickButton(FxRobot robot, String text) {
        robot.clickOn(robot.lookup(".open-url .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals(text)).findFirst().orElseThrow());
    }

    private List<String> codes() {
        return vm.events().stream().map(NetStatusEvent::code).toList();
    }
}
