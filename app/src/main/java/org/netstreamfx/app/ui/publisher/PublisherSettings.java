package org.netstreamfx.app.ui.publisher;

import org.netstreamfx.capture.encode.CodecChoice;
import org.netstreamfx.capture.encode.Renditions;
import org.netstreamfx.capture.encode.VideoEncoders;
import java.util.List;
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
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.netstreamfx.app.ui.Icons;
import org.netstreamfx.capture.device.ScreenSpec;

/**
 * The publisher's settings panel, on the right of {@link PublisherView}: devices (camera, file,
 * screen, microphone, level, preview), encoding, server (URL, name, masked key) and recording,
 * each field disabled while on air and marked when the problem message is about it. Built and
 * used on the FX thread; it changes the publisher only through the view-model's commands.
 */
final class PublisherSettings extends VBox {
    static final String KEY_TOOLTIP = "The stream key is kept in memory only: it is never saved with the settings, "
            + "and it is masked (ab***) wherever the address is shown or logged.";
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final String[] SIZES = {"320x180", "640x360", "854x480", "1280x720", "1920x1080"};

    private final PublisherViewModel vm;
    private final PublisherView.FilePicker files;
    private final TextField url = new TextField();
    private final TextField name = new TextField();
    private final PasswordField key = new PasswordField();

    PublisherSettings(PublisherViewModel vm, PublisherView.FilePicker files) {
        super(6);
        this.vm = vm;
        this.files = files;
        setPadding(new Insets(10));
        getChildren().addAll(section("DEVICES"), devices(), section("ENCODING"), encoding(), section("SERVER"),
                server(), section("RECORDING"), recording());
    }

    /** Enters a server URL, stream name and key as if typed (the key shows masked, as typed keys do). */
    void enterServer(String serverUrl, String streamName, String streamKey) {
        url.setText(serverUrl);
        name.setText(streamName);
        key.setText(streamKey);
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
            size.pseudoClassStateChanged(INVALID, !ok);
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
                "kbit/s"));
        grid.addRow(4, new Label("Codecs"), new HBox(6, choice("video-codec", CodecChoice.VIDEO_NAMES,
                vm.setup().videoCodecProperty().get(), vm.setup()::selectVideoCodec), choice("audio-codec",
                CodecChoice.AUDIO_NAMES, vm.setup().audioCodecProperty().get(), vm.setup()::selectAudioCodec)));
        List<String> encoders = new java.util.ArrayList<>(CodecChoice.ENCODER_MODES);
        VideoEncoders.known().stream().filter(VideoEncoders.Known::inNatives).map(VideoEncoders.Known::name)
                .forEach(encoders::add);
        grid.addRow(5, new Label("Encoder"), choice("encoder", encoders, vm.setup().encoderProperty().get(),
                vm.setup()::selectEncoder));
        grid.addRow(6, new Label("Renditions"), renditions());
        return grid;
    }

    /**
     * The renditions of a multitrack publish, as {@code nsfx publish --tracks} takes them; empty for
     * one track. A list the setup refuses (bad syntax, more than 4, larger than the size) is marked.
     */
    private Node renditions() {
        TextField field = new TextField(vm.setup().renditionsProperty().get());
        field.setId("renditions");
        field.setPromptText("one track; or e.g. 720p30@2500,360p30@800");
        Tooltip tip = new Tooltip("Enhanced RTMP multitrack: HEIGHTp[FPS]@KBPS per rendition, at most "
                + Renditions.MAX_TRACKS + ", none larger than the size; the first is track 0, which every player sees");
        tip.setWrapText(true);
        tip.setMaxWidth(320);
        field.setTooltip(tip);
        field.textProperty().addListener((o, was, now) -> field.pseudoClassStateChanged(INVALID,
                !vm.setup().setRenditions(now)));
        field.disableProperty().bind(busy());
        return field;
    }

    /** A ComboBox of {@code names} that tells {@code select} each pick; disabled while a session runs. */
    private ComboBox<String> choice(String id, List<String> names, String initial, java.util.function.Predicate<String> select) {
        ComboBox<String> box = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(names));
        box.setId(id);
        box.setValue(initial);
        box.valueProperty().addListener((o, was, now) -> box.pseudoClassStateChanged(INVALID, !select.test(now)));
        box.disableProperty().bind(busy());
        return box;
    }

    private Node number(String id, int initial, IntPredicate set, String unit) {
        TextField field = new TextField(Integer.toString(initial));
        field.setId(id);
        field.setPrefColumnCount(6);
        field.textProperty().addListener((o, was, now) -> field.pseudoClassStateChanged(
                INVALID, !(parses(now) && set.test(Integer.parseInt(now.strip())))));
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
            field.getStyleClass().removeAll(PublisherView.FIELD_ERROR);
        } else if (!field.getStyleClass().contains(PublisherView.FIELD_ERROR)) {
            field.getStyleClass().add(PublisherView.FIELD_ERROR);
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
}
