package org.netstreamfx.app.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableObjectValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.netstreamfx.app.session.SessionEntry;
import org.netstreamfx.app.ui.AppAction.Menu;
import org.netstreamfx.app.ui.player.PlayerState;
import org.netstreamfx.app.ui.player.PlayerView;
import org.netstreamfx.app.ui.player.PlayingTracks;
import org.netstreamfx.app.ui.player.PlayerViewModel;
import org.netstreamfx.app.ui.publisher.PublisherViewModel;
import org.netstreamfx.app.ui.tester.ExportPicker;
import org.netstreamfx.app.ui.tester.FaultInjection;
import org.netstreamfx.app.ui.tester.TesterView;
import org.netstreamfx.app.ui.tester.TesterViewModel;
import org.netstreamfx.player.media.StreamTrack;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.sink.AudioOutput;
import org.netstreamfx.player.sink.AudioOutputs;
import org.netstreamfx.player.util.Redact;

/**
 * The app's action table: every command the menus offer and every key the app reads, one row
 * each, menu by menu in the order the menus show them. The menu bar, the shortcut sheet and the
 * README's shortcut table (checked by a test) are all made from {@link #all()}.
 *
 * <p>Adding an action is one line in the method of its menu, e.g.
 * {@code add(AppAction.item("stats", Menu.VIEW, "Stats overlay", player::toggleStatsOverlay).viewKey(key(KeyCode.I)));}
 * Single keys that PlayerView's key filter reads use {@link AppAction#viewKey}; keys with Ctrl/Cmd
 * that should also work from the other views use {@link AppAction#key} (PlayerView consumes them
 * while it is shown, so they never run twice).
 */
public final class AppActions {
    /**
     * What the actions act on: the window and its views, as {@link AppWindow} builds them.
     *
     * @param testerView    the Tester view, built when first asked for (the actions ask only when run)
     * @param selectedEvent the event selected in the Tester's log, null before the view is built
     */
    public record Parts(MainWindow window, PlayerView player, Supplier<TesterView> testerView,
                        ObservableObjectValue<SessionEntry> selectedEvent, TesterViewModel tester,
                        FaultInjection faults, PublisherViewModel publisher, Runnable showShortcuts,
                        Runnable showAbout) {
    }

    /** F1: the keyboard shortcut sheet. */
    public static final KeyCombination SHORTCUTS_KEY = key(KeyCode.F1);

    private final Parts parts;
    private final PlayerViewModel vm;
    private final List<AppAction> rows = new ArrayList<>();

    public AppActions(Parts parts) {
        this.parts = parts;
        this.vm = parts.player().viewModel();
        file();
        playback();
        view();
        tools();
        help();
    }

    /** Every row, menu by menu, in menu order. */
    public List<AppAction> all() {
        return Collections.unmodifiableList(rows);
    }

