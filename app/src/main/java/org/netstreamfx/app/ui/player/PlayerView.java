package org.netstreamfx.app.ui.player;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.NotificationPane;
import org.netstreamfx.app.ui.Icons;
import org.netstreamfx.app.ui.video.Video;

/**
 * The player: a tool bar (open file, open URL, recent items, the stream's name and state,
 * smoothing, full screen), the picture, and the transport bar. Warnings and errors slide down
 * over the top of the picture as a notification bar; files and URLs can be dropped on it.
 *
 * <p>Keys while this view is shown: Space play/pause, ←/→ 5 s back/forward, F full screen,
 * Esc leave full screen, M mute, ↑/↓ volume, I stats overlay, L go to live (live streams), Ctrl+O open
 * a file, Ctrl+L open a URL, Ctrl+W close what plays, Ctrl+I media information, Ctrl+R record
 * what plays (Cmd on macOS); N/P next/previous item, R loop mode, B A–B repeat, S snapshot, Ctrl+P
 * the playlist, [ ] slower/faster, Backspace normal speed, . , one frame forward/back. They are read by a scene-level filter, so they work whatever control has focus,
 * except while the user edits a text field on purpose (see {@link EditingTracker}). Clicking the
 * picture takes focus; double-clicking it toggles full screen.
 *
 * <p>In full screen the tool bar, the transport and the window's navigation rail hide when the
 * mouse is still (see {@link FullScreenChrome}) and come back when it moves.
 */
public final class PlayerView extends StackPane {

    /** Chooses a file to play (the app shows a FileChooser; tests answer directly). */
    @FunctionalInterface
    public interface FilePicker {
        Optional<Path> pick(Window owner);

        /** Chooses one or more files (a playlist); by default the one {@link #pick} chooses. */
        default List<Path> pickMany(Window owner) {
            return pick(owner).map(List::of).orElse(List.of());
        }
    }

    private final PlayerViewModel vm;
    private final FilePicker filePicker;
    private FilePicker certificatePicker = owner -> certificateChooser().pick(owner);
    private final Video video;
    private final NotificationPane notifications;
    private final EditingTracker editing = new EditingTracker();
    private final FullScreenChrome chrome = new FullScreenChrome();
    private StackPane picture;
    private StatsOverlay stats;
    private MediaInfoWindow mediaInfo;
    private final PlayerKeys keys;
    private final javafx.event.EventHandler<KeyEvent> keyPressed;
    private final javafx.event.EventHandler<KeyEvent> keyTyped;
    private final javafx.event.EventHandler<MouseEvent> mouseMoved = this::onMouseMoved;

    public PlayerView(PlayerViewModel vm, FilePicker filePicker) {
        this(vm, filePicker, new Video());
    }

