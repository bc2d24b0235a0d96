package org.netstreamfx.app.ui.player;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
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
 * Esc leave full screen, M mute, Ctrl+O open a file, Ctrl+L open a URL, Ctrl+W close what plays
 * (Cmd on macOS). They are read by a scene-level filter, so they work whatever control has focus,
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
    }

    private final PlayerViewModel vm;
    private final FilePicker filePicker;
    private final Video video = new Video();
    private final NotificationPane notifications;
    private final EditingTracker editing = new EditingTracker();
    private final FullScreenChrome chrome = new FullScreenChrome();
    private StackPane picture;
    /** The key just acted on as a shortcut: its KEY_TYPED must not reach a focused text field. */
    private boolean swallowTyped;
    private final javafx.event.EventHandler<KeyEvent> keyPressed = this::onKey;
    private final javafx.event.EventHandler<KeyEvent> keyTyped = this::onKeyTyped;
    private final javafx.event.EventHandler<MouseEvent> mouseMoved = this::onMouseMoved;

    public PlayerView(PlayerViewModel vm, FilePicker filePicker) {
        this.vm = vm;
        this.filePicker = filePicker;
        getStyleClass().add("player-view");
        vm.streamProperty().addListener((o, was, now) -> video.attachNetStream(now));
        video.attachNetStream(vm.streamProperty().get());
        vm.countReplacedFrames(video.framesDroppedProperty());

        notifications = NoticeBar.around(pictureArea(), vm.noticeProperty(), vm::dismissNotice);
        BorderPane content = new BorderPane();
        HBox top = toolBar();
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

    /** Asks for a file (Ctrl+O) and plays it. */
    public void openFile() {
        filePicker.pick(getScene() == null ? null : getScene().getWindow()).ifPresent(p -> vm.open(p.toString()));
    }

    /** Asks for a URL (Ctrl+L), without blocking, and plays it. */
    public void openUrl() {
        MediaAddress current = vm.addressProperty().get();
        String initial = current != null && current.kind() != MediaAddress.Kind.FILE ? current.address() : "";
        new OpenUrlDialog(getScene() == null ? null : getScene().getWindow(), initial, vm::open).show();
    }

    /** Full screen on or off for the window showing this view. */
    public void toggleFullScreen() {
        if (getScene() != null && getScene().getWindow() instanceof Stage stage) {
            setFullScreen(!stage.isFullScreen());
        }
    }

    private void setFullScreen(boolean on) {
        if (getScene() != null && getScene().getWindow() instanceof Stage stage) {
            stage.setFullScreenExitHint("Press F or Esc to leave full screen");
            stage.setFullScreen(on);
        }
    }

    /** A FileChooser limited to the types the engine plays, starting where the last file was. */
    public static FilePicker fileChooser() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a video");
        List<String> patterns = MediaAddress.FILE_EXTENSIONS.stream().map(e -> "*." + e).toList();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                "FLV and MP4 video (" + String.join(" ", patterns) + ")", patterns));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        return owner -> {
            File f = chooser.showOpenDialog(owner);
            if (f == null) {
                return Optional.empty();
            }
            chooser.setInitialDirectory(f.getParentFile());
            return Optional.of(f.toPath());
        };
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

    private HBox toolBar() {
        Button openFile = TransportBar.iconButton(Icons.FOLDER, "Open a file (Ctrl+O)");
        openFile.setId("open-file");
        openFile.setText("Open");
        openFile.setOnAction(e -> openFile());
        Button openUrl = TransportBar.iconButton(Icons.LINK, "Open a URL (Ctrl+L)");
        openUrl.setId("open-url");
        openUrl.setText("URL");
        openUrl.setOnAction(e -> openUrl());
        MenuButton recent = recentMenu();

        Label title = new Label();
        title.setId("stream-title");
        title.getStyleClass().add("stream-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.titleProperty().get().isEmpty()
                ? "No stream" : vm.titleProperty().get(), vm.titleProperty()));
        Label state = new Label();
        state.setId("player-state");
        state.getStyleClass().add("state-chip");
        state.textProperty().bind(Bindings.createStringBinding(() -> vm.stateProperty().get().name(),
                vm.stateProperty()));
        vm.stateProperty().addListener((o, was, now) -> {
            state.pseudoClassStateChanged(PseudoClass.getPseudoClass(was.name().toLowerCase()), false);
            state.pseudoClassStateChanged(PseudoClass.getPseudoClass(now.name().toLowerCase()), true);
        });
        HBox name = new HBox(10, title, state);
        name.setAlignment(Pos.CENTER);
        Region left = new Region();
        Region right = new Region();
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);

        ToggleButton smooth = new ToggleButton();
        smooth.setId("smoothing");
        smooth.setGraphic(Icons.SMOOTH.node(18));
        smooth.getStyleClass().add("icon-button");
        smooth.setTooltip(new Tooltip("Smooth scaling (off: sharp pixels)"));
        smooth.setFocusTraversable(false);
        smooth.selectedProperty().bindBidirectional(video.smoothingProperty());
        Button fullScreen = TransportBar.iconButton(Icons.FULL_SCREEN, "Full screen (F)");
        fullScreen.setId("full-screen");
        fullScreen.setOnAction(e -> toggleFullScreen());

        // The buttons keep their size; the title gives way (issue 12, defect 4).
        for (Region r : List.of(openFile, openUrl, recent, state, smooth, fullScreen)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(8, openFile, openUrl, recent, left, name, right, smooth, fullScreen);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("tool-bar-row");
        return bar;
    }

    private MenuButton recentMenu() {
        MenuButton recent = new MenuButton("Recent");
        recent.setId("recent");
        recent.setGraphic(Icons.HISTORY.node(16));
        recent.setFocusTraversable(false);
        Runnable rebuild = () -> {
            recent.getItems().clear();
            for (String address : vm.recent().items()) {
                // The menu shows the address masked (a password, tokens, ?key=); opening uses it whole.
                MenuItem item = new MenuItem(org.netstreamfx.player.util.Redact.url(address));
                item.setMnemonicParsing(false);
                item.setOnAction(e -> vm.open(address));
                recent.getItems().add(item);
            }
            MenuItem clear = new MenuItem("Clear recent items");
            clear.setOnAction(e -> vm.recent().clear());
            recent.getItems().addAll(new SeparatorMenuItem(), clear);
            recent.setDisable(vm.recent().items().isEmpty());
        };
        vm.recent().items().addListener((javafx.collections.ListChangeListener<String>) c -> rebuild.run());
        rebuild.run();
        return recent;
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
        StackPane area = new StackPane(video, placeholder, new AudioOnlyPane(vm));
        area.setId("picture");
        area.getStyleClass().add("picture-area");
        picture = area;
        area.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> area.requestFocus());
        area.setOnDragOver(e -> {
            Dragboard db = e.getDragboard();
            if (droppedAddress(db.getFiles(), db.getString()).isPresent()) {
                e.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
            }
            e.consume();
        });
        area.setOnDragDropped(e -> {
            Optional<String> address = droppedAddress(e.getDragboard().getFiles(), e.getDragboard().getString());
            address.ifPresent(vm::open);
            e.setDropCompleted(address.isPresent());
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

    private void onKey(KeyEvent e) {
        if (!isVisible() || getScene() == null) {
            return;
        }
        swallowTyped = false;
        boolean typing = editing.editing();
        KeyCode k = e.getCode();
        if (e.isShortcutDown()) {
            if (k == KeyCode.O) {
                openFile();
                e.consume();
            } else if (k == KeyCode.L) {
                openUrl();
                e.consume();
            } else if (k == KeyCode.W) {
                vm.close();
                e.consume();
            }
            return;
        }
        if (k == KeyCode.ESCAPE && chrome.fullScreenProperty().get()) {
            setFullScreen(false);
            e.consume();
            return;
        }
        if (typing || e.isAltDown()) {
            return;
        }
        switch (k) {
            case SPACE -> vm.togglePause();
            case LEFT -> vm.seekBy(-PlayerViewModel.SEEK_STEP);
            case RIGHT -> vm.seekBy(PlayerViewModel.SEEK_STEP);
            case F -> toggleFullScreen();
            case M -> vm.toggleMute();
            default -> {
                return;
            }
        }
        swallowTyped = true;
        e.consume();
    }

    private void onKeyTyped(KeyEvent e) {
        if (swallowTyped) {
            swallowTyped = false;
            e.consume();
        }
    }

    private void onMouseMoved(MouseEvent e) {
        if (isVisible()) {
            chrome.mouseMoved();
        }
    }
}
