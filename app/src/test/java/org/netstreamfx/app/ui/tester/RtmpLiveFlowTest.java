package org.netstreamfx.app.ui.tester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.app.bench.LocalNginx;
import org.netstreamfx.app.session.SessionEntry;
import org.netstreamfx.app.ui.Fx;
import org.netstreamfx.app.ui.player.PlayerView;
import org.netstreamfx.app.ui.player.PlayerViewModel;
import org.netstreamfx.app.ui.tester.health.HealthModel;
import org.netstreamfx.app.ui.tester.health.Light;
import org.netstreamfx.player.health.Rule;
import org.netstreamfx.player.net.NetStatusEvent;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Player and the Tester on a live stream from a real nginx-rtmp (started on a free loopback
 * port), published by our engine from the test camera and the tone: the URL opened as a user
 * would, pictures at the published size, the server's own Play.Start, live stats, and the raw
 * RTMP control events shown on demand in the same timeline, and the Health panel's lights and chart
 * filling from the live analysis.
 */
@ExtendWith(ApplicationExtension.class)
class RtmpLiveFlowTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private PlayerAndTester window;
    private PlayerViewModel player;
    private TesterViewModel tester;
    private PlayerView playerView;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        window = new PlayerAndTester(stage);
        player = window.player;
        tester = window.tester;
        playerView = window.playerView;
    }

    @AfterEach
    void close() {
        window.dispose();
    }

    @Test
    void aLiveStreamFromNginxPlaysAndTheTesterShowsItsEventsStatsAndControlMessages(FxRobot robot)
            throws Exception {
        LocalNginx.require();
        try (LocalNginx nginx = LocalNginx.start(dir);
             LivePublisher publisher = new LivePublisher(nginx.liveApp(), "flow")) {
            robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
            Fx.waitUntil("the URL dialog", WAIT, () -> robot.lookup("#url-field").tryQuery().isPresent(), this::codes);
            robot.clickOn("#url-field").write(nginx.liveApp() + "/flow");
            robot.clickOn(robot.lookup(".open-url .button").queryAllAs(Button.class).stream()
                    .filter(b -> b.getText().equals("Open")).findFirst().orElseThrow());

            Fx.waitUntil("live pictures", WAIT, () -> playerView.video().framesShownProperty().get() >= 25, this::codes);
            assertEquals(320, Fx.call(() -> playerView.video().videoWidthProperty().get()));
            assertEquals(180, Fx.call(() -> playerView.video().videoHeightProperty().get()));
            List<String> played = Fx.call(this::codes);
            assertTrue(played.contains("NetStream.Play.Start"), played.toString());

            robot.clickOn("#nav-tester");
            TableView<SessionEntry> log = robot.lookup("#event-log").queryTableView();
            Fx.waitUntil("the server's Play.Start in the log", WAIT,
                    () -> rows(log).contains("NetStream.Play.Start"), () -> rows(log));
            assertTrue(Fx.call(() -> rows(log)).stream().noneMatch(r -> r.equals("StreamBegin")),
                    "control events hidden by default");
            robot.clickOn("#show-control");
            Fx.waitUntil("raw control events on demand", WAIT,
                    () -> rows(log).containsAll(List.of("StreamBegin", "SetBufferLength", "SetChunkSize",
                            "WindowAckSize")), () -> rows(log));
            Fx.waitUntil("live stats", WAIT, () -> tester.fpsProperty().get() > 10
                    && tester.inputKbpsProperty().get() > 0 && tester.bytesLoadedProperty().get() > 0,
                    () -> tester.fpsProperty().get() + " fps, " + tester.inputKbpsProperty().get() + " kbit/s");
            int points = Fx.call(() -> tester.chartPoints().size());
            Fx.waitUntil("the buffer chart gains points", WAIT, () -> tester.chartPoints().size() >= points + 4,
                    () -> tester.chartPoints().size());
            String control = Fx.call(() -> log.getItems().stream()
                    .filter(e -> "SetBufferLength".equals(e.line().code())).findFirst()
                    .map(tester::copyAsText).orElseThrow());
            assertTrue(control.contains("out") && control.contains("bufferLengthMs"), control);
            // nginx-rtmp says nothing of Enhanced RTMP in its connect answer, and the tester says so.
            Label caps = robot.lookup("#stat-server-caps").queryAs(Label.class);
            assertEquals("no Enhanced RTMP capabilities", Fx.call(caps::getText));

            // The Health panel on the live stream: every light lit, the chart's series filling.
            robot.clickOn("#tab-health");
            HealthModel health = tester.health();
            Fx.waitUntil("every health light lit and the chart filling", WAIT, () -> Arrays.stream(Rule.Group.values())
                    .allMatch(g -> health.lightProperty(g).get() != Light.GREY) && seriesFilled(health),
                    () -> health.reportProperty().get() == null ? "no report" : health.reportProperty().get().series());
            assertTrue(Fx.call(() -> (Boolean) health.reportProperty().get().timing().get("live")));
        }
    }

    /** Three seconds of bit rate for video and audio, and two keyframe intervals (one a second is published). */
    private static boolean seriesFilled(HealthModel health) {
        var r = health.reportProperty().get();
        return r != null && r.series().size() == 2 && r.series().stream().allMatch(s -> s.kbps().size() >= 3
                && (!s.video() || s.keyframes().size() >= 2));
    }

    /** The code (or type) of each row; call on the FX thread. */
    private static List<String> rows(TableView<SessionEntry> log) {
        return log.getItems().stream().map(e -> e.line().code() != null ? e.line().code() : e.line().type()).toList();
    }

    /** The player's event codes; call on the FX thread. */
    private List<String> codes() {
        return player.events().stream().map(NetStatusEvent::code).toList();
    }
}
