package org.netstreamfx.app.ui.player;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.netstreamfx.app.ui.Icons;
import org.netstreamfx.app.ui.video.Video;

/**
 * The player's tool bar: open file, open URL, recent items, the stream's name and state, the
 * Record toggle, snapshot, the playlist toggle, smoothing and full screen. Part of a
 * {@link PlayerView}, whose commands its buttons run; built and used on the FX thread.
 */
final class PlayerToolBar extends HBox {
    private final PlayerViewModel vm;

    PlayerToolBar(PlayerView view, PlayerViewModel vm, Video video, BooleanProperty playlistShown) {
        super(8);
        this.vm = vm;
        Button openFile = TransportBar.iconButton(Icons.FOLDER, "Open a file (Ctrl+O)");
        openFile.setId("open-file");
        openFile.setText("Open");
        openFile.setOnAction(e -> view.openFile());
        Button openUrl = TransportBar.iconButton(Icons.LINK, "Open a URL (Ctrl+L)");
        openUrl.setId("open-url");
        openUrl.setText("URL");
        openUrl.setOnAction(e -> view.openUrl());
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
        fullScreen.setOnAction(e -> view.toggleFullScreen());

        Button snapshot = TransportBar.iconButton(Icons.CAMERA, "Save the picture as a PNG at the video's size (S)");
        snapshot.setId("snapshot");
        snapshot.setOnAction(e -> view.takeSnapshot());
        snapshot.disableProperty().bind(video.frameProperty().isNull());
        ToggleButton list = new ToggleButton();
        list.setId("playlist-toggle");
        list.setGraphic(Icons.LIST.node(18));
        list.getStyleClass().add("icon-button");
        list.setTooltip(new Tooltip("Show the playlist (Ctrl+P)"));
        list.setFocusTraversable(false);
        list.selectedProperty().bindBidirectional(playlistShown);

        javafx.scene.Node rec = recordIndicator(view);
        // The buttons keep their size; the title gives way (issue 12, defect 4).
        for (Region r : List.of(openFile, openUrl, recent, state, snapshot, list, smooth, fullScreen)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        if (rec instanceof Region r) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        getChildren().addAll(openFile, openUrl, recent, left, name, right, rec, snapshot, list, smooth, fullScreen);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("tool-bar-row");
    }

    /**
     * The Record toggle: "● Record" (disabled while nothing plays), and a red "● REC 0:12" while
     * recording what plays; a click, or Ctrl+R, starts or stops it.
     */
    private Button recordIndicator(PlayerView view) {
        PlayerRecording r = vm.recording();
        Button rec = new Button();
        rec.setId("rec-indicator");
        rec.getStyleClass().add("rec-indicator");
        rec.setFocusTraversable(false);
        rec.setTooltip(new Tooltip("Record what plays, or stop recording (Ctrl+R)"));
        rec.textProperty().bind(Bindings.createStringBinding(() -> r.recordingProperty().get()
                ? "\u25CF REC " + TimeFormat.of(r.secondsProperty().get()) : "\u25CF Record",
                r.recordingProperty(), r.secondsProperty()));
        rec.styleProperty().bind(Bindings.when(r.recordingProperty())
                .then("-fx-text-fill: #ff4d4d; -fx-font-weight: bold;").otherwise(""));
        rec.disableProperty().bind(r.recordingProperty().not().and(vm.streamProperty().isNull()
                .or(vm.stateProperty().isEqualTo(PlayerState.IDLE))
                .or(vm.stateProperty().isEqualTo(PlayerState.ENDED))
                .or(vm.stateProperty().isEqualTo(PlayerState.FAILED))));
        rec.setOnAction(e -> view.toggleRecording());
        return rec;
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
}