    /**
     * A view that shows its pictures on {@code video}, a node made before it (the window shows
     * the first picture on it before the views are built; it is moved here).
     */
    public PlayerView(PlayerViewModel vm, FilePicker filePicker, Video video) {
        this.vm = vm;
        this.filePicker = filePicker;
        this.video = video;
        keys = new PlayerKeys(this, vm, editing);
        keyPressed = keys::onKey;
        keyTyped = keys::onKeyTyped;
        getStyleClass().add("player-view");
        vm.streamProperty().addListener((o, was, now) -> video.attachNetStream(now));
        video.attachNetStream(vm.streamProperty().get());
        vm.countReplacedFrames(video.framesDroppedProperty());

        notifications = NoticeBar.around(pictureArea(), vm.noticeProperty(), vm::dismissNotice);
        BorderPane content = new BorderPane();
        playlistPanel = new PlaylistPanel(vm);
        playlistPanel.visibleProperty().bind(playlistShown.and(chrome.hiddenProperty().not()));
        playlistPanel.managedProperty().bind(playlistPanel.visibleProperty());
        content.setRight(playlistPanel);
        HBox top = new PlayerToolBar(this, vm, video, playlistShown);
        TransportBar transport = new TransportBar(vm, video, this::focusPicture);
        for (Region r : List.of(top, transport)) {
            r.visibleProperty().bind(chrome.hiddenProperty().not());
            r.managedProperty().bind(chrome.hiddenProperty().not());
        }
        chrome.holdWhile(top.hoverProperty().or(transport.hoverProperty()));
        content.setTop(top);
        content.setCenter(notifications);
        content.setBottom(transport);
        getChildren().add(content);
        cursorProperty().bind(Bindings.when(chrome.hiddenProperty()).then(Cursor.NONE).otherwise((Cursor) null));
        chrome.fullScreenProperty().bind(sceneProperty().flatMap(Scene::windowProperty)
                .flatMap(w -> w instanceof Stage st ? st.fullScreenProperty() : null).orElse(false));
        sceneProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.removeEventFilter(KeyEvent.KEY_PRESSED, keyPressed);
                was.removeEventFilter(KeyEvent.KEY_TYPED, keyTyped);
                was.removeEventFilter(MouseEvent.MOUSE_MOVED, mouseMoved);
                was.removeEventFilter(MouseEvent.MOUSE_DRAGGED, mouseMoved);
            }
            editing.attach(now);
            if (now != null) {
                now.addEventFilter(KeyEvent.KEY_PRESSED, keyPressed);
                now.addEventFilter(KeyEvent.KEY_TYPED, keyTyped);
                now.addEventFilter(MouseEvent.MOUSE_MOVED, mouseMoved);
                now.addEventFilter(MouseEvent.MOUSE_DRAGGED, mouseMoved);
            }
        });
    }

    /** Whether the controls are hidden in full screen (the main window hides its rail with them). */
    public FullScreenChrome chrome() {
        return chrome;
    }

    /** Gives the keyboard focus to the picture (no text field then takes the keys). */
    public void focusPicture() {
        if (picture != null && picture.getScene() != null) {
            picture.requestFocus();
        }
    }

    /** The Video node showing the stream. */
    public Video video() {
        return video;
    }

    public PlayerViewModel viewModel() {
        return vm;
    }

    /** The notification bar (for tests and for the window's own messages). */
    public NotificationPane notifications() {
        return notifications;
    }

    /** Asks for one or more files (Ctrl+O) and plays them as a playlist. */
    public void openFile() {
        List<Path> chosen = filePicker.pickMany(getScene() == null ? null : getScene().getWindow());
        if (!chosen.isEmpty()) {
            vm.openAll(chosen.stream().map(Path::toString).toList());
        }
    }

    /**
     * Asks for a URL (Ctrl+L), without blocking, and plays it; an rtmp(s) URL with the options the
     * dialog shows (those in use or remembered for it, else the defaults).
     */
    public void openUrl() {
        MediaAddress current = vm.addressProperty().get();
        String initial = current != null && current.kind() != MediaAddress.Kind.FILE ? current.address() : "";
        java.util.function.Function<String, Optional<UrlOptions>> remembered = url -> {
            MediaAddress now = vm.addressProperty().get();
            UrlOptions inUse = vm.urlOptionsProperty().get();
            return now != null && inUse != null && UrlOptions.key(url).equals(UrlOptions.key(now.address()))
                    ? Optional.of(inUse) : vm.rememberedOptions(url);
        };
        new OpenUrlDialog(getScene() == null ? null : getScene().getWindow(), initial, remembered,
                () -> UrlOptions.defaults(vm.playerBufferTime(), vm.playerBufferTimeMax()), certificatePicker, vm::open).show();
    }

    /** Starts or stops recording what plays (Ctrl+R); see {@link PlayerViewModel#toggleRecording()}. */
    public void toggleRecording() {
        vm.toggleRecording();
    }

    /** How the Open URL dialog asks for a certificate to trust (tests answer directly). */
    public void setCertificatePicker(FilePicker picker) {
        certificatePicker = picker;
    }

    /** A FileChooser for a certificate file, PEM or DER. */
    public static FilePicker certificateChooser() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Trust this server certificate");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Certificates (PEM or DER)",
                "*.pem", "*.crt", "*.cer", "*.der"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        return owner -> Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
    }

    /** Whether the user is editing a text field on purpose now (the single-key shortcuts are typed into it then). */
    public boolean editingText() {
        return editing.editing();
    }

    /** Full screen on or off for the window showing this view. */
    public void toggleFullScreen() {
        if (getScene() != null && getScene().getWindow() instanceof Stage stage) {
            setFullScreen(!stage.isFullScreen());
        }
    }

    void setFullScreen(boolean on) {
        if (getScene() != null && getScene().getWindow() instanceof Stage stage) {
            stage.setFullScreenExitHint("Press F or Esc to leave full screen");
            stage.setFullScreen(on);
        }
    }

    /** Shows or hides the stats overlay on the picture (I); it stays as it is across streams. */
    public void toggleStatsOverlay() {
        stats.toggle();
    }

    /** The stats overlay ("stats for nerds") on the picture. */
    public StatsOverlay statsOverlay() {
        return stats;
    }

    /** Opens the Media information window (Ctrl+I), or brings it to the front; it is not modal. */
    public void showMediaInfo() {
        if (mediaInfo == null) {
            mediaInfo = new MediaInfoWindow(vm);
        }
        mediaInfo.show(getScene() == null ? null : getScene().getWindow());
    }

    /** Goes to the newest data of the live stream playing (L); nothing for a recorded stream. */
    public void goToLive() {
        vm.goToLive();
    }

    /** A FileChooser limited to the types the engine plays, starting where the last file was. */
    public static FilePicker fileChooser() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a video");
        List<String> patterns = MediaAddress.FILE_EXTENSIONS.stream().map(e -> "*." + e).toList();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                "FLV and MP4 video (" + String.join(" ", patterns) + ")", patterns));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        return new FilePicker() {
            @Override
            public Optional<Path> pick(Window owner) {
                File f = chooser.showOpenDialog(owner);
                if (f == null) {
                    return Optional.empty();
                }
                chooser.setInitialDirectory(f.getParentFile());
                return Optional.of(f.toPath());
            }

            @Override
            public List<Path> pickMany(Window owner) {
                List<File> files = chooser.showOpenMultipleDialog(owner);
                if (files == null || files.isEmpty()) {
                    return List.of();
                }
                chooser.setInitialDirectory(files.get(0).getParentFile());
                return files.stream().limit(Playlist.MAX_ENTRIES).map(File::toPath).toList();
            }
        };
    }

    /**
     * What a drop carries that the player can open, as a playlist: its supported files and the
     * supported files of its folders (see {@link Playlist#expand}), else a URL, else nothing.
     */
    static List<String> droppedAddresses(List<File> files, String text) {
        if (files != null && !files.isEmpty()) {
            List<String> found = Playlist.expand(files.stream().map(File::toPath).toList()).files().stream()
                    .map(Path::toString).toList();
            if (!found.isEmpty()) {
                return found;
            }
        }
        if (text != null && MediaAddress.urlProblem(text.strip()).isEmpty()) {
            return List.of(text.strip());
        }
        return List.of();
    }

    /** Whether a drag may carry something to play (cheap: folders are not read until the drop). */
    private static boolean mayOpen(List<File> files, String text) {
        if (files != null && files.stream().anyMatch(f -> f.isDirectory()
                || (f.isFile() && MediaAddress.isSupportedFile(f.toPath())))) {
            return true;
        }
        return text != null && MediaAddress.urlProblem(text.strip()).isEmpty();
    }

    // playlist (issue 12): the list panel, next/previous, loop, A–B repeat, snapshots.

    private final javafx.beans.property.BooleanProperty playlistShown =
            new javafx.beans.property.SimpleBooleanProperty(this, "playlistShown");
    private PlaylistPanel playlistPanel;
    private final SnapshotWriter snapshots = new SnapshotWriter(SnapshotWriter.defaultFolder());

    /** Shows or hides the playlist beside the picture (Ctrl+P). */
    public void togglePlaylist() {
        playlistShown.set(!playlistShown.get());
    }

    /** Whether the playlist panel is shown. */
    public javafx.beans.property.ReadOnlyBooleanProperty playlistShownProperty() {
        return playlistShown;
    }

    /** Plays the next item (N). */
    public void playNext() {
        vm.playNext();
    }

    /** Plays the previous item (P). */
    public void playPrevious() {
        vm.playPrevious();
    }

    /** Loop off → one → all (R). */
    public void cycleLoopMode() {
        vm.cycleLoopMode();
    }

    /** A–B repeat: set A, set B, clear (B). */
    public void cycleABRepeat() {
        vm.cycleABRepeat();
    }

    /** Where snapshots are saved (its folder can be changed, e.g. by tests). */
    public SnapshotWriter snapshots() {
        return snapshots;
    }

    /**
     * Saves the picture on screen as a PNG at the video's own size (S); the notice bar says where,
     * or why not. Completes with the file written.
     */
    public java.util.concurrent.CompletableFuture<Path> takeSnapshot() {
        javafx.scene.image.Image image = video.frameProperty().get();
        MediaAddress a = vm.addressProperty().get();
        if (image == null || a == null) {
            vm.postNotice(new Notice("NetStreamFX.Snapshot.Failed", org.netstreamfx.player.net.StatusLevel.WARNING,
                    "No picture on screen to save.", "Play a video, then press S."));
            return java.util.concurrent.CompletableFuture.failedFuture(
                    new java.io.IOException("No picture on screen to save."));
        }
        java.util.concurrent.CompletableFuture<Path> saved = snapshots.save(image, a.displayName(),
                vm.timeProperty().get());
        saved.whenComplete((path, failure) -> javafx.application.Platform.runLater(() -> {
            if (failure == null) {
                vm.postNotice(new Notice("NetStreamFX.Snapshot.Saved", org.netstreamfx.player.net.StatusLevel.STATUS,
                        "Snapshot saved: " + path, (int) image.getWidth() + "×" + (int) image.getHeight()
                        + ", the video's own size."));
            } else {
                Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                vm.postNotice(new Notice("NetStreamFX.Snapshot.Failed", org.netstreamfx.player.net.StatusLevel.ERROR,
                        "The snapshot could not be written to " + snapshots.folder() + ": " + cause.getMessage(),
                        "Check that the folder exists and can be written to, or free some disk space."));
            }
        }));
        return saved;
    }

    /** What a drop carries that the player can open: a supported file, else a URL, else nothing. */
    static Optional<String> droppedAddress(List<File> files, String text) {
        if (files != null) {
            for (File f : files) {
                if (f.isFile() && MediaAddress.isSupportedFile(f.toPath())) {
                    return Optional.of(f.getPath());
                }
            }
        }
        if (text != null && MediaAddress.urlProblem(text.strip()).isEmpty()) {
            return Optional.of(text.strip());
        }
        return Optional.empty();
    }

    private StackPane pictureArea() {
        Label line1 = new Label("Open a file or a URL");
        line1.getStyleClass().add("placeholder-title");
        Label line2 = new Label("Ctrl+O  ·  Ctrl+L  ·  or drop a file here");
        line2.getStyleClass().add("caption");
        VBox placeholder = new VBox(10, Icons.PLAYER.node(48), line1, line2);
        placeholder.setAlignment(Pos.CENTER);
        placeholder.setMouseTransparent(true);
        placeholder.visibleProperty().bind(video.frameProperty().isNull()
                .and(vm.stateProperty().isNotEqualTo(PlayerState.OPENING))
                .and(vm.stateProperty().isNotEqualTo(PlayerState.BUFFERING)).and(vm.audioOnlyProperty().not()));
        stats = new StatsOverlay(vm, video);
        javafx.scene.control.Label abRange = TransportBar.abLabel(vm);
        abRange.setMouseTransparent(true);
        StackPane.setAlignment(abRange, Pos.TOP_RIGHT);
        StackPane.setMargin(abRange, new javafx.geometry.Insets(8));
        StackPane area = new StackPane(video, placeholder, new AudioOnlyPane(vm), new BufferingOverlay(vm),
                abRange, stats);
        area.setId("picture");
        area.getStyleClass().add("picture-area");
        picture = area;
        area.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> area.requestFocus());
        area.setOnDragOver(e -> {
            Dragboard db = e.getDragboard();
            if (mayOpen(db.getFiles(), db.getString())) {
                e.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
            }
            e.consume();
        });
        area.setOnDragDropped(e -> {
            List<String> addresses = droppedAddresses(e.getDragboard().getFiles(), e.getDragboard().getString());
            if (!addresses.isEmpty()) {
                vm.openAll(addresses);
            }
            e.setDropCompleted(!addresses.isEmpty());
            e.consume();
        });
        area.setOnMouseClicked(e -> {
            // Every second click of a run: a quick double-click after one that entered full screen
            // counts as clicks 3 and 4, and must leave it.
            if (e.getClickCount() % 2 == 0 && e.getButton() == MouseButton.PRIMARY) {
                toggleFullScreen();
            }
        });
        return area;
    }

    private void onMouseMoved(MouseEvent e) {
        if (isVisible()) {
            chrome.mouseMoved();
        }
    }
}
