package org.netstreamfx.app.ui.player;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netstreamfx.app.probe.MediaInfo;
import org.netstreamfx.app.ui.Fx;
import org.netstreamfx.app.ui.TestMedia;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.sink.NullAudioSink;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 12, "What users reach for": the stats overlay (I), Media information (Ctrl+I), the
 * buffering spinner and the bufferTimeMax field, in the app's window under Monocle.
 */
@ExtendWith(ApplicationExtension.class)
class PlayerOverlaysTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path DEMO = Path.of("..", "resources", "demo", "demo.mp4").toAbsolutePath().normalize();
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private final Deque<Path> picks = new ArrayDeque<>();
    private PlayerView view;
    private PlayerViewModel vm;
    private HttpServer server;

    @Start
    void start(Stage stage) {
        vm = new PlayerViewModel(Platform::runLater, NullAudioSink::new, new RecentItems());
        view = PlayerWindow.show(stage, vm, owner -> Optional.ofNullable(picks.poll()));
    }

    @AfterEach
    void close() {
        Fx.run(vm::dispose);
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void theStatsOverlayTogglesWithIShowsLiveFiguresAndStaysAcrossOpens(FxRobot robot) {
        play(robot, TestMedia.clip());
        StatsOverlay stats = view.statsOverlay();
        TextField field = robot.lookup("#buffer-time").queryAs(TextField.class);
        Fx.run(field::requestFocus); // focus, not editing: the key is a shortcut
        robot.type(KeyCode.I);
        Fx.waitUntil("the overlay shown", WAIT, stats::isVisible, this::codes);
        Fx.waitUntil("fps > 0 in the overlay", WAIT, () -> vm.figures().fpsProperty().get() > 0
                && !stats.getText().contains("FPS        0.0"), stats::getText);
        String first = Fx.call(stats::getText);
        assertTrue(first.contains("320×180 H.264"), first);
        assertTrue(first.contains("Audio      AAC LC 44.1 kHz"), first);
        assertTrue(first.contains("Buffer     ") && first.contains(" / 1.00 s\n"), first);
        assertFalse(first.contains("Live edge"), "a file is not live: " + first);
        Fx.waitUntil("figures that change while it plays", WAIT, () -> !stats.getText().equals(first), stats::getText);
        assertTrue(Fx.call(() -> stats.localToScene(stats.getBoundsInLocal()).getMaxX()
                < view.video().localToScene(view.video().getBoundsInLocal()).getCenterX()), "top-left, off the centre");
        assertTrue(Fx.call(() -> stats.localToScene(stats.getBoundsInLocal()).getMaxY()
                < view.video().localToScene(view.video().getBoundsInLocal()).getCenterY()), () -> "top-left, off the centre: "
                + Fx.call(() -> stats.localToScene(stats.getBoundsInLocal()) + " in " + view.video().localToScene(view.video().getBoundsInLocal())));
        assertTrue(Fx.call(stats::isMouseTransparent));
        assertEquals("", Fx.call(field::getText).replaceAll("[0-9.]", ""), "nothing typed into the field");

        // A new open: the overlay stays, with the new stream's figures.
        play(robot, DEMO);
        assertTrue(Fx.call(stats::isVisible), "still shown after a new open");
        Fx.waitUntil("the new stream's figures", WAIT, () -> stats.getText().contains("640×360 H.264 High")
                && stats.getText().contains("HE-AAC v2"), stats::getText);

        // Full screen keeps it.
        robot.clickOn(".picture-area");
        robot.type(KeyCode.F);
        Fx.waitUntil("full screen", WAIT, () -> ((Stage) view.getScene().getWindow()).isFullScreen(), this::codes);
        assertTrue(Fx.call(() -> stats.isVisible() && stats.getScene() != null), "shown in full screen");
        robot.type(KeyCode.F);
        Fx.waitUntil("out of full screen", WAIT, () -> !((Stage) view.getScene().getWindow()).isFullScreen(), this::codes);

        // While the user edits a text field, I is typed into it.
        robot.doubleClickOn(field);
        robot.type(KeyCode.I);
        assertTrue(Fx.call(stats::isVisible), "I typed into the field does not toggle the overlay");
        robot.type(KeyCode.ESCAPE);
        robot.clickOn(".picture-area");
        robot.type(KeyCode.I);
        Fx.waitUntil("hidden by I", WAIT, () -> !stats.isVisible(), this::codes);
    }

    @Test
    void mediaInformationShowsCodecsProfilesAndFollowsTheStream(FxRobot robot) {
        play(robot, DEMO);
        robot.press(KeyCode.CONTROL, KeyCode.I).release(KeyCode.I, KeyCode.CONTROL);
        Fx.waitUntil("the Media information window", WAIT, () -> robot.lookup("#media-info-table").tryQuery().isPresent(),
                this::codes);
        @SuppressWarnings("unchecked")
        TableView<MediaInfo.Row> table = robot.lookup("#media-info-table").queryAs(TableView.class);
        Fx.waitUntil("H.264 High and HE-AAC v2", WAIT, () -> table.getItems().contains(new MediaInfo.Row("Video", "Codec", "H.264 (avc1)"))
                && table.getItems().contains(new MediaInfo.Row("Audio", "Profile", "HE-AAC v2"))
                && table.getItems().contains(new MediaInfo.Row("Video", "Profile", "High")), table::getItems);
        assertTrue(Fx.call(() -> table.getItems().stream().anyMatch(r -> r.section().equals("onMetaData")
                && r.name().equals("aacprofile"))), "the stream's onMetaData is shown");
        Stage info = Fx.call(() -> (Stage) table.getScene().getWindow());
        assertEquals(javafx.stage.Modality.NONE, Fx.call(info::getModality), "not modal");

        // The player still takes its keys and opens; the window follows the new stream.
        picks.add(TestMedia.clip());
        Fx.run(view::openFile);
        Fx.waitUntil("AAC LC for the new clip", WAIT, () -> table.getItems().contains(new MediaInfo.Row("Audio", "Profile", "AAC LC"))
                && table.getItems().contains(new MediaInfo.Row("Video", "Resolution", "320×180")), table::getItems);
        robot.clickOn("#media-info-copy");
        String copied = Fx.call(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertTrue(copied != null && copied.contains("  Profile: AAC LC\n") && copied.startsWith("General\n"), copied);
    }

    @Test
    void theSpinnerShowsHowFullTheBufferIsWhileBufferingAndGoesWhenPlaying(FxRobot robot) throws IOException {
        byte[] demo = Files.readAllBytes(DEMO);
        // 20 s of media at about 1.5 times its own rate: 4 s of buffer take more than 2 s to fill.
        long bytesPerSecond = demo.length / 20 * 3 / 2;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/demo.mp4", ex -> serveSlowly(ex, demo, bytesPerSecond));
        server.start();
        assertTrue(Fx.call(() -> vm.urls().setBufferTime(4)));
        Fx.run(() -> vm.open("http://127.0.0.1:" + server.getAddress().getPort() + "/demo.mp4"));
        Node spinner = robot.lookup("#buffering").query();
        Label percent = robot.lookup("#buffering-percent").queryAs(Label.class);
        Label reason = robot.lookup("#buffering-reason").queryAs(Label.class);
        Fx.waitUntil("the spinner at more than 0 % while BUFFERING", WAIT,
                () -> vm.stateProperty().get() == PlayerState.BUFFERING && spinner.isVisible()
                        && percent.getText().matches("\\d+ %") && !percent.getText().equals("0 %"),
                () -> vm.stateProperty().get() + " " + percent.getText() + " " + reason.getText());
        int p = Integer.parseInt(Fx.call(percent::getText).replace(" %", ""));
        assertTrue(p > 0 && p < 100, "percentage " + p);
        assertEquals("Buffering", Fx.call(reason::getText));
        assertTrue(Fx.call(spinner::isMouseTransparent), "clicks reach the picture");
        Fx.waitUntil("PLAYING, the spinner gone", WAIT, () -> vm.stateProperty().get() == PlayerState.PLAYING
                && !spinner.isVisible(), () -> vm.stateProperty().get() + " " + percent.getText());
    }

    @Test
    void aDownloadSlowerThanThePictureSaysBufferEmptyAndASlowSeekSaysSeeking(FxRobot robot) throws IOException {
        byte[] demo = Files.readAllBytes(DEMO);
        // Half the media's own rate: the buffer runs dry; a seek (a Range request) waits 1.5 s.
        long bytesPerSecond = demo.length / 20 / 2;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/demo.mp4", ex -> {
            if (ex.getRequestHeaders().getFirst("Range") != null
                    && !ex.getRequestHeaders().getFirst("Range").startsWith("bytes=0-")) {
                try {
                    Thread.sleep(1500); // a slow server's answer to a seek, not a wait of the test
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            serveSlowly(ex, demo, bytesPerSecond);
        });
        server.start();
        Fx.run(() -> vm.open("http://127.0.0.1:" + server.getAddress().getPort() + "/demo.mp4"));
        Node spinner = robot.lookup("#buffering").query();
        Label reason = robot.lookup("#buffering-reason").queryAs(Label.class);
        Fx.waitUntil("Buffer.Empty shown", WAIT, () -> spinner.isVisible() && codes().contains("NetStream.Buffer.Empty")
                && reason.getText().equals("Buffer empty: waiting for data"), () -> reason.getText() + " " + codes());

        Fx.run(() -> vm.seek(15));
        Fx.waitUntil("Seeking shown", WAIT, () -> spinner.isVisible() && reason.getText().equals("Seeking"),
                () -> reason.getText() + " " + vm.seekingProperty().get() + " " + codes());
    }

    @Test
    void theBufferTimeMaxFieldValidatesAndReachesTheStreamNowAndNext(FxRobot robot) {
        play(robot, TestMedia.clip());
        TextField max = robot.lookup("#buffer-time-max").queryAs(TextField.class);
        assertEquals("0.0", Fx.call(max::getText), "0: the default live latency policy");
        robot.doubleClickOn(max).eraseText(3).write("abc").type(KeyCode.ENTER);
        assertTrue(Fx.call(() -> max.getPseudoClassStates().contains(INVALID)), "not a number");
        robot.eraseText(3).write("61").type(KeyCode.ENTER);
        assertTrue(Fx.call(() -> max.getPseudoClassStates().contains(INVALID)), "over the limit");
        assertEquals(0.0, Fx.call(() -> vm.urls().bufferTimeMaxProperty().get()));
        robot.eraseText(2).write("2.5").type(KeyCode.ENTER);
        assertFalse(Fx.call(() -> max.getPseudoClassStates().contains(INVALID)));
        assertEquals(2.5, Fx.call(() -> vm.urls().bufferTimeMaxProperty().get()));
        assertEquals(2.5, Fx.call(() -> vm.streamProperty().get().bufferTimeMax()), "the stream playing");
        assertFalse(Fx.call(() -> vm.urls().setBufferTimeMax(-1)));
        play(robot, DEMO);
        assertEquals(2.5, Fx.call(() -> vm.streamProperty().get().bufferTimeMax()), "the next stream");
        // Compact: the field and its name add little to the transport row.
        HBox box = Fx.call(() -> (HBox) max.getParent());
        double w = Fx.call(() -> box.prefWidth(-1));
        assertTrue(w <= 70, "bufferTimeMax takes " + w + " px");
    }

    private void play(FxRobot robot, Path file) {
        picks.add(file);
        long before = Fx.call(() -> vm.events().stream().filter(e -> e.code().equals("NetStream.Play.Start")).count());
        Fx.run(view::openFile);
        Fx.waitUntil("playing " + file.getFileName(), WAIT, () -> vm.stateProperty().get() == PlayerState.PLAYING
                && vm.events().stream().filter(e -> e.code().equals("NetStream.Play.Start")).count() > before
                && view.video().framesShownProperty().get() >= 3, this::codes);
    }

    private List<String> codes() {
        return vm.events().stream().map(NetStatusEvent::code).toList();
    }

    /** The file, or the range asked for, at about {@code bytesPerSecond} (a slow progressive download). */
    private static void serveSlowly(HttpExchange ex, byte[] body, long bytesPerSecond) throws IOException {
        String range = ex.getRequestHeaders().getFirst("Range");
        Matcher m = range == null ? null : RANGE.matcher(range);
        int from = m != null && m.lookingAt() ? Integer.parseInt(m.group(1)) : 0;
        ex.getResponseHeaders().add("Accept-Ranges", "bytes");
        ex.getResponseHeaders().add("Content-Type", "video/mp4");
        if (from > 0) {
            ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
        }
        ex.sendResponseHeaders(from > 0 ? 206 : 200, body.length - from);
        int chunk = (int) Math.max(1024, bytesPerSecond / 20);
        try (OutputStream out = ex.getResponseBody()) {
            for (int at = from; at < body.length; at += chunk) {
                out.write(body, at, Math.min(chunk, body.length - at));
                out.flush();
                Thread.sleep(50); // the server's pace, not a wait of the test
            }
        } catch (IOException | InterruptedException closedByTheClient) {
            // The player closed the connection (a seek, another open, the end of the test).
        } finally {
            ex.close();
        }
    }
}
