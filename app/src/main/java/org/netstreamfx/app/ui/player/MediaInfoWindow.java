package org.netstreamfx.app.ui.player;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.netstreamfx.app.probe.MediaInfo;
import org.netstreamfx.app.ui.MainWindow;

/**
 * Media information (Ctrl+I), as VLC's: a window, not modal, with what {@code nsfx probe} tells
 * of the stream playing (container, each track's codec, profile and level, geometry, frame rate,
 * sample rate, channels, bit rates) and its metadata, container tags and onMetaData, as a table;
 * Copy puts it on the clipboard as text. It follows the player: a new stream, a new description
 * or a new onMetaData shows at once. FX thread.
 */
final class MediaInfoWindow {
    private final PlayerViewModel vm;
    private final TableView<MediaInfo.Row> table = new TableView<>();
    private final Label empty = new Label("Nothing is playing.");
    private Stage stage;

    MediaInfoWindow(PlayerViewModel vm) {
        this.vm = vm;
        vm.figures().descriptionProperty().addListener((o, was, now) -> refresh());
        vm.figures().metaDataProperty().addListener((o, was, now) -> refresh());
        vm.figures().bytesTotalProperty().addListener((o, was, now) -> {
            if (was.longValue() <= 0 && now.longValue() > 0) {
                refresh();
            }
        });
    }

    /** What the window shows now, or null when nothing plays. */
    MediaInfo info() {
        return vm.figures().descriptionProperty().get() == null ? null
                : new MediaInfo(vm.figures().descriptionProperty().get(), vm.figures().bytesTotalProperty().get(), vm.figures().metaDataProperty().get());
    }

    /** Shows the window (or brings it to the front) over {@code owner}. */
    void show(Window owner) {
        if (stage == null) {
            stage = build(owner);
        }
        refresh();
        stage.show();
        stage.toFront();
    }

    /** The window, once shown (for tests). */
    Stage stage() {
        return stage;
    }

    private Stage build(Window owner) {
        Stage s = new Stage();
        if (owner != null) {
            s.initOwner(owner);
        }
        s.setTitle("Media information");
        TableColumn<MediaInfo.Row, String> section = column("", MediaInfo.Row::section, 90);
        TableColumn<MediaInfo.Row, String> name = column("Name", MediaInfo.Row::name, 140);
        TableColumn<MediaInfo.Row, String> value = column("Value", MediaInfo.Row::value, 300);
        table.getColumns().setAll(List.of(section, name, value));
        table.setId("media-info-table");
        table.setPlaceholder(empty);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);
        Button copy = new Button("Copy");
        copy.setId("media-info-copy");
        copy.setOnAction(e -> {
            MediaInfo i = info();
            ClipboardContent c = new ClipboardContent();
            c.putString(i == null ? "" : i.text());
            Clipboard.getSystemClipboard().setContent(c);
        });
        Button close = new Button("Close");
        close.setOnAction(e -> s.hide());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, gap, copy, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(8, table, buttons);
        root.setPadding(new Insets(10));
        root.setId("media-info");
        root.getStyleClass().add("media-info");
        Scene scene = new Scene(root, 560, 480);
        scene.getStylesheets().add(MainWindow.STYLESHEET);
        s.setScene(scene);
        return s;
    }

    private static TableColumn<MediaInfo.Row, String> column(String title,
            java.util.function.Function<MediaInfo.Row, String> get, double width) {
        TableColumn<MediaInfo.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(get.apply(f.getValue())).getReadOnlyProperty());
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private void refresh() {
        MediaInfo i = info();
        table.getItems().setAll(i == null ? List.of() : i.rows());
    }
}