    /** The row {@code id}. */
    public AppAction get(String id) {
        return rows.stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No action \"" + id + "\""));
    }

    private void add(AppAction a) {
        if (rows.stream().anyMatch(r -> r.id().equals(a.id()))) {
            throw new IllegalArgumentException("Two actions with the id \"" + a.id() + "\"");
        }
        rows.add(a);
    }

    // The menus (FX thread).

    private void file() {
        PlayerView player = parts.player();
        add(AppAction.item("open-file", Menu.FILE, "Open file…", player::openFile).key(shortcut(KeyCode.O)));
        add(AppAction.item("open-url", Menu.FILE, "Open URL…", player::openUrl).key(shortcut(KeyCode.L)));
        add(AppAction.submenu("recent", Menu.FILE, "Recent", this::recentItems, vm.recent().items())
                .enabledWhen(Bindings.isNotEmpty(vm.recent().items())));
        add(AppAction.item("close", Menu.FILE, "Close", vm::close).key(shortcut(KeyCode.W)).enabledWhen(somethingOpen()));
        BooleanBinding session = parts.tester().emptyProperty().not();
        add(AppAction.item("export-jsonl", Menu.FILE, "Export session as JSON lines…",
                () -> export(ExportPicker.Format.JSON_LINES)).enabledWhen(session).separated());
        add(AppAction.item("export-csv", Menu.FILE, "Export session as CSV…",
                () -> export(ExportPicker.Format.CSV)).enabledWhen(session));
        add(AppAction.item("quit", Menu.FILE, "Quit", parts.window()::quit).key(MainWindow.QUIT).separated());
    }

    private void playback() {
        BooleanBinding open = somethingOpen();
        add(AppAction.item("play-pause", Menu.PLAYBACK, "Play / Pause", vm::togglePause)
                .viewKey(key(KeyCode.SPACE)).enabledWhen(open));
        add(AppAction.item("back", Menu.PLAYBACK, "Back " + seconds(PlayerViewModel.SEEK_STEP),
                () -> vm.seekBy(-PlayerViewModel.SEEK_STEP)).viewKey(key(KeyCode.LEFT)).enabledWhen(open));
        add(AppAction.item("forward", Menu.PLAYBACK, "Forward " + seconds(PlayerViewModel.SEEK_STEP),
                () -> vm.seekBy(PlayerViewModel.SEEK_STEP)).viewKey(key(KeyCode.RIGHT)).enabledWhen(open));
        add(AppAction.item("mute", Menu.PLAYBACK, "Mute", vm::toggleMute).viewKey(key(KeyCode.M))
                .checked(vm.mutedProperty()).enabledWhen(open).separated());
        add(AppAction.item("volume-up", Menu.PLAYBACK, "Volume up", vm::volumeUp).viewKey(key(KeyCode.UP)));
        add(AppAction.item("volume-down", Menu.PLAYBACK, "Volume down", vm::volumeDown).viewKey(key(KeyCode.DOWN)));
        add(AppAction.item("slower", Menu.PLAYBACK, "Slower", vm::slower).viewKey(key(KeyCode.OPEN_BRACKET)).separated());
        add(AppAction.item("faster", Menu.PLAYBACK, "Faster", vm::faster).viewKey(key(KeyCode.CLOSE_BRACKET)));
        add(AppAction.item("normal-speed", Menu.PLAYBACK, "Normal speed", vm::normalSpeed)
                .viewKey(key(KeyCode.BACK_SPACE)));
        add(AppAction.item("frame-forward", Menu.PLAYBACK, "Next frame (pauses)", () -> vm.stepFrames(1))
                .viewKey(key(KeyCode.PERIOD)).enabledWhen(open));
        add(AppAction.item("frame-back", Menu.PLAYBACK, "Previous frame (pauses)", () -> vm.stepFrames(-1))
                .viewKey(key(KeyCode.COMMA)).enabledWhen(open));
        BooleanBinding several = Bindings.size(vm.playlist().entries()).greaterThan(1);
        add(AppAction.item("previous", Menu.PLAYBACK, "Previous item", parts.player()::playPrevious)
                .viewKey(key(KeyCode.P)).enabledWhen(several).separated());
        add(AppAction.item("next", Menu.PLAYBACK, "Next item", parts.player()::playNext)
                .viewKey(key(KeyCode.N)).enabledWhen(several));
        add(AppAction.item("loop", Menu.PLAYBACK, "Loop: off, one, all", parts.player()::cycleLoopMode)
                .viewKey(key(KeyCode.R)));
        add(AppAction.item("ab-repeat", Menu.PLAYBACK, "A–B repeat: set A, set B, clear", parts.player()::cycleABRepeat)
                .viewKey(key(KeyCode.B)).enabledWhen(open));
        add(AppAction.item("go-to-live", Menu.PLAYBACK, "Go to live", parts.player()::goToLive)
                .viewKey(key(KeyCode.L)).enabledWhen(vm.liveProperty()).separated());
        add(AppAction.item("record", Menu.PLAYBACK, "Record what plays", parts.player()::toggleRecording)
                .key(shortcut(KeyCode.R)).checked(vm.recording().recordingProperty()).enabledWhen(open));
        add(AppAction.submenu("sound-output", Menu.PLAYBACK, "Sound output", this::soundOutputs,
                vm.audioDeviceProperty()));
        PlayingTracks tracks = vm.figures().tracks();
        add(AppAction.submenu("tracks", Menu.PLAYBACK, "Tracks", this::trackItems, tracks.listedProperty(),
                tracks.playingProperty(TrackKind.VIDEO), tracks.playingProperty(TrackKind.AUDIO))
                .enabledWhen(Bindings.createBooleanBinding(tracks::choice, tracks.listedProperty())));
    }

    private void view() {
        MainWindow window = parts.window();
        List<String> ids = window.viewIds();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            AppAction a = AppAction.item("view-" + id, Menu.VIEW, window.title(id), () -> window.select(id))
                    .radio(window.selectedProperty().isEqualTo(id));
            add(i < 9 ? a.key(shortcut(KeyCode.getKeyCode(Integer.toString(i + 1)))) : a);
        }
        PlayerView player = parts.player();
        add(AppAction.item("full-screen", Menu.VIEW, "Full screen", player::toggleFullScreen)
                .viewKey(key(KeyCode.F)).checked(player.chrome().fullScreenProperty()).separated());
        add(AppAction.keyOnly("leave-full-screen", Menu.VIEW, "Leave full screen", key(KeyCode.ESCAPE)));
        add(AppAction.gesture("full-screen-click", Menu.VIEW, "Full screen on or off", "Double-click the picture"));
        add(AppAction.item("playlist", Menu.VIEW, "Playlist", player::togglePlaylist)
                .viewKey(shortcut(KeyCode.P)).checked(player.playlistShownProperty()));
        add(AppAction.item("stats-overlay", Menu.VIEW, "Stats overlay", player::toggleStatsOverlay)
                .viewKey(key(KeyCode.I)).checked(player.statsOverlay().visibleProperty()));
        add(AppAction.item("smooth-scaling", Menu.VIEW, "Smooth scaling",
                () -> player.video().smoothingProperty().set(!player.video().smoothingProperty().get()))
                .checked(player.video().smoothingProperty()));
    }

    private void tools() {
        MainWindow window = parts.window();
        FaultInjection faults = parts.faults();
        add(AppAction.item("snapshot", Menu.TOOLS, "Snapshot (PNG at the video's size)", parts.player()::takeSnapshot)
                .viewKey(key(KeyCode.S)).enabledWhen(parts.player().video().frameProperty().isNotNull()));
        add(AppAction.item("media-info", Menu.TOOLS, "Media information…", parts.player()::showMediaInfo)
                .key(shortcut(KeyCode.I)).enabledWhen(somethingOpen()));
        // Enabled by a selection in the log, so never before the Tester view is built: binding to
        // its log here would build it with the window.
        add(AppAction.item("copy-event", Menu.TOOLS, "Copy event", () -> parts.testerView().get().copySelectedEvent())
                .separated().viewKey(shortcut(KeyCode.C)).enabledWhen(Bindings.isNotNull(parts.selectedEvent())));
        add(AppAction.item("fault-proxy", Menu.TOOLS, "Play through fault proxy", () -> {
            window.select("tester");
            if (faults.activeProperty().get()) {
                faults.stop();
            } else {
                faults.start();
            }
        }).checked(faults.activeProperty()).enabledWhen(somethingOpen()).separated());
        add(AppAction.item("fault-drop", Menu.TOOLS, "Drop connections now", faults::dropNow)
                .enabledWhen(faults.activeProperty()));
        PublisherViewModel publisher = parts.publisher();
        if (publisher != null) {
            BooleanBinding busy = Bindings.createBooleanBinding(() -> publisher.stateProperty().get().busy(),
                    publisher.stateProperty());
            add(AppAction.item("go-live", Menu.TOOLS, "Go live", () -> {
                window.select("publisher");
                publisher.goLive();
            }).enabledWhen(busy.not()).separated());
            add(AppAction.item("stop-publishing", Menu.TOOLS, "Stop publishing", publisher::stop).enabledWhen(busy));
            add(AppAction.item("preview", Menu.TOOLS, "Preview camera and microphone",
                    () -> publisher.setPreviewing(!publisher.previewingProperty().get()))
                    .checked(publisher.previewingProperty()));
        }
        if (window.viewIds().contains("settings")) {
            add(AppAction.item("settings", Menu.TOOLS, "Settings", () -> window.select("settings")).separated());
        }
    }

    private void help() {
        add(AppAction.item("shortcuts", Menu.HELP, "Keyboard shortcuts", parts.showShortcuts()).key(SHORTCUTS_KEY));
        add(AppAction.gesture("shortcuts-question", Menu.HELP, "Keyboard shortcuts, while no text field is edited",
                "?"));
        add(AppAction.item("about", Menu.HELP, "About NetStreamFX", parts.showAbout()));
    }

    // Submenus, made each time they open.

    private List<AppAction> recentItems() {
        List<AppAction> items = new ArrayList<>();
        int n = 0;
        for (String address : vm.recent().items()) {
            // Shown masked (a password, tokens, ?key=), as the Recent button shows it; opened whole.
            items.add(AppAction.item("recent-" + n++, Menu.FILE, Redact.url(address), () -> vm.open(address)));
        }
        items.add(AppAction.item("recent-clear", Menu.FILE, "Clear recent items", () -> vm.recent().clear())
                .separated());
        return items;
    }

    private List<AppAction> soundOutputs() {
        List<AppAction> items = new ArrayList<>();
        for (AudioOutput o : AudioOutputs.list()) {
            items.add(AppAction.item("audio-output-" + o.id(), Menu.PLAYBACK, o.name(), () -> vm.setAudioDevice(o.id()))
                    .radio(constant(o.id().equals(vm.audioDeviceProperty().get()))));
        }
        return items;
    }

    /** One radio item per track of an Enhanced RTMP multitrack stream; choosing one switches to it. */
    private List<AppAction> trackItems() {
        PlayingTracks tracks = vm.figures().tracks();
        List<AppAction> items = new ArrayList<>();
        TrackKind last = null;
        for (StreamTrack t : tracks.listedProperty().get()) {
            AppAction a = AppAction.item("track-" + t.kind().name().toLowerCase(java.util.Locale.ROOT) + "-" + t.id(),
                    Menu.PLAYBACK, PlayingTracks.name(t), () -> tracks.select(vm.streamProperty().get(), t))
                    .radio(constant(t.id() == tracks.playingProperty(t.kind()).get()));
            items.add(last != null && last != t.kind() ? a.separated() : a);
            last = t.kind();
        }
        return items;
    }

    private void export(ExportPicker.Format format) {
        // The status line saying where it went is the Tester's.
        parts.window().select("tester");
        parts.testerView().get().exportSession(format);
    }

    private BooleanBinding somethingOpen() {
        return Bindings.createBooleanBinding(() -> vm.stateProperty().get() != PlayerState.IDLE, vm.stateProperty());
    }

    private static String seconds(double s) {
        return (s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s)) + " s";
    }

    static KeyCombination key(KeyCode code) {
        return new KeyCodeCombination(code);
    }

    static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    /** A value that does not change (for a radio item made each time its submenu opens). */
    static ObservableValue<Boolean> constant(boolean b) {
        return new ReadOnlyBooleanWrapper(b);
    }
}
