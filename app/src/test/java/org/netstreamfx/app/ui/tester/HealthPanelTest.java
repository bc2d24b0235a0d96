package org.netstreamfx.app.ui.tester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.app.session.SessionEntry;
import org.netstreamfx.app.ui.Fx;
import org.netstreamfx.app.ui.tester.health.FindingRow;
import org.netstreamfx.app.ui.tester.health.HealthChart;
import org.netstreamfx.app.ui.tester.health.HealthModel;
import org.netstreamfx.app.ui.tester.health.Light;
import org.netstreamfx.player.health.HealthReport;
import org.netstreamfx.player.health.Rule;
import org.netstreamfx.player.health.SeriesPoint;
import org.netstreamfx.player.health.TrackSeries;
import org.netstreamfx.testkit.http.FileHttpServer;
import org.netstreamfx.testkit.media.Ffmpeg8;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Tester's Health panel on files played by the Player, driven with TestFX on headless Monocle:
 * a keyframe every 10 s turns the video light amber with the finding listed and marked at 5 s, a
 * click on it selects its event in the log; the demo clip leaves every light green; a profile
 * chosen in the panel is the one the engine judges by. A bufferTime of 20 s lets the engine read
 * (and analyse) the files ahead of the playhead, so nothing waits for the clips to play through.
 */
