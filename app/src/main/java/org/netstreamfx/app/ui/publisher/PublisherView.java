package org.netstreamfx.app.ui.publisher;

import org.netstreamfx.app.ui.publisher.health.PublishHealthPane;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.netstreamfx.app.ui.FitRow;
import org.netstreamfx.app.ui.Icons;
import org.netstreamfx.app.ui.SidePane;
import org.netstreamfx.app.ui.StatRows;
import org.netstreamfx.app.ui.player.NoticeBar;
import org.netstreamfx.app.ui.video.Video;
import org.netstreamfx.player.net.NetStatusEvent;

/**
 * The publisher: the camera's preview beside the loopback monitor (the stream played back from
 * the server, with the measured end-to-end delay), the devices, encoding, server and recording
 * on the right, the on-air badge and Go live / Stop on top, and the session's figures and events
 * below. Warnings and errors slide down as a notification bar, as in the player.
 */
public final class PublisherView extends BorderPane {
    /** Picks a file: a media file to use as a camera, or where to record. Tests answer directly. */
    @FunctionalInterface
    public interface FilePicker {
        Optional<Path> pick(Window owner, boolean save);
    }

    private static final PseudoClass ON_AIR = PseudoClass.getPseudoClass("on-air");

    private final PublisherViewModel vm;
    private final Video preview = new Video();
    private final Video monitor = new Video();
    /** The style class of a field the problem message is about (a red border), gone once typed in. */
    public static final String FIELD_ERROR = "field-error";
    /** The width of the figures' values: the widest they get, "59.9 fps · 12000 kbit/s". */
    private static final double STAT_VALUE_WIDTH = 170;

    private final PublisherSettings settings;
    private boolean previewStarted;

    public PublisherView(PublisherViewModel vm, FilePicker files) {
        this.vm = vm;
        this.settings = new PublisherSettings(vm, files);
        getStyleClass().add("publisher-view");
        preview.setId("preview");
        monitor.setId("loopback");
        vm.setPreviewSink(f -> preview.showPicture(f.pixels(), f.width(), f.height(), f.strideBytes()));
        vm.previewingProperty().addListener((o, was, now) -> {
            if (!now && !vm.stateProperty().get().busy()) {
                preview.clearPicture();
            }
        });
        // The devices open the first time the view is shown, not when the app starts.
        visibleProperty().addListener((o, was, now) -> {
            if (now && !previewStarted) {
                previewStarted = true;
                vm.setPreviewing(true);
            }
        });
        monitor.setFrameObserver(vm::measureLoopbackFrame);
        vm.loopbackStreamProperty().addListener((o, was, now) -> monitor.attachNetStream(now));
        // A view built while on air (it is built on first use) shows the loopback already playing.
        if (vm.loopbackStreamProperty().get() != null) {
            monitor.attachNetStream(vm.loopbackStreamProperty().get());
        }

        BorderPane center = new BorderPane(PublisherPictures.of(vm, preview, monitor));
        center.setBottom(bottom());
        setTop(toolBar());
        setCenter(NoticeBar.around(center, vm.noticeProperty(), vm::dismissNotice));
        // Stream health below the settings: its profile and Check my stream (issue 15).
        ScrollPane side = SidePane.of(new javafx.scene.layout.VBox(settings, new PublishHealthPane(vm.health(),
                vm::checkStream, Bindings.createBooleanBinding(() -> vm.stateProperty().get().busy(),
                vm.stateProperty()))), "publisher-side");
        side.setPrefWidth(320);
        setRight(side);
    }

    public PublisherViewModel viewModel() {
        return vm;
    }

    /** The camera's preview. */
    public Video preview() {
        return preview;
    }

    /** The stream as the server sends it back. */
    public Video loopback() {
        return monitor;
    }

    /** Enters a server URL, stream name and key as if typed (the key shows masked, as typed keys do). */
    public void enterServer(String serverUrl, String streamName, String streamKey) {
        settings.enterServer(serverUrl, streamName, streamKey);
    }

    /** A FileChooser for media files (camera) or for the recording (save). */
    public static FilePicker fileChooser() {
        FileChooser chooser = new FileChooser();
        return (owner, save) -> {
            chooser.getExtensionFilters().setAll(save
                    ? new FileChooser.ExtensionFilter("FLV or fragmented MP4", "*.flv", "*.mp4")
                    : new FileChooser.ExtensionFilter("Video files", "*.mp4", "*.flv", "*.mov", "*.mkv", "*.webm"));
            chooser.setTitle(save ? "Record the stream to" : "Use a video file as the camera");
            File f = save ? chooser.showSaveDialog(owner) : chooser.showOpenDialog(owner);
            if (f == null) {
                return Optional.empty();
            }
            chooser.setInitialDirectory(f.getParentFile());
            return Optional.of(f.toPath());
        };
    }

