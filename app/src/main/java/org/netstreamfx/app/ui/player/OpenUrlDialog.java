package org.netstreamfx.app.ui.player;

import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks for an rtmp://, rtmps://, http:// or https:// URL. The Open button stays disabled, and a
 * line under the field says why, until the text is a URL the player takes. Shown without
 * blocking: the chosen URL goes to the consumer.
 */
final class OpenUrlDialog extends Dialog<String> {
    static final ButtonType OPEN = new ButtonType("Open", ButtonBar.ButtonData.OK_DONE);

    OpenUrlDialog(Window owner, String initial, Consumer<String> onOpen) {
        initOwner(owner);
        setTitle("Open URL");
        setHeaderText(null);
        TextField field = new TextField(initial == null ? "" : initial);
        field.setId("url-field");
        field.setPromptText("rtmp://host/app/stream  ·  https://host/video.mp4");
        field.setPrefColumnCount(36);
        Label problem = new Label();
        problem.setId("url-problem");
        problem.getStyleClass().add("field-problem");
        Label hint = new Label("RTMP, RTMPS or a progressive HTTP(S) download of FLV or MP4");
        hint.getStyleClass().add("caption");
        VBox box = new VBox(8, hint, field, problem);
        getDialogPane().setContent(box);
        getDialogPane().getButtonTypes().addAll(OPEN, ButtonType.CANCEL);
        getDialogPane().getStyleClass().add("open-url");
        if (owner != null && owner.getScene() != null) {
            getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        Node openButton = getDialogPane().lookupButton(OPEN);
        Runnable validate = () -> {
            Optional<String> why = MediaAddress.urlProblem(field.getText());
            openButton.setDisable(why.isPresent());
            problem.setText(field.getText().isBlank() ? "" : why.orElse(""));
        };
        field.textProperty().addListener((o, was, now) -> validate.run());
        validate.run();
        setResultConverter(b -> b == OPEN ? field.getText().strip() : null);
        setOnHidden(e -> {
            String url = getResult();
            if (url != null && !url.isEmpty()) {
                onOpen.accept(url);
            }
        });
        setOnShown(e -> Platform.runLater(() -> {
            field.requestFocus();
            field.selectAll();
        }));
    }
}
