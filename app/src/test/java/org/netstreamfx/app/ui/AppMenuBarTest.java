package org.netstreamfx.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.bytedeco.ffmpeg.global.avutil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netstreamfx.app.ui.player.PlayerState;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.net.NetStatusEvent;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 12, "What users reach for": the menu bar has every action with its key, its keys never act
 * twice with PlayerView's key filter, F1 and ? show the shortcut sheet, the About box names the
 * versions that run, ↑/↓ change the volume, and the README lists the same keys as the menus.
 */
@ExtendWith(ApplicationExtension.class)
class AppMenuBarTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int MULTITRACK_SECONDS = 12;
    /** The demo clip ./nsfx plays (the tests run in app/). */
    private static final Path DEMO = AppWindowHarness.DEMO;

    private AppWindowHarness h;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        h = new AppWindowHarness(stage);
    }

    @AfterEach
    void close() {
        h.dispose();
    }

    @Test
    void everyMenuHasItsItemsAndKeysAndTheKeysTheViewsReadAreOnlyShown() {
        // What issue 12 asks for, menu by menu: id = key ("" for none).
        Map<String, Map<String, String>> expected = new LinkedHashMap<>();
        expected.put("menu-file", ordered("open-file", "Ctrl+O", "open-url", "Ctrl+L", "recent", "", "close", "Ctrl+W",
                "export-jsonl", "", "export-csv", "", "quit", "Ctrl+Q"));
        expected.put("menu-playback", ordered("play-pause", "Space", "back", "←", "forward", "→", "mute", "M",
                "volume-up", "↑", "volume-down", "↓", "slower", "[", "faster", "]", "normal-speed", "Backspace",
                "frame-forward", ".", "frame-back", ",", "previous", "P", "next", "N", "loop", "R", "ab-repeat", "B",
                "go-to-live", "L", "record", "Ctrl+R", "sound-output", "", "tracks", ""));
        expected.put("menu-view", ordered("view-player", "Ctrl+1", "view-tester", "Ctrl+2", "view-publisher", "Ctrl+3",
                "full-screen", "F", "playlist", "Ctrl+P", "stats-overlay", "I", "smooth-scaling", ""));
        expected.put("menu-tools", ordered("snapshot", "S", "media-info", "Ctrl+I", "copy-event", "Ctrl+C", "fault-proxy", "", "fault-drop", "",
                "go-live", "", "stop-publishing", "", "preview", ""));
        expected.put("menu-help", ordered("shortcuts", "F1", "about", ""));

        MenuBar bar = h.app.menuBar();
        List<String> menus = Fx.call(() -> bar.getMenus().stream().map(Menu::getText).toList());
        assertEquals(List.of("File", "Playback", "View", "Tools", "Help"), menus);
        for (Map.Entry<String, Map<String, String>> m : expected.entrySet()) {
            Menu menu = Fx.call(() -> bar.getMenus().stream().filter(x -> m.getKey().equals(x.getId())).findFirst()
                    .orElseThrow());
            List<String> ids = Fx.call(() -> menu.getItems().stream().filter(i -> !(i instanceof SeparatorMenuItem))
                    .map(MenuItem::getId).toList());
            assertEquals(m.getValue().keySet().stream().map(id -> "menu-" + id).toList(), ids, m.getKey());
            for (Map.Entry<String, String> item : m.getValue().entrySet()) {
                AppAction a = h.app.actions().get(item.getKey());
                MenuItem mi = Fx.call(() -> menu.getItems().stream().filter(i -> ("menu-" + item.getKey())
                        .equals(i.getId())).findFirst().orElseThrow());
                assertEquals(a.title(), Fx.call(mi::getText));
                if (item.getValue().isEmpty()) {
                    assertNull(Fx.call(mi::getAccelerator), item.getKey());
                    continue;
                }
                assertEquals(item.getValue(), a.readmeShortcutText(), item.getKey());
                assertEquals(item.getValue(), Fx.call(() -> mi.getAccelerator().getDisplayText()), item.getKey());
                if (a.route() == AppAction.Route.VIEW) {
                    // Shown, never matched: only the view's filter acts on the key.
                    KeyCodeCombination k = (KeyCodeCombination) a.keyCombination();
                    KeyEvent press = new KeyEvent(KeyEvent.KEY_PRESSED, "", "", k.getCode(), false,
                            k.getCode() == KeyCode.C, false, false);
                    assertFalse(Fx.call(() -> mi.getAccelerator().match(press)), item.getKey());
                } else {
                    assertInstanceOf(KeyCodeCombination.class, Fx.call(mi::getAccelerator), item.getKey());
                }
            }
        }
        // Every single key the Player reads is shown, not registered.
        for (String id : List.of("play-pause", "back", "forward", "mute", "volume-up", "volume-down", "full-screen")) {
            assertEquals(AppAction.Route.VIEW, h.app.actions().get(id).route(), id);
        }
    }

    @Test
    void whatNeedsAStreamOrASessionIsDisabledUntilThereIsOne(FxRobot robot) {
        for (String id : List.of("close", "play-pause", "back", "forward", "mute", "export-jsonl", "export-csv",
                "fault-proxy", "fault-drop", "copy-event", "stop-publishing")) {
            assertTrue(Fx.call(() -> item(id).isDisable()), id + " is disabled with nothing open");
        }
        for (String id : List.of("open-file", "open-url", "quit", "volume-up", "go-live", "shortcuts", "about")) {
            assertFalse(Fx.call(() -> item(id).isDisable()), id + " is enabled");
        }
        playDemo(robot);
        for (String id : List.of("close", "play-pause", "back", "forward", "mute", "export-jsonl", "export-csv",
                "fault-proxy")) {
            assertFalse(Fx.call(() -> item(id).isDisable()), id + " is enabled while the demo plays");
        }
        assertFalse(Fx.call(() -> item("recent").isDisable()), "Recent has the demo");
        Menu recent = (Menu) Fx.call(() -> item("recent"));
        List<String> recentTitles = Fx.call(() -> recent.getItems().stream().map(MenuItem::getText).toList());
        assertEquals(List.of(DEMO.toString(), "", "Clear recent items"),
                recentTitles.stream().map(t -> t == null ? "" : t).toList());
    }

    @Test
    void fileExportWritesTheSessionAndShowsTheTester(FxRobot robot, @org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        playDemo(robot);
        Path out = dir.resolve("session.jsonl");
        h.exports.add(out);
        robot.clickOn("File");
        robot.clickOn("Export session as JSON lines…");
        Fx.waitUntil("the export written", WAIT, () -> Files.isRegularFile(out)
                && h.tester.exportStatusProperty().get().startsWith("Wrote"), () -> h.tester.exportStatusProperty().get());
        assertTrue(Files.readString(out).contains("\"code\":\"NetStream.Play.Start\""), "the session's events");
        assertEquals("tester", Fx.call(() -> h.app.window().selectedProperty().get()), "its status line is shown");
    }

    @Test
    void choosingPlaybackMuteMutesWhileTheDemoPlays(FxRobot robot) {
        playDemo(robot);
        robot.clickOn("Playback");
        robot.clickOn("Mute");
        Fx.waitUntil("muted by Playback ▸ Mute", WAIT, () -> h.player.mutedProperty().get(), this::codes);
        assertEquals(0.0, Fx.call(() -> (double) h.player.streamProperty().get().volume()), 1e-9,
                "the stream plays at volume 0");
        assertTrue(Fx.call(() -> ((CheckMenuItem) item("mute")).isSelected()), "the item shows the check");
    }

    @Test
    void mPressedOnceTogglesMuteOnceWithTheMenuBarPresent(FxRobot robot) {
        playDemo(robot);
        AtomicInteger changes = new AtomicInteger();
        Fx.run(() -> h.player.mutedProperty().addListener((o, was, now) -> changes.incrementAndGet()));
        robot.type(KeyCode.M);
        Fx.waitUntil("muted by M", WAIT, () -> h.player.mutedProperty().get(), this::codes);
        // Everything the key press queued has run by the time this runs on the FX thread.
        assertEquals(1, Fx.call(changes::get), "M toggled mute exactly once");
        assertTrue(Fx.call(() -> ((CheckMenuItem) item("mute")).isSelected()));

        // An accelerator the menu runs (Ctrl+O) and PlayerView's filter reads too: one picker, not two.
        int asked = h.picksAsked.get();
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        assertEquals(asked + 1, Fx.call(h.picksAsked::get), "Ctrl+O asked for one file");
    }

    @Test
    void ctrlKeysWorkFromTheOtherViewsThroughTheMenuAccelerators(FxRobot robot) {
        playDemo(robot);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        Fx.waitUntil("the Tester shown", WAIT, () -> "tester".equals(h.app.window().selectedProperty().get()),
                () -> h.app.window().selectedProperty().get());
        assertTrue(Fx.call(() -> ((javafx.scene.control.RadioMenuItem) item("view-tester")).isSelected()));
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        Fx.waitUntil("closed by Ctrl+W in the Tester", WAIT,
                () -> h.player.stateProperty().get() == PlayerState.IDLE, this::codes);
        assertTrue(Fx.call(() -> item("close").isDisable()), "Close is disabled again");
    }

    @Test
    void f1AndQuestionMarkOpenTheSheetListingEveryActionsKey(FxRobot robot) {
        robot.type(KeyCode.F1);
        Fx.waitUntil("the sheet shown", WAIT, () -> h.app.sheet().stage() != null, () -> "not shown");
        Stage sheet = Fx.call(() -> h.app.sheet().stage());
        List<AppAction> withKeys = h.app.actions().all().stream().filter(AppAction::hasShortcut).toList();
        assertTrue(withKeys.stream().map(AppAction::id).toList().containsAll(List.of("open-file", "open-url", "close",
                "quit", "play-pause", "back", "forward", "mute", "volume-up", "volume-down", "view-player",
                "view-tester", "view-publisher", "full-screen", "leave-full-screen", "full-screen-click",
                "shortcuts", "shortcuts-question")), "keys listed: " + withKeys);
        for (AppAction a : withKeys) {
            Label key = Fx.call(() -> (Label) sheet.getScene().lookup("#shortcut-" + a.id()));
            assertNotNull(key, "the sheet lists " + a);
            assertEquals(a.shortcutText(), Fx.call(key::getText), a.toString());
            Label title = Fx.call(() -> (Label) key.getParent().getChildrenUnmodifiable()
                    .get(key.getParent().getChildrenUnmodifiable().indexOf(key) - 1));
            assertEquals(a.title(), Fx.call(title::getText));
        }
        assertEquals("Space", Fx.call(() -> ((Label) sheet.getScene().lookup("#shortcut-play-pause")).getText()));
        assertEquals("Double-click the picture",
                Fx.call(() -> ((Label) sheet.getScene().lookup("#shortcut-full-screen-click")).getText()));
        // Esc closes it; ? brings it back while no text field is being edited …
        robot.type(KeyCode.ESCAPE);
        Fx.waitUntil("the sheet closed", WAIT, () -> h.app.sheet().stage() == null, () -> "still shown");
        robot.press(KeyCode.SHIFT, KeyCode.SLASH).release(KeyCode.SLASH, KeyCode.SHIFT);
        Fx.waitUntil("the sheet shown by ?", WAIT, () -> h.app.sheet().stage() != null, () -> "not shown");
        Fx.run(() -> h.app.sheet().stage().hide());
        // … and is typed into the bufferTime field while the user edits it.
        TextField field = robot.lookup("#buffer-time").queryAs(TextField.class);
        robot.doubleClickOn(field);
        robot.press(KeyCode.SHIFT, KeyCode.SLASH).release(KeyCode.SLASH, KeyCode.SHIFT);
        assertNull(Fx.call(() -> h.app.sheet().stage()), "? is typed, not a shortcut, while editing");
        String typed = Fx.call(field::getText);
        assertTrue(typed.contains("?"), typed);
        Fx.run(() -> field.setText("1.0"));
    }

    @Test
    void aboutNamesTheVersionsThatRunAndCopiesThem(FxRobot robot) throws Exception {
        robot.clickOn("Help");
        robot.clickOn("About NetStreamFX");
        Fx.waitUntil("the versions read", WAIT, () -> h.app.about().info() != null, () -> "reading");
        Stage about = Fx.call(() -> h.app.about().stage());
        String java = text(about, "#about-java");
        assertTrue(java.startsWith(System.getProperty("java.version") + " ("), java);
        assertTrue(java.contains(System.getProperty("java.vendor")), java);
        String ffmpeg = text(about, "#about-ffmpeg");
        String natives = avutil.av_version_info().getString();
        assertTrue(natives.startsWith("8."), "the natives are FFmpeg 8: " + natives);
        assertEquals(natives, ffmpeg);
        String libraries = text(about, "#about-ffmpeg-libraries");
        assertTrue(libraries.startsWith("libavutil " + VersionInfo.version(avutil.avutil_version()) + ", libavcodec "),
                libraries);
        assertEquals(pomVersion(), text(about, "#about-app"), "the app version is the pom's");
        assertEquals(System.getProperty("javafx.runtime.version"), text(about, "#about-javafx"));
        assertTrue(text(about, "#about-os").startsWith(System.getProperty("os.name")));

        robot.clickOn("#about-copy");
        String copied = Fx.call(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertEquals(h.app.about().info().text(), copied);
        assertTrue(copied.contains("NetStreamFX: " + pomVersion() + "\n"), copied);
        assertTrue(copied.contains("Java: " + System.getProperty("java.version")), copied);
        robot.type(KeyCode.ESCAPE);
        Fx.waitUntil("the box closed", WAIT, () -> h.app.about().stage() == null, () -> "still shown");
    }

    @Test
    void ctrlQStillQuits(FxRobot robot) {
        Platform.setImplicitExit(false);
        robot.clickOn("#picture");
        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        Fx.waitUntil("the window closed", WAIT, () -> !stage.isShowing(), () -> "still shown");
    }

    @Test
    void upAndDownChangeTheVolumeByATenthButNotWhileTheBufferTimeFieldIsEdited(FxRobot robot) {
        robot.clickOn("#picture");
        assertEquals(1.0, Fx.call(() -> h.player.volumeProperty().get()), 1e-9);
        robot.type(KeyCode.DOWN);
        Fx.waitUntil("volume 0.9", WAIT, () -> Math.abs(h.player.volumeProperty().get() - 0.9) < 1e-9,
                () -> h.player.volumeProperty().get());
        robot.type(KeyCode.DOWN, KeyCode.DOWN);
        Fx.waitUntil("volume 0.7", WAIT, () -> Math.abs(h.player.volumeProperty().get() - 0.7) < 1e-9,
                () -> h.player.volumeProperty().get());
        robot.type(KeyCode.UP);
        Fx.waitUntil("volume 0.8", WAIT, () -> Math.abs(h.player.volumeProperty().get() - 0.8) < 1e-9,
                () -> h.player.volumeProperty().get());
        Fx.run(() -> h.player.setVolume(0.95));
        robot.type(KeyCode.UP, KeyCode.UP);
        Fx.waitUntil("volume at most 1", WAIT, () -> h.player.volumeProperty().get() == 1.0,
                () -> h.player.volumeProperty().get());

        TextField field = robot.lookup("#buffer-time").queryAs(TextField.class);
        robot.doubleClickOn(field);
        robot.type(KeyCode.DOWN, KeyCode.DOWN, KeyCode.UP, KeyCode.M);
        assertEquals(1.0, Fx.call(() -> h.player.volumeProperty().get()), 1e-9, "↑/↓ move the caret while editing");
        assertFalse(Fx.call(() -> h.player.mutedProperty().get()), "M is typed, not Playback ▸ Mute, while editing");
        String typed = Fx.call(field::getText);
        assertTrue(typed.contains("m"), typed);
        // The menu items still do it.
        Fx.run(() -> item("volume-down").fire());
        assertEquals(0.9, Fx.call(() -> h.player.volumeProperty().get()), 1e-9);
    }

    @Test
    void theMenuBarHidesWithTheRailInFullScreenAndViewFullScreenIsChecked(FxRobot robot) {
        Fx.run(() -> h.app.player().chrome().setIdleDelay(javafx.util.Duration.hours(1)));
        try {
            Fx.run(() -> item("full-screen").fire());
            Fx.waitUntil("full screen", WAIT, stage::isFullScreen, () -> "windowed");
            assertTrue(Fx.call(() -> ((CheckMenuItem) item("full-screen")).isSelected()));
            assertTrue(Fx.call(() -> h.app.menuBar().isVisible()), "shown on entering full screen");
            Fx.run(() -> h.app.player().chrome().idleElapsed());
            assertFalse(Fx.call(() -> h.app.menuBar().isVisible() || h.app.menuBar().isManaged()),
                    "hidden with the rail when the mouse is still");
            robot.moveTo("#picture").moveBy(30, 20);
            Fx.waitUntil("shown on a mouse move", WAIT, () -> h.app.menuBar().isVisible(), () -> "hidden");
            robot.type(KeyCode.ESCAPE);
            Fx.waitUntil("windowed", WAIT, () -> !stage.isFullScreen(), () -> "full screen");
            assertFalse(Fx.call(() -> ((CheckMenuItem) item("full-screen")).isSelected()));
        } finally {
            Fx.run(() -> stage.setFullScreen(false));
        }
    }

    @Test
    void theReadmeListsTheSameKeysAsTheMenus() throws Exception {
        List<String> expected = ShortcutSheet.markdown(h.app.actions().all());
        String readme = Files.readString(Path.of("..", "README.md"));
        String start = "<!-- shortcuts: the rows of AppActions; AppMenuBarTest checks them -->";
        int from = readme.indexOf(start);
        assertTrue(from >= 0, "the README marks its shortcut table with " + start);
        List<String> table = new ArrayList<>();
        for (String line : readme.substring(from + start.length()).strip().split("\n")) {
            if (!line.startsWith("|")) {
                break;
            }
            table.add(line.strip());
        }
        assertEquals(String.join("\n", expected), String.join("\n", table),
                "the README's shortcut table, as the action table makes it");
    }

    // Helpers.

    private MenuItem item(String id) {
        for (Menu m : h.app.menuBar().getMenus()) {
            for (MenuItem i : m.getItems()) {
                if (("menu-" + id).equals(i.getId())) {
                    return i;
                }
            }
        }
        throw new AssertionError("no menu item " + id);
    }

    @Test
    void aMultitrackStreamListsItsTracksInTheMenuAndTheTesterAndChoosingOneSwitches(FxRobot robot,
            @org.junit.jupiter.api.io.TempDir Path dir) {
        assertTrue(Fx.call(() -> item("tracks").isDisable()), "no choice with nothing open");
        // Long enough that the switch comes before the player has read to the end (it reads 3 s ahead).
        h.picks.add(org.netstreamfx.testkit.media.MultitrackClip.make(dir.resolve("multitrack.flv"), MULTITRACK_SECONDS));
        robot.clickOn("#open-file");
        Fx.waitUntil("tracks 0 playing", WAIT, () -> !item("tracks").isDisable()
                && h.player.figures().tracks().playingProperty(TrackKind.VIDEO).get() == 0, this::codes);
        Menu tracks = (Menu) Fx.call(() -> item("tracks"));
        List<String> titles = Fx.call(() -> tracks.getItems().stream().filter(i -> !(i instanceof SeparatorMenuItem))
                .map(MenuItem::getText).toList());
        assertEquals(List.of("Video 0: avc1 320x180", "Video 1: vp09 160x90", "Audio 0: mp4a 44100 Hz 1 ch", "Audio 1: Opus 48000 Hz 2 ch"),
                titles);
        assertTrue(Fx.call(() -> ((RadioMenuItem) tracks.getItems().get(0)).isSelected()), "track 0 plays");
        // Chosen as a click would (the item's action), not by pointer: the submenu is refilled as tracks are learnt.
        Fx.run(() -> tracks.getItems().stream().filter(i -> "Video 1: vp09 160x90".equals(i.getText())).findFirst()
                .orElseThrow().fire());
        Fx.waitUntil("video track 1 playing", WAIT,
                () -> h.player.figures().tracks().playingProperty(TrackKind.VIDEO).get() == 1, this::codes);
        // The switch is read ahead of the picture; its event comes through the playback thread after.
        Fx.waitUntil("NetStreamFX.Tracks.Switched", WAIT, () -> codes().contains("NetStreamFX.Tracks.Switched"),
                this::codes);
        robot.clickOn("#nav-tester");
        Label listed = robot.lookup("#stat-tracks").queryAs(Label.class);
        Fx.waitUntil("the tester lists the tracks", WAIT, () -> listed.getText().contains("Video 1: vp09 160x90 (playing)"),
                listed::getText);
        assertEquals("Video 0: avc1 320x180\nVideo 1: vp09 160x90 (playing)\nAudio 0: mp4a 44100 Hz 1 ch (playing)\n"
                + "Audio 1: Opus 48000 Hz 2 ch", Fx.call(listed::getText));
    }

    private void playDemo(FxRobot robot) {
        h.playDemo(robot, 3);
    }

    private List<String> codes() {
        return h.player.events().stream().map(NetStatusEvent::code).toList();
    }

    private static String text(Stage s, String selector) {
        return Fx.call(() -> ((Label) s.getScene().lookup(selector)).getText());
    }

    private static Map<String, String> ordered(String... idKey) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < idKey.length; i += 2) {
            m.put(idKey[i], idKey[i + 1]);
        }
        return m;
    }

    /** The project's version as the root pom declares it (independent of the filtered resource). */
    private static String pomVersion() throws Exception {
        String pom = Files.readString(Path.of("..", "pom.xml"));
        Matcher m = Pattern.compile("<artifactId>netstreamfx</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertTrue(m.find(), "the root pom's version");
        return m.group(1);
    }
}
