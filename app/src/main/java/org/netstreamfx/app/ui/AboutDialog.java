package org.netstreamfx.app.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Help ▸ About NetStreamFX: the versions of the app, FFmpeg (as the loaded natives report it),
 * JavaFX, Java and the OS ({@link VersionInfo}), and a Copy button that puts them on the clipboard
 * as text, for bug reports. The versions are read on a thread of its own ("nsfx-about"), as the
 * FFmpeg natives may still have to load; the box shows "…" until then. Esc closes it.
 */
public final class AboutDialog {
    private final ExecutorService io = Daemons.single("nsfx-about");
    private final Map<String, Label> values = new LinkedHashMap<>();
    private Stage stage;
    private Button copy;
    private VersionInfo info;

    /** Shows the box over {@code owner} (or brings it to the front); the versions follow when read. */
    public void show(Window owner) {
        if (stage == null) {
            stage = build(owner);
            CompletableFuture.supplyAsync(VersionInfo::current, io)
                    .whenComplete((v, failure) -> Platform.runLater(() -> shown(v, failure)));
        }
        stage.show();
        stage.toFront();
    }

    /** The box's window while it is shown, else null. */
    public Stage stage() {
        return stage != null && stage.isShowing() ? stage : null;
    }

    /** The versions, once read (null until then). */
    public VersionInfo info() {
        return info;
    }

    /** Stops the thread that reads the versions. */
    public void dispose() {
        io.shutdown();
    }

    // FX thread.

    private void shown(VersionInfo v, Throwable failure) {
        if (v == null) {
            values.get("NetStreamFX").setText(VersionInfo.appVersion());
            values.get("FFmpeg").setText("could not be read: " + failure);
            stage.sizeToScene();
            return;
        }
        info = v;
        v.lines().forEach((name, value) -> values.get(name).setText(value));
        copy.setDisable(false);
        // As wide as the versions now shown, none cut.
        stage.sizeToScene();
    }

    private Stage build(Window owner) {
        Stage s = new Stage();
        if (owner != null) {
            s.initOwner(owner);
            s.initModality(Modality.WINDOW_MODAL);
        }
        s.setTitle("About NetStreamFX");
        s.setResizable(false);
        Label name = new Label("NetStreamFX");
        name.getStyleClass().add("placeholder-title");
        Label what = new Label("Plays, publishes and tests RTMP and FLV/MP4 streams.");
        what.getStyleClass().add("caption");
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(6);
        int row = 0;
        Map<String, String> ids = Map.of("NetStreamFX", "about-app", "FFmpeg", "about-ffmpeg", "FFmpeg libraries",
                "about-ffmpeg-libraries", "JavaFX", "about-javafx", "Java", "about-java", "OS", "about-os");
        for (String n : List.of("NetStreamFX", "FFmpeg", "FFmpeg libraries", "JavaFX", "Java", "OS")) {
            Label key = new Label(n);
            key.getStyleClass().add("stat-name");
            key.setMinWidth(Region.USE_PREF_SIZE);
            Label value = new Label("…");
            value.setId(ids.get(n));
            value.setMinWidth(Region.USE_PREF_SIZE);
            values.put(n, value);
            grid.add(key, 0, row);
            grid.add(value, 1, row);
            row++;
        }
        copy = new Button("Copy");
        copy.setId("about-copy");
        copy.setDisable(true);
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(info.text());
            Clipboard.getSystemClipboard().setContent(c);
        });
        Button close = new Button("Close");
        close.setId("about-close");
        close.setDefaultButton(true);
        close.setOnAction(e -> s.hide());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, copy, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox box = new VBox(12, name, what, grid, buttons);
        box.setPadding(new Insets(18));
        box.getStyleClass().add("about-box");
        box.setMinWidth(460);
        Scene scene = new Scene(box);
        scene.getStylesheets().add(MainWindow.STYLESHEET);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                s.hide();
                e.consume();
            }
        });
        s.setScene(scene);
        return s;
    }
}