    private FitRow toolBar() {
        Label title = new Label("Publisher");
        title.getStyleClass().add("stream-title");
        Label address = new Label();
        address.setId("publish-address");
        address.getStyleClass().add("caption");
        address.textProperty().bind(vm.shownAddressProperty());
        // Wraps rather than cuts (issue 12, defect 4): the address goes onto a line of its own, and
        // wraps there, before Go live would leave the window.
        address.setWrapText(true);
        address.setMinWidth(0);
        Button go = new Button();
        go.setId("go-live");
        go.getStyleClass().add("go-live");
        go.setGraphic(Icons.BROADCAST.node(16));
        go.textProperty().bind(Bindings.createStringBinding(() -> vm.stateProperty().get().busy() ? "Stop" : "Go live",
                vm.stateProperty()));
        go.disableProperty().bind(vm.stateProperty().isEqualTo(PublisherState.STOPPING)
                .or(vm.health().checker().runningProperty()));
        vm.stateProperty().addListener((o, was, now) -> go.pseudoClassStateChanged(ON_AIR, now.busy()));
        go.setOnAction(e -> {
            if (vm.stateProperty().get().busy()) {
                vm.stop();
            } else {
                vm.goLive();
            }
        });
        FitRow bar = new FitRow(10, 6, FitRow.group(10, title, new OnAirBadge(vm)), address,
                FitRow.alignRight(FitRow.group(0, go)));
        bar.getStyleClass().add("tool-bar-row");
        return bar;
    }

    private Node bottom() {
        PublishFigures f = vm.figures();
        ProgressBar queue = new ProgressBar();
        queue.setId("queue-gauge");
        queue.setPrefWidth(64);
        queue.progressProperty().bind(f.queueSecondsProperty().divide(PublisherViewModel.QUEUE_LIMIT_S));
        Tooltip.install(queue, new Tooltip("Media waiting to be sent; past "
                + PublisherViewModel.QUEUE_LIMIT_S + " s, video is dropped up to the next keyframe"));
        GridPane stats = new GridPane();
        stats.getStyleClass().add("publisher-stats");
        stats.setHgap(10);
        stats.setVgap(4);
        Label queued = stat(stats, 0, "Queue", "stat-queue", Bindings.createStringBinding(() -> String.format(
                Locale.ROOT, "%.2f / %.1f s", f.queueSecondsProperty().get(), PublisherViewModel.QUEUE_LIMIT_S),
                f.queueSecondsProperty()));
        // The gauge beside its figure, in the values' column: the event list beside the figures
        // keeps its width in a narrow window (issue 12, defect 4).
        stats.getChildren().remove(queued);
        queued.setMaxWidth(Region.USE_PREF_SIZE);
        queued.setMinWidth(Region.USE_PREF_SIZE);
        HBox queueCell = new HBox(8, queued, queue);
        queueCell.setAlignment(Pos.CENTER_LEFT);
        stats.add(queueCell, 1, 0);
        stat(stats, 1, "Dropped frames", "stat-dropped", f.droppedFramesProperty().asString());
        stat(stats, 2, "Sending", "stat-sending", Bindings.createStringBinding(() -> String.format(Locale.ROOT,
                "%.1f fps · %.0f kbit/s", f.sentFpsProperty().get(), f.sentKbpsProperty().get()),
                f.sentFpsProperty(), f.sentKbpsProperty()));
        stat(stats, 3, "Reconnect", "stat-reconnect", Bindings.createStringBinding(() -> f.reconnectSecondsProperty()
                .get() < 0 ? "—" : String.format(Locale.ROOT, "next try in %.1f s", f.reconnectSecondsProperty().get()),
                f.reconnectSecondsProperty()));
        stats.setPadding(new Insets(8, 10, 8, 10));
        // The values' column is as wide as the widest figure ("59.9 fps · 12000 kbit/s"), whatever
        // it shows now: the figures change width going live and stopping, and the event list
        // beside them must not move (issue 12).
        javafx.scene.layout.ColumnConstraints names = new javafx.scene.layout.ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints values = new javafx.scene.layout.ColumnConstraints(STAT_VALUE_WIDTH);
        stats.getColumnConstraints().setAll(names, values);
        stats.setMinWidth(Region.USE_PREF_SIZE);
        stats.setMaxWidth(Region.USE_PREF_SIZE);

        ListView<NetStatusEvent> events = new ListView<>(vm.events());
        events.setId("publish-events");
        events.getStyleClass().add("publisher-events");
        Label none = new Label("The session's NetStatus events show here (the Tester view logs them too)");
        none.setWrapText(true);
        events.setPlaceholder(none);
        events.setCellFactory(l -> new ListCell<>() {
            {
                // As wide as the list, not as the text: long events end in "…" (the tooltip has all).
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(NetStatusEvent e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : e.code() + (e.description().isEmpty() ? "" : "  " + e.description()));
                setTooltip(getText() == null ? null : new Tooltip(getText()));
            }
        });
        vm.events().addListener((javafx.collections.ListChangeListener<NetStatusEvent>) c -> {
            if (!vm.events().isEmpty()) {
                events.scrollTo(vm.events().size() - 1);
            }
        });
        events.setPrefHeight(130);
        HBox.setHgrow(events, Priority.ALWAYS);
        HBox row = new HBox(stats, events);
        row.setPrefHeight(140);
        return row;
    }

    /** A figure's row; its value fills the values' column. */
    private static Label stat(GridPane grid, int row, String name, String id, ObservableValue<String> value) {
        Label v = StatRows.add(grid, row, name, id, value);
        v.setMaxWidth(Double.MAX_VALUE);
        return v;
    }


    /** The rail's icon. */
    public static Region icon(double size) {
        return Icons.BROADCAST.node(size);
    }
}
