package org.netstreamfx.app.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.netstreamfx.app.ui.player.PlayerState;
import org.netstreamfx.app.ui.player.PlayerView;
import org.netstreamfx.app.ui.player.PlayerViewModel;
import org.netstreamfx.app.ui.player.RecentItems;
import org.netstreamfx.app.ui.publisher.PublisherView;
import org.netstreamfx.app.ui.publisher.PublisherViewModel;
import org.netstreamfx.app.ui.settings.AppSettings;
import org.netstreamfx.app.ui.settings.PublisherPrefs;
import org.netstreamfx.app.ui.tester.FaultInjection;
import org.netstreamfx.app.ui.tester.TesterView;
import org.netstreamfx.app.ui.tester.TesterViewModel;
import org.netstreamfx.capture.device.CameraDiscovery;
import org.netstreamfx.capture.device.Devices;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.sink.NullAudioSink;
import org.netstreamfx.testkit.RunsAlone;
import org.testfx.api.FxToolkit;

/**
 * Issue 12, defect 4: at the window's minimum size, and at 1280×800, no control of the Player,
 * the Tester or the Publisher is cut by the window (or out of reach of its scroll pane), no label
 * ends in an ellipsis it does not have, and no two sibling controls overlap ({@link LayoutCheck}).
 * The views are built as the app builds them, in the main window, with what they show in use: the
 * player playing the bundled demo clip, the tester logging that session (stats shown), the
 * publisher previewing the test camera and the tone with a server, name and key entered.
 */
