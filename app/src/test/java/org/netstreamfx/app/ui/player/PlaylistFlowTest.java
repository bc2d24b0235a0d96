package org.netstreamfx.app.ui.player;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.app.ui.Fx;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.StatusLevel;
import org.netstreamfx.player.sink.NullAudioSink;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Playlists, next/previous, loop modes and A–B repeat, driven by keys and buttons on real clips. */
@ExtendWith(ApplicationExtension.class)
class PlaylistFlowTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** What the "Open" button's file picker answers, in order (each answer a list of files). */
    private final Deque<List<Path>> picks = new ArrayDeque<>();
    /** The playlist index at each NetStream.Play.Start, in order. */
    private final List<Integer> started = new CopyOnWriteArrayList<>();
    /** Every notice shown. */
    private final List<Notice> notices = new CopyOnWriteArrayList<>();
    private PlayerView view;
    private PlayerViewModel vm;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        vm = new PlayerViewModel(Platform::runLater, NullAudioSink::new, new RecentItems());
        view = PlayerWindow.show(stage, vm, new PlayerView.FilePicker() {
            @Override
            public Optional<Path> pick(Window owner) {
                List<Path> l = picks.poll();
                return l == null ? Optional.empty() : Optional.of(l.get(0));
            }

            @Override
            public List<Path> pickMany(Window owner) {
                List<Path> l = picks.poll();
                return l == null ? List.of() : l;
            }
        });
        vm.events().addListener((javafx.collections.ListChangeListener<NetStatusEvent>) c -> {
            while (c.next()) {
                for (NetStatusEvent e : c.getAddedSubList()) {
                    if (e.code().equals("NetStream.Play.Start")) {
                        started.add(vm.playlist().current());
                    }
                }
            }
        });
        vm.noticeProperty().addListener((o, was, now) -> {
            if (now != null) {
                notices.add(now);
            }
        });
    }

    @AfterEach
    void close() {
        Fx.run(vm::dispose);
    }

    @Test
    void threeClipsPlayInOrderAndNAndPMove(FxRobot robot) throws IOException {
        picks.add(PlaylistMedia.copies(dir, "one.mp4", "two.mp4", "three.mp4"));
        robot.clickOn("#open-file");
        Fx.waitUntil("1/3 in the title", WAIT, () -> title(robot).equals("one.mp4 · 1/3"), this::state);
        assertTrue(robot.lookup("#next").query().isVisible(), "next/previous show for a list of several");
        Fx.waitUntil("the three played by themselves, in order", WAIT,
                () -> started.equals(List.of(0, 1, 2)) && vm.stateProperty().get() == PlayerState.ENDED, this::state);
        assertEquals("three.mp4 · 3/3", title(robot));

        robot.type(KeyCode.P);
        Fx.waitUntil("P plays 2/3", WAIT, () -> started.size() == 4 && title(robot).equals("two.mp4 · 2/3"),
                this::state);
        robot.type(KeyCode.N);
        Fx.waitUntil("N plays 3/3", WAIT, () -> started.size() == 5 && title(robot).equals("three.mp4 · 3/3"),
                this::state);
        robot.clickOn("#previous");
        Fx.waitUntil("the previous button plays 2/3", WAIT, () -> started.size() == 6 && started.get(5) == 1,
                this::state);
        Fx.waitUntil("the end of the list", WAIT, () -> started.size() == 7
                && vm.stateProperty().get() == PlayerState.ENDED, this::state);
        robot.type(KeyCode.N);
        assertEquals(PlayerState.ENDED, Fx.call(() -> vm.stateProperty().get()),
                "N after the last item with loop off: nothing opens");
        assertEquals("three.mp4 · 3/3", title(robot));

        // A single file is a one-item list again: no place in the title, no next/previous.
        picks.add(List.of(PlaylistMedia.clip()));
        robot.clickOn("#open-file");
        Fx.waitUntil("the single file", WAIT, () -> title(robot).equals(PlaylistMedia.clip().getFileName().toString()), this::state);
        assertFalse(robot.lookup("#next").query().isVisible());
        assertEquals(1, Fx.call(() -> vm.playlist().size()));
    }

    @Test
    void aDroppedFolderOpensInNaturalOrderAndTheListShowsIt(FxRobot robot) throws IOException {
        Path folder = Files.createDirectory(dir.resolve("clips"));
        PlaylistMedia.copies(folder, "clip10.mp4", "clip2.mp4", "clip1.mp4");
        Files.writeString(folder.resolve("readme.txt"), "not media");
        Path sub = Files.createDirectory(folder.resolve("more"));
        PlaylistMedia.copies(sub, "clip0.mp4");

        List<String> dropped = PlayerView.droppedAddresses(List.of(folder.toFile()), null);
        assertEquals(List.of("clip1.mp4", "clip2.mp4", "clip10.mp4"),
                dropped.stream().map(a -> Path.of(a).getFileName().toString()).toList());
        Fx.run(() -> vm.openAll(dropped));
        Fx.waitUntil("1/3", WAIT, () -> title(robot).equals("clip1.mp4 · 1/3"), this::state);

        robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
        Fx.waitUntil("the playlist panel", WAIT, () -> robot.lookup("#playlist").tryQuery()
                .map(javafx.scene.Node::isVisible).orElse(false), this::state);
        Fx.waitUntil("the list's three items, 2/3 then 3/3 playing", WAIT, () -> started.equals(List.of(0, 1, 2)),
                this::state);
        assertEquals(List.of("clip1.mp4", "clip2.mp4", "clip10.mp4"),
                Fx.call(() -> vm.playlist().entries().stream().map(Playlist.Entry::title).toList()));

        // Double-click the first row plays it; Delete removes the selected row.
        robot.doubleClickOn(cell(robot, 0));
        Fx.waitUntil("item 1 again", WAIT, () -> started.size() == 4 && started.get(3) == 0, this::state);
        Fx.waitUntil("item 1 marked as playing", WAIT, () -> cellText(robot, 0).equals("▶ 1.  clip1.mp4")
                && cellText(robot, 2).equals("3.  clip10.mp4"), this::state);
        robot.clickOn(cell(robot, 2));
        robot.type(KeyCode.DELETE);
        Fx.waitUntil("two left", WAIT, () -> vm.playlist().size() == 2, this::state);
        assertEquals("clip1.mp4 · 1/2", title(robot));
        robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
        Fx.waitUntil("the panel hidden", WAIT, () -> !view.playlistShownProperty().get(), this::state);
    }

    @Test
    void aMissingFileInTheMiddleIsSkippedWithANotice(FxRobot robot) throws IOException {
        List<Path> clips = PlaylistMedia.copies(dir, "a.mp4", "c.mp4");
        Path missing = dir.resolve("b-missing.mp4");
        picks.add(List.of(clips.get(0), missing, clips.get(1)));
        robot.clickOn("#open-file");
        Fx.waitUntil("c played after a", WAIT, () -> started.equals(List.of(0, 2)), this::state);
        assertTrue(Fx.call(() -> vm.playlist().entries().get(1).failed()), "b is marked failed");
        robot.clickOn("#playlist-toggle");
        Fx.waitUntil("the list says so", WAIT, () -> cellText(robot, 1).equals("2.  b-missing.mp4  (failed)"),
                this::state);
        Notice skipped = notices.stream().filter(n -> n.advice().startsWith("Skipped b-missing.mp4")).findFirst()
                .orElseThrow(() -> new AssertionError("no skip notice in " + notices));
        assertEquals("NetStream.Play.StreamNotFound", skipped.code());
        assertEquals(StatusLevel.WARNING, skipped.level());
        assertTrue(skipped.advice().contains("3/3"), skipped.advice());
        Fx.waitUntil("the end", WAIT, () -> vm.stateProperty().get() == PlayerState.ENDED, this::state);
        assertEquals(List.of(0, 2), List.copyOf(started), "the failed one is not retried at the end");
    }

    @Test
    void anAllFailedListStopsEvenWithLoopAll(FxRobot robot) {
        robot.type(KeyCode.R).type(KeyCode.R);
        assertEquals(LoopMode.ALL, Fx.call(() -> vm.playlists().loopModeProperty().get()));
        Fx.run(() -> vm.openAll(List.of(dir.resolve("x.mp4").toString(), dir.resolve("y.mp4").toString())));
        Fx.waitUntil("both failed", WAIT, () -> vm.playlist().entries().stream().allMatch(Playlist.Entry::failed)
                && vm.stateProperty().get() == PlayerState.FAILED, this::state);
        assertFalse(Fx.call(() -> vm.playlists().skipPending()), "nothing more is scheduled: the list stops");
        long notFound = Fx.call(() -> vm.events().stream()
                .filter(e -> e.code().equals("NetStream.Play.StreamNotFound")).count());
        assertEquals(2, notFound);
        assertEquals(StatusLevel.ERROR, Fx.call(() -> vm.noticeProperty().get().level()),
                "the last failure stays as an error");
    }

    @Test
    void loopOneReplaysFromTheStartOnTheSameStream(FxRobot robot) {
        picks.add(List.of(PlaylistMedia.clip()));
        robot.clickOn("#open-file");
        robot.type(KeyCode.R);
        assertEquals(LoopMode.ONE, Fx.call(() -> vm.playlists().loopModeProperty().get()));
        assertEquals("Loop: this item (R)", robot.lookup("#loop").queryAs(Button.class).getTooltip().getText());
        List<Double> times = new CopyOnWriteArrayList<>();
        Fx.run(() -> vm.timeProperty().addListener((o, was, now) -> times.add(now.doubleValue())));
        Fx.waitUntil("two replays", WAIT, () -> seeksToZero() >= 2, this::state);
        assertEquals(1, Fx.call(() -> count("NetStream.Play.Start")), "replayed by a seek, not a new open");
        double highest = times.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        assertTrue(highest > PlaylistMedia.CLIP_S - 0.5, "played near the end before looping: " + highest);
        assertTrue(times.subList(times.indexOf(highest), times.size()).stream().anyMatch(t -> t < 0.3),
                "the time went back near 0 after the end");
        assertTrue(Fx.call(() -> count("NetStream.Play.Stop")) >= 2);

        robot.type(KeyCode.R).type(KeyCode.R);
        assertEquals(LoopMode.OFF, Fx.call(() -> vm.playlists().loopModeProperty().get()));
        Fx.waitUntil("ends with loop off", WAIT, () -> vm.stateProperty().get() == PlayerState.ENDED, this::state);
    }

    @Test
    void loopAllWrapsTheList(FxRobot robot) throws IOException {
        robot.clickOn("#loop").clickOn("#loop");
        assertEquals(LoopMode.ALL, Fx.call(() -> vm.playlists().loopModeProperty().get()));
        picks.add(PlaylistMedia.copies(dir, "first.mp4", "second.mp4"));
        robot.clickOn("#open-file");
        Fx.waitUntil("first, second, first again", WAIT, () -> started.size() >= 3, this::state);
        assertEquals(List.of(0, 1, 0), List.copyOf(started.subList(0, 3)));
        Fx.waitUntil("1/2 in the title again", WAIT, () -> title(robot).startsWith("first.mp4 · 1/2"), this::state);
    }

    @Test
    void abRepeatJumpsBackToAAtB(FxRobot robot) {
        robot.type(KeyCode.B);
        assertEquals("NetStreamFX.ABRepeat.Unavailable", Fx.call(() -> vm.noticeProperty().get().code()),
                "nothing open: no A–B, and a notice says why");
        picks.add(List.of(org.netstreamfx.app.ui.TestMedia.clip()));
        robot.clickOn("#open-file");
        Fx.waitUntil("playing past 1 s", WAIT, () -> vm.stateProperty().get() == PlayerState.PLAYING
                && vm.timeProperty().get() > 1.0, this::state);
        robot.type(KeyCode.B);
        double a = Fx.call(() -> vm.playlists().abRepeat().a());
        assertFalse(Double.isNaN(a));
        Fx.waitUntil("1.5 s after A", WAIT, () -> vm.timeProperty().get() > a + 1.5, this::state);
        robot.type(KeyCode.B);
        double b = Fx.call(() -> vm.playlists().abRepeat().b());
        assertTrue(b > a + 1.4, "B after A: " + a + ", " + b);
        assertEquals(ABRepeat.text(a, b), robot.lookup("#ab-repeat").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#seek-ab").query().isVisible());
        assertTrue(Fx.call(() -> ((javafx.scene.layout.Region) robot.lookup("#seek-ab").query()).getWidth()) > 2,
                "the range is drawn on the seek bar");

        List<Double> times = new CopyOnWriteArrayList<>();
        Fx.run(() -> vm.timeProperty().addListener((o, was, now) -> times.add(now.doubleValue())));
        long seeksBefore = Fx.call(() -> count("NetStream.Seek.Notify"));
        Fx.waitUntil("three jumps back to A", WAIT, () -> count("NetStream.Seek.Notify") >= seeksBefore + 3,
                this::state);
        List<Double> seen = new ArrayList<>(times);
        double low = seen.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double high = seen.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertTrue(low >= a - 0.3 && high <= b + 0.5,
                "time within [A-0.3, B+0.5] = [" + (a - 0.3) + ", " + (b + 0.5) + "]: " + low + " .. " + high
                        + " in " + seen.stream().map(t -> String.format(java.util.Locale.ROOT, "%.2f", t)).toList()
                        + "; " + state());
        assertTrue(high > b - 0.5, "it played up to B: " + high);

        robot.type(KeyCode.B);
        assertTrue(Double.isNaN(Fx.call(() -> vm.playlists().abRepeat().a())), "the third press clears");
        assertFalse(robot.lookup("#seek-ab").query().isVisible());
        Fx.waitUntil("plays on past B", WAIT, () -> vm.timeProperty().get() > b + 1.0, this::state);

        robot.type(KeyCode.B);
        assertFalse(Double.isNaN(Fx.call(() -> vm.playlists().abRepeat().a())));
        Fx.run(() -> vm.open(org.netstreamfx.app.ui.TestMedia.clip().toString()));
        assertTrue(Double.isNaN(Fx.call(() -> vm.playlists().abRepeat().a())), "a new open clears A–B");
        assertEquals("", robot.lookup("#ab-repeat").queryAs(Label.class).getText());
    }

    private long seeksToZero() {
        return vm.events().stream().filter(e -> e.code().equals("NetStream.Seek.Notify")
                && e.details() instanceof Number n && n.doubleValue() == 0.0).count();
    }

    private long count(String code) {
        return vm.events().stream().filter(e -> e.code().equals(code)).count();
    }

    /** The visible cell showing row {@code row} of the playlist panel. */
    private static javafx.scene.control.ListCell<?> cell(FxRobot robot, int row) {
        return Fx.call(() -> robot.lookup(".playlist-panel .list-cell").queryAllAs(javafx.scene.control.ListCell.class)
                .stream().filter(c -> c.getIndex() == row && c.isVisible() && c.getItem() != null).findFirst()
                .orElseThrow(() -> new AssertionError("no cell for row " + row)));
    }

    private static String cellText(FxRobot robot, int row) {
        return robot.lookup(".playlist-panel .list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .filter(c -> c.getIndex() == row && c.isVisible() && c.getItem() != null)
                .map(javafx.scene.control.ListCell::getText).filter(java.util.Objects::nonNull).findFirst().orElse("");
    }

    private static String title(FxRobot robot) {
        return robot.lookup("#stream-title").queryAs(Label.class).getText();
    }

    private String state() {
        return vm.stateProperty().get() + " title=" + vm.titleProperty().get() + " started=" + started + " time="
                + vm.timeProperty().get() + " events=" + vm.events().stream().map(NetStatusEvent::code).toList();
    }
}