@ExtendWith(ApplicationExtension.class)
class HealthPanelTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration ENCODE_TIMEOUT = Duration.ofSeconds(60);
    private static final double READ_AHEAD_S = 20;
    private static final Path DEMO = Path.of("..", "resources", "demo", "demo.mp4").toAbsolutePath().normalize();

    @TempDir
    static Path dir;
    /** 14 s at 160x90 with AAC 48 kHz stereo, a keyframe every 10 s: made once with FFmpeg 8. */
    static Path longGop;

    private PlayerAndTester window;
    private HealthModel health;

    @BeforeAll
    static void makeClip() {
        longGop = dir.resolve("long-gop.flv");
        Ffmpeg8.run("ffmpeg", ENCODE_TIMEOUT, List.of("-y", "-f", "lavfi", "-i", "testsrc2=s=160x90:r=25:d=14",
                "-f", "lavfi", "-i", "sine=f=440:r=48000:d=14", "-c:v", "libx264", "-preset", "superfast",
                "-g", "250", "-keyint_min", "250", "-sc_threshold", "0", "-c:a", "aac", "-ac", "2", longGop.toString()));
    }

    @Start
    void start(Stage stage) {
        window = new PlayerAndTester(stage);
        health = window.tester.health();
        window.player.urls().setBufferTime(READ_AHEAD_S);
    }

    @AfterEach
    void close() {
        window.dispose();
    }

    @Test
    void aKeyframeEveryTenSecondsTurnsTheVideoLightAmberListsTheFindingAndMarksItOnTheChart(FxRobot robot) {
        open(robot, longGop);
        Fx.waitUntil("the video light amber", WAIT, () -> health.lightProperty(Rule.Group.VIDEO).get() == Light.AMBER,
                this::stateNow);
        for (Rule.Group g : List.of(Rule.Group.AUDIO, Rule.Group.BITRATE, Rule.Group.TIMING)) {
            assertEquals(Light.GREEN, Fx.call(() -> health.lightProperty(g).get()), g + ": " + state());
        }
        FindingRow row = Fx.call(() -> health.findings().stream().filter(f -> f.rule().equals("KeyframeInterval"))
                .findFirst().orElseThrow());
        assertEquals("warning", row.severity());
        assertEquals("set your encoder's keyframe interval to 2 s", row.advice());
        assertEquals(5.0, row.timeS(), 0.2, "raised once the GOP runs past generic's 5 s");
        HealthChart chart = robot.lookup("#health-chart").queryAs(HealthChart.class);
        ChartMark mark = Fx.call(() -> chart.marks().stream().filter(m -> m.label().equals("KeyframeInterval"))
                .findFirst().orElseThrow());
        assertEquals(5.0, mark.t(), 0.2, "the mark at the finding's stream time");
        assertTrue(Fx.call(() -> chart.isVisible() && chart.getWidth() > 100 && chart.getHeight() > 60),
                "the chart is on screen");

        // The chart's series come from the engine: the 10 s interval ends at the keyframe at 10 s.
        Fx.waitUntil("the keyframe at 10 s in the report", WAIT, () -> video() != null
                && video().keyframes().stream().anyMatch(k -> Math.abs(k.timeS() - 10) < 0.1), this::stateNow);
        SeriesPoint k = Fx.call(() -> video().keyframes().get(0));
        assertEquals(10.0, k.value(), 0.1);
        assertTrue(Fx.call(() -> video().kbps().size()) >= 8, "a bit rate per second");

        // A click on the finding marks its time on the chart and selects its event in the log.
        TableView<FindingRow> table = robot.lookup("#health-findings").queryTableView();
        int index = Fx.call(() -> table.getItems().indexOf(row));
        robot.clickOn(robot.lookup("#health-findings .table-row-cell").nth(index).<javafx.scene.Node>query());
        assertEquals(row.timeS(), Fx.call(() -> chart.selectedProperty().get()), 1e-9);
        TableView<SessionEntry> log = robot.lookup("#event-log").queryTableView();
        assertEquals(row.entry(), Fx.call(() -> log.getSelectionModel().getSelectedItem()));
        assertEquals(Rule.KEYFRAME_INTERVAL.code(), row.entry().line().code());
    }

    @Test
    void theDemoClipLeavesEveryLightGreenWithNoFinding(FxRobot robot) {
        open(robot, DEMO);
        Fx.waitUntil("the whole clip analysed", WAIT, () -> report() != null && report().coveredS() >= 19,
                this::stateNow);
        for (Rule.Group g : Rule.Group.values()) {
            assertEquals(Light.GREEN, Fx.call(() -> health.lightProperty(g).get()), g + ": " + state());
        }
        assertEquals(List.of(), Fx.call(() -> List.copyOf(health.findings())));
        assertTrue(Fx.call(() -> report().series().stream().allMatch(s -> s.kbps().size() >= 18)), state());
    }

    /** The same clip as a progressive download: the panel judges what comes over http as it judges a file. */
    @Test
    void aLongGopOverHttpIsJudgedAsTheFileIs(FxRobot robot) throws Exception {
        try (FileHttpServer server = new FileHttpServer(longGop)) {
            robot.clickOn("#nav-tester");
            robot.clickOn("#tab-health");
            Fx.run(() -> window.player.open(server.url()));
            Fx.waitUntil("the video light amber", WAIT,
                    () -> health.lightProperty(Rule.Group.VIDEO).get() == Light.AMBER, this::stateNow);
            FindingRow row = Fx.call(() -> health.findings().stream()
                    .filter(f -> f.rule().equals("KeyframeInterval")).findFirst().orElseThrow());
            assertEquals(5.0, row.timeS(), 0.2, "raised where the file raises it");
            for (Rule.Group g : List.of(Rule.Group.AUDIO, Rule.Group.BITRATE, Rule.Group.TIMING)) {
                assertEquals(Light.GREEN, Fx.call(() -> health.lightProperty(g).get()), g + ": " + state());
            }
        }
    }

    @Test
    void theProfileChosenInThePanelIsTheOneTheEngineJudgesBy(FxRobot robot) {
        robot.clickOn("#nav-tester");
        robot.clickOn("#tab-health");
        ComboBox<String> profiles = robot.lookup("#health-profile").queryComboBox();
        Fx.run(() -> profiles.getSelectionModel().select("youtube"));
        assertEquals("youtube", Fx.call(() -> health.profileProperty().get()));
        open(robot, longGop);
        // YouTube asks for keyframes at most every 4 s: an error, raised at 4 s.
        Fx.waitUntil("the video light red", WAIT, () -> health.lightProperty(Rule.Group.VIDEO).get() == Light.RED,
                this::stateNow);
        assertEquals("youtube", Fx.call(() -> report().profile()));
        FindingRow row = Fx.call(() -> health.findings().get(health.findings().size() - 1));
        assertEquals("error", row.severity());
        assertEquals(4.0, row.timeS(), 0.2);
    }

    /** Shows the Health panel (the analysis starts), opens {@code file} in the Player and comes back. */
    private void open(FxRobot robot, Path file) {
        robot.clickOn("#nav-tester");
        robot.clickOn("#tab-health");
        assertEquals(Light.GREY, Fx.call(() -> health.lightProperty(Rule.Group.VIDEO).get()), "nothing played yet");
        robot.clickOn("#nav-player");
        window.picks.add(file);
        robot.clickOn("#open-file");
        robot.clickOn("#nav-tester");
    }

    private HealthReport report() {
        return health.reportProperty().get();
    }

    private TrackSeries video() {
        HealthReport r = report();
        return r == null ? null : r.series().stream().filter(TrackSeries::video).findFirst().orElse(null);
    }

    /** What the panel shows, for failure messages; from the test thread. */
    private String state() {
        return Fx.call(this::stateNow);
    }

    /** The same on the FX thread (Fx.waitUntil reads its state there). */
    private String stateNow() {
        HealthReport r = report();
        Map<Rule.Group, Light> lights = java.util.Arrays.stream(Rule.Group.values())
                .collect(Collectors.toMap(g -> g, g -> health.lightProperty(g).get()));
        return "lights " + lights + ", findings " + health.findings().stream().map(f -> f.rule() + "@" + f.timeS()
                + (f.cleared() ? " cleared" : "")).toList() + ", covered " + (r == null ? "none" : r.coveredS())
                + ", events " + window.player.events().stream().map(e -> e.code()).toList();
    }
}
