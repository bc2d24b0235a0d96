package org.netstreamfx.app.ui.publisher;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntPredicate;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.netstreamfx.app.ui.FitRow;
import org.netstreamfx.app.ui.Icons;
import org.netstreamfx.app.ui.player.NoticeBar;
import org.netstreamfx.app.ui.video.Video;
import org.netstreamfx.capture.device.ScreenSpec;
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

    static final String KEY_TOOLTIP = "The stream key is kept in memory only: it is never saved with the settings, "
            + "and it is masked (ab***) wherever the address is shown or logged.";
    private static final PseudoClass ON_AIR = PseudoClass.getPseudoClass("on-air");
    private static final String[] SIZES = {"320x180", "640x360", "854x480", "1280x720", "1920x1080"};

    private final PublisherViewModel vm;
    private final FilePicker files;
    private final Video preview = new Video();
    private final Video monitor = new Video();
    /** The style class of a field the problem message is about (a red border), gone once typed in. */
    public static final String FIELD_ERROR = "field-error";
    /** The width of the figures' values: the widest they get, "59.9 fps · 12000 kbit/s". */
    private static final double STAT_VALUE_WIDTH = 170;

    private final TextField url = new TextField();
    private final TextField name = new TextField();
    private final PasswordField key = new PasswordField();
    private boolean previewStarted;

    public PublisherView(PublisherViewModel vm, FilePicker files) {
        this.vm = vm;
        this.files = files;
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

        BorderPane center = new BorderPane(PublisherPictures.of(vm, preview, monitor));
        center.setBottom(bottom());
        setTop(toolBar());
        setCenter(NoticeBar.around(center, vm.noticeProperty(), vm::dismissNotice));
        ScrollPane side = new ScrollPane(side());
        side.setFitToWidth(true);
        side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        side.setPrefWidth(320);
        side.getStyleClass().add("publisher-side");
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
        url.setText(serverUrl);
        name.setText(streamName);
        key.setText(streamKey);
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
        go.disableProperty().bind(vm.stateProperty().isEqualTo(PublisherState.STOPPING));
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

    private static Label stat(GridPane grid, int row, String name, String id, ObservableValue<String> value) {
        Label n = new Label(name);
        n.getStyleClass().add("stat-name");
        Label v = new Label();
        v.setId(id);
        v.getStyleClass().add("stat-value");
        v.textProperty().bind(value);
        v.setMaxWidth(Double.MAX_VALUE);
        grid.add(n, 0, row);
        grid.add(v, 1, row);
        return v;
    }

    // The side panel.

    private VBox side() {
        VBox box = new VBox(6);
        box.setPadding(new Insets(10));
        box.getChildren().addAll(section("DEVICES"), devices(), section("ENCODING"), encoding(), section("SERVER"),
                server(), section("RECORDING"), recording());
        return box;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private Node devices() {
        ComboBox<DeviceChoice> camera = picker("camera-picker", vm.cameras(), vm.setup().cameraIdProperty(), vm.setup()::selectCamera);
        Button file = new Button("File…");
        file.setId("camera-file");
        file.setTooltip(new Tooltip("Use a video file as the camera (played as a loop)"));
        file.setOnAction(e -> files.pick(getScene() == null ? null : getScene().getWindow(), false)
                .ifPresent(p -> vm.setup().selectCamera(p.toString())));
        file.disableProperty().bind(busy());
        file.setMinWidth(Region.USE_PREF_SIZE);
        Button screen = new Button("Screen…");
        screen.setId("camera-screen");
        screen.setTooltip(new Tooltip("Capture the screen, a region of it or one window"));
        screen.setOnAction(e -> askScreen().ifPresent(vm.setup()::selectCamera));
        screen.disableProperty().bind(busy());
        screen.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(camera, Priority.ALWAYS);
        HBox cameraRow = new HBox(6, Icons.CAMERA.node(16), camera);
        cameraRow.setAlignment(Pos.CENTER_LEFT);
        // The picker gets the panel's width; the other sources go under it (issue 12, defect 4).
        HBox sources = new HBox(6, file, screen);
        sources.setPadding(new Insets(0, 0, 0, 22));
        ComboBox<DeviceChoice> mic = picker("mic-picker", vm.microphones(), vm.setup().microphoneIdProperty(), vm.setup()::selectMicrophone);
        HBox.setHgrow(mic, Priority.ALWAYS);
        HBox micRow = new HBox(6, Icons.MIC.node(16), mic);
        micRow.setAlignment(Pos.CENTER_LEFT);
        LevelMeter level = new LevelMeter(vm.figures().levelRmsDbfsProperty(), vm.figures().levelPeakDbfsProperty());
        level.setId("level-meter");
        Label db = new Label();
        db.setId("level-dbfs");
        db.getStyleClass().add("caption");
        db.setMinWidth(64);
        db.textProperty().bind(Bindings.createStringBinding(() -> vm.figures().levelPeakDbfsProperty().get()
                        <= LevelMeter.FLOOR_DBFS ? "−∞ dBFS" : String.format(Locale.ROOT, "%.0f dBFS",
                        vm.figures().levelPeakDbfsProperty().get()), vm.figures().levelPeakDbfsProperty()));
        HBox.setHgrow(level, Priority.ALWAYS);
        HBox levelRow = new HBox(8, level, db);
        levelRow.setAlignment(Pos.CENTER_LEFT);
        ToggleButton previewing = new ToggleButton("Preview", Icons.EYE.node(14));
        previewing.setId("preview-toggle");
        previewing.setSelected(vm.previewingProperty().get());
        previewing.selectedProperty().addListener((o, was, now) -> vm.setPreviewing(now));
        vm.previewingProperty().addListener((o, was, now) -> previewing.setSelected(now));
        previewing.setTooltip(new Tooltip("Open the camera and microphone before going live"));
        return new VBox(6, cameraRow, sources, micRow, levelRow, previewing,
                problemLabel("device-problem", vm.problemFieldProperty().isNull()));
    }

    /** The screen to capture, as a {@code screen:…} id, starting from the one listed (or the current one). */
    private java.util.Optional<String> askScreen() {
        String current = vm.setup().cameraIdProperty().get();
        String start = ScreenSpec.isScreen(current) ? current : vm.cameras().stream().map(DeviceChoice::id)
                .filter(ScreenSpec::isScreen).findFirst().orElse(ScreenSpec.PREFIX);
        javafx.scene.control.TextInputDialog ask = new javafx.scene.control.TextInputDialog(start);
        ask.initOwner(getScene() == null ? null : getScene().getWindow());
        ask.setTitle("Capture the screen");
        ask.setHeaderText("screen:[DISPLAY][,region=WxH+X+Y][,cursor=on|off][,window=WINDOW]\n"
                + "e.g. screen::0,region=1280x720+0+0,cursor=off; a window by its X id (xwininfo) or, on Windows, its title");
        return ask.showAndWait().map(String::strip).filter(ScreenSpec::isScreen);
    }

    private ComboBox<DeviceChoice> picker(String id, javafx.collections.ObservableList<DeviceChoice> items,
                                          ObservableValue<String> selected, java.util.function.Consumer<String> select) {
        ComboBox<DeviceChoice> box = new ComboBox<>(items);
        box.setId(id);
        box.setMaxWidth(Double.MAX_VALUE);
        // The box shows the device's short name, the list and the tooltip the whole one.
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(DeviceChoice c) {
                return c == null ? "" : c.shortName();
            }

            @Override
            public DeviceChoice fromString(String s) {
                return box.getValue();
            }
        });
        box.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(DeviceChoice c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : c.name());
            }
        });
        box.tooltipProperty().bind(box.valueProperty().map(c -> new Tooltip(c.name())));
        Runnable sync = () -> {
            String want = selected.getValue();
            DeviceChoice match = items.stream().filter(c -> c.id().equals(want)).findFirst()
                    .orElse(want == null ? null : new DeviceChoice(want, new File(want).getName()));
            if (match != null && !match.equals(box.getValue())) {
                box.setValue(match);
            }
        };
        selected.addListener((o, was, now) -> sync.run());
        // Again once the change is through: the box's own selection model, told after this
        // listener, clears the value when the items are replaced.
        items.addListener((javafx.collections.ListChangeListener<DeviceChoice>) c -> {
            sync.run();
            javafx.application.Platform.runLater(sync);
        });
        sync.run();
        box.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                select.accept(now.id());
            }
        });
        box.disableProperty().bind(busy());
        return box;
    }

    private Node encoding() {
        ComboBox<String> size = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(SIZES));
        size.setId("size");
        size.setEditable(true);
        size.setValue(vm.setup().widthProperty().get() + "x" + vm.setup().heightProperty().get());
        size.setPrefWidth(120);
        size.valueProperty().addListener((o, was, now) -> {
            String[] wh = now == null ? new String[0] : now.toLowerCase(Locale.ROOT).split("x");
            boolean ok = wh.length == 2 && parses(wh[0]) && parses(wh[1])
                    && vm.setup().setSize(Integer.parseInt(wh[0].strip()), Integer.parseInt(wh[1].strip()));
            size.pseudoClassStateChanged(PseudoClass.getPseudoClass("invalid"), !ok);
        });
        size.disableProperty().bind(busy());
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label("Size"), size);
        grid.addRow(1, new Label("Frame rate"), number("fps", vm.setup().fpsProperty().get(), vm.setup()::setFrameRate, "fps"));
        grid.addRow(2, new Label("Video"), number("video-kbps", vm.setup().videoKbpsProperty().get(), vm.setup()::setVideoBitrate,
                "kbit/s H.264"));
        grid.addRow(3, new Label("Audio"), number("audio-kbps", vm.setup().audioKbpsProperty().get(), vm.setup()::setAudioBitrate,
                "kbit/s AAC"));
        return grid;
    }

    private Node number(String id, int initial, IntPredicate set, String unit) {
        TextField field = new TextField(Integer.toString(initial));
        field.setId(id);
        field.setPrefColumnCount(6);
        field.textProperty().addListener((o, was, now) -> field.pseudoClassStateChanged(
                PseudoClass.getPseudoClass("invalid"), !(parses(now) && set.test(Integer.parseInt(now.strip())))));
        field.disableProperty().bind(busy());
        Label u = new Label(unit);
        u.getStyleClass().add("caption");
        HBox row = new HBox(6, field, u);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static boolean parses(String s) {
        return s != null && s.strip().matches("\\d{1,6}");
    }

    private Node server() {
        url.setText(vm.setup().serverUrlProperty().get());
        url.setId("server-url");
        url.setPromptText("rtmp://host[:port]/app");
        url.textProperty().addListener((o, was, now) -> vm.setup().setServerUrl(now));
        name.setText(vm.setup().streamNameProperty().get());
        name.setId("stream-name");
        name.setPromptText("Stream name (optional with a key)");
        name.textProperty().addListener((o, was, now) -> vm.setup().setStreamName(now));
        key.setId("stream-key");
        key.setPromptText("Stream key (not saved)");
        TextField shown = new TextField();
        shown.setId("stream-key-shown");
        shown.textProperty().bindBidirectional(key.textProperty());
        key.textProperty().addListener((o, was, now) -> vm.setStreamKey(now));
        ToggleButton show = new ToggleButton(null, Icons.EYE.node(14));
        show.setId("show-key");
        show.getStyleClass().add("icon-button");
        show.setTooltip(new Tooltip("Show the stream key"));
        shown.visibleProperty().bind(show.selectedProperty());
        key.visibleProperty().bind(show.selectedProperty().not());
        Tooltip keyTip = new Tooltip(KEY_TOOLTIP);
        keyTip.setWrapText(true);
        keyTip.setMaxWidth(320);
        key.setTooltip(keyTip);
        shown.setTooltip(keyTip);
        StackPane keyFields = new StackPane(key, shown);
        HBox.setHgrow(keyFields, Priority.ALWAYS);
        HBox keyRow = new HBox(6, keyFields, show);
        keyRow.setAlignment(Pos.CENTER_LEFT);
        vm.problemFieldProperty().addListener((o, was, now) -> {
            mark(url, now == PublishTarget.Field.SERVER_URL);
            mark(name, now == PublishTarget.Field.STREAM);
            mark(key, now == PublishTarget.Field.STREAM);
            mark(shown, now == PublishTarget.Field.STREAM);
        });
        VBox fields = new VBox(6, url, name, keyRow);
        fields.disableProperty().bind(busy());
        // Right under the fields it is about (issue 12), not at the foot of the panel.
        return new VBox(4, fields, problemLabel("publish-problem", vm.problemFieldProperty().isNotNull()));
    }

    /** Marks a field the problem is about (a red border); typing in it clears the problem and the mark. */
    private static void mark(javafx.scene.control.Control field, boolean on) {
        if (!on) {
            field.getStyleClass().removeAll(FIELD_ERROR);
        } else if (!field.getStyleClass().contains(FIELD_ERROR)) {
            field.getStyleClass().add(FIELD_ERROR);
        }
    }

    private Node recording() {
        CheckBox record = new CheckBox("Record to file");
        record.setId("record");
        Label file = new Label();
        file.setId("record-file");
        file.getStyleClass().add("caption");
        file.setWrapText(true);
        record.setOnAction(e -> {
            if (record.isSelected()) {
                Optional<Path> p = files.pick(getScene() == null ? null : getScene().getWindow(), true);
                vm.setRecordFile(p.orElse(null));
                file.setText(p.map(Path::toString).orElse(""));
            } else {
                vm.setRecordFile(null);
                file.setText("");
            }
            record.setSelected(vm.recordingProperty().get());
        });
        record.setTooltip(new Tooltip("Also keep what is published in a local file: fragmented MP4 for .mp4, FLV otherwise"));
        record.disableProperty().bind(busy());
        return new VBox(4, record, file);
    }

    /** The problem, when {@code mine} says it is this label's to show. */
    private Label problemLabel(String id, javafx.beans.value.ObservableBooleanValue mine) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("field-problem");
        l.setWrapText(true);
        l.textProperty().bind(Bindings.when(mine).then(vm.problemProperty()).otherwise(""));
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        l.visibleProperty().bind(l.managedProperty());
        return l;
    }

    private javafx.beans.binding.BooleanBinding busy() {
        return Bindings.createBooleanBinding(() -> vm.stateProperty().get().busy(), vm.stateProperty());
    }

    /** The rail's icon. */
    public static Region icon(double size) {
        return Icons.BROADCAST.node(size);
    }
}