@RunsAlone
class LayoutClippingTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path DEMO = Path.of("..", "resources", "demo", "demo.mp4").toAbsolutePath().normalize();

    private Stage stage;
    private PlayerViewModel player;
    private TesterViewModel tester;
    private FaultInjection faults;
    private PublisherViewModel publisher;
    private MainWindow window;
    private PlayerView playerView;
    private PublisherView publisherView;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        Fx.run(() -> {
            if (stage != null) {
                stage.close();
            }
            if (faults != null) {
                faults.dispose();
                publisher.dispose();
                tester.dispose();
                player.dispose();
            }
        });
    }

    @Test
    void nothingIsCutAtTheMinimumSize() {
        assertNothingCut(AppSettings.MIN_WIDTH, AppSettings.MIN_HEIGHT);
    }

    @Test
    void nothingIsCutAt1280x800() {
        assertNothingCut(1280, 800);
    }

    /**
     * The controls other branches add to the player (prev/next/loop beside play, a bufferTimeMax
     * field beside bufferTime, a speed picker, a REC badge in the tool bar), added the way
     * TransportBar says, still leave nothing cut at the minimum size: the transport wraps.
     */
    @Test
    void thePlayersTransportWrapsRatherThanCutsWhenMoreControlsCome() {
        assertTrue(Files.isRegularFile(DEMO), DEMO + " is missing");
        Fx.run(() -> show(AppSettings.MIN_WIDTH, AppSettings.MIN_HEIGHT));
        Fx.run(() -> player.open(DEMO.toString()));
        Fx.waitUntil("the demo clip playing", WAIT, () -> player.stateProperty().get() == PlayerState.PLAYING,
                () -> player.stateProperty().get());
        double oneLine = Fx.call(() -> {
            window.select("player");
            stage.getScene().getRoot().layout();
            return stage.getScene().lookup(".transport-row").getLayoutBounds().getHeight();
        });
        Fx.run(() -> {
            FitRow row = (FitRow) stage.getScene().lookup(".transport-row");
            HBox play = (HBox) row.getChildren().get(0);
            for (String id : List.of("extra-previous", "extra-next", "extra-loop")) {
                javafx.scene.control.Button b = new javafx.scene.control.Button(null, Icons.PLAY.node(18));
                b.setId(id);
                b.getStyleClass().add("icon-button");
                play.getChildren().add(play.getChildren().size() - 1, b);
            }
            HBox buffer = (HBox) row.getChildren().get(2);
            javafx.scene.control.TextField max = new javafx.scene.control.TextField("0.0");
            max.setId("extra-buffer-time-max");
            max.setPrefColumnCount(3);
            buffer.getChildren().add(FitRow.group(6, new javafx.scene.control.Label("bufferTimeMax"), max,
                    new javafx.scene.control.Label("s")));
            javafx.scene.control.ComboBox<String> speed = new javafx.scene.control.ComboBox<>(
                    javafx.collections.FXCollections.observableArrayList("0.5×", "1×", "1.5×", "2×"));
            speed.setId("extra-speed");
            speed.setValue("1×");
            row.getChildren().add(3, FitRow.alignRight(FitRow.group(6, new javafx.scene.control.Label("Speed"), speed)));
            javafx.scene.control.Label rec = new javafx.scene.control.Label("● REC 0:12");
            rec.setId("extra-rec");
            rec.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            ((HBox) stage.getScene().lookup("#player-state").getParent()).getChildren().add(rec);
        });
        List<String> offenders = check("player");
        assertTrue(offenders.isEmpty(), offenders.size() + " offenders with more controls:\n"
                + String.join("\n", offenders));
        double now = Fx.call(() -> stage.getScene().lookup(".transport-row").getLayoutBounds().getHeight());
        // The transport already holds the playlist, loop, speed, LIVE and bufferTimeMax controls:
        // more of them take another line instead of cutting one.
        assertTrue(now >= oneLine + 20, "the transport wrapped onto another line: " + oneLine + " -> " + now);
    }

    private void assertNothingCut(double width, double height) {
        assertTrue(Files.isRegularFile(DEMO), DEMO + " is missing");
        Fx.run(() -> show(width, height));
        Fx.run(() -> player.open(DEMO.toString()));
        Fx.waitUntil("the demo clip playing with its figures", WAIT,
                () -> player.stateProperty().get() == PlayerState.PLAYING
                        && playerView.video().framesShownProperty().get() >= 25,
                () -> player.stateProperty().get() + " " + player.events().stream().map(NetStatusEvent::code).toList());
        List<String> offenders = new ArrayList<>(check("player"));
        Fx.run(() -> {
            window.select("tester");
            ((CheckBox) stage.getScene().lookup("#show-stats")).setSelected(true);
        });
        Fx.waitUntil("a session in the tester's log", WAIT, () -> tester.shownEntries().size() >= 5,
                () -> tester.shownEntries().size());
        offenders.addAll(check("tester"));
        Fx.run(() -> {
            window.select("publisher");
            publisherView.enterServer("rtmp://127.0.0.1:1935/live", "demo", "sk-demo-7f3a9c");
        });
        Fx.waitUntil("the camera's preview and the devices listed", WAIT,
                () -> publisherView.preview().frameProperty().get() != null && !publisher.cameras().isEmpty()
                        && !publisher.microphones().isEmpty(),
                () -> publisher.cameras() + " " + publisher.microphones());
        offenders.addAll(check("publisher"));
        assertTrue(offenders.isEmpty(), offenders.size() + " offenders at " + Math.round(width) + "×"
                + Math.round(height) + ":\n" + String.join("\n", offenders));
    }

    /** The offenders of view {@code id}, laid out now, each line naming the view and size. */
    private List<String> check(String id) {
        return Fx.call(() -> {
            window.select(id);
            Scene scene = stage.getScene();
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            String where = "[" + id + " " + Math.round(scene.getWidth()) + "×" + Math.round(scene.getHeight()) + "] ";
            return LayoutCheck.offenders(scene).stream().map(s -> where + s).toList();
        });
    }

    /** The main window with the three views as DesktopApp builds them, shown at {@code width} × {@code height}. */
    private void show(double width, double height) {
        player = new PlayerViewModel(Platform::runLater, NullAudioSink::new, new RecentItems());
        playerView = new PlayerView(player, owner -> Optional.empty());
        tester = new TesterViewModel(player);
        faults = new FaultInjection(player);
        window = new MainWindow();
        window.addView("player", "Player", Icons.PLAYER.node(22), playerView);
        window.hideRailWhile(playerView.chrome().hiddenProperty());
        window.addView("tester", "Tester", TesterView.icon(22),
                new TesterView(tester, faults, (owner, format) -> Optional.empty()));
        publisher = new PublisherViewModel(Platform::runLater,
                new Devices(new CameraDiscovery("video4linux2"), List::of), tester.recorder(),
                new PublisherPrefs("", "", "test", "tone", 1280, 720, 30, 2500, 128));
        publisherView = new PublisherView(publisher, (owner, save) -> Optional.empty());
        window.addView("publisher", "Publish", PublisherView.icon(22), publisherView);
        stage = new Stage();
        Scene scene = new Scene(window.root(), width, height);
        scene.getStylesheets().add(MainWindow.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }
}
