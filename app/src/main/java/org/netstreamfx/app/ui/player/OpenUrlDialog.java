package org.netstreamfx.app.ui.player;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks for an rtmp://, rtmps://, http:// or https:// URL. The Open button stays disabled, and a
 * line under the field says why, until the text is a URL the player takes. Shown without
 * blocking: the chosen URL goes to the consumer.
 *
 * <p>For an rtmp(s) URL an "Options" section shows the options it will be opened with (those
 * remembered for it, else the defaults): reconnect tries (0 = off), silence timeout, a certificate
 * to trust (rtmps only, picked with a file chooser), bufferTime and bufferTimeMax. Whenever the URL
 * names another stream (user info, query and fragment aside) they are filled in with what is
 * remembered for it, or with the defaults unless the user has changed them; they go to the
 * consumer with the URL; each figure out of range keeps Open disabled and says why.
 */
final class OpenUrlDialog extends Dialog<OpenUrlDialog.Choice> {
    static final ButtonType OPEN = new ButtonType("Open", ButtonBar.ButtonData.OK_DONE);

    /** What was chosen: the URL, and for rtmp(s) its options (null for http(s)). */
    record Choice(String url, UrlOptions options) {
    }

    private final TextField tries = figure("reconnect-tries", 4);
    private final TextField silence = figure("silence-timeout", 5);
    private final TextField bufferTime = figure("url-buffer-time", 5);
    private final TextField bufferTimeMax = figure("url-buffer-time-max", 5);
    private final Label certificate = new Label();
    private Path certificatePath;
    /** The user changed an option (filling them in from memory or defaults does not count). */
    private boolean edited;
    private boolean filling;

    /**
     * @param remembered the options an rtmp(s) URL has (in use or remembered), if any
     * @param defaults the options a URL without any gets
     * @param certificatePicker asks for a certificate file (PEM or DER)
     * @param onOpen gets the URL and, for rtmp(s), its options
     */
    OpenUrlDialog(Window owner, String initial, Function<String, Optional<UrlOptions>> remembered,
            Supplier<UrlOptions> defaults, PlayerView.FilePicker certificatePicker, BiConsumer<String, UrlOptions> onOpen) {
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
        problem.setWrapText(true);
        Label hint = new Label("RTMP, RTMPS or a progressive HTTP(S) download of FLV or MP4");
        hint.getStyleClass().add("caption");

        certificate.setId("trust-cert-path");
        Button choose = new Button("Choose…");
        choose.setId("trust-cert-choose");
        choose.setOnAction(e -> certificatePicker.pick(getDialogPane().getScene().getWindow())
                .ifPresent(p -> {
                    edited = true;
                    setCertificate(p);
                }));
        Button clear = new Button("System's");
        clear.setId("trust-cert-clear");
        clear.setTooltip(new Tooltip("Trust the system's certificates again"));
        clear.setOnAction(e -> {
            edited = true;
            setCertificate(null);
        });
        HBox certRow = new HBox(8, certificate, choose, clear);
        certRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.addRow(0, new Label("Reconnect tries"), tries, caption("after an unexpected close; 0: off"));
        grid.addRow(1, new Label("Silence timeout"), silence, caption("s without a byte, pings unanswered: "
                + "the connection is dead"));
        grid.addRow(2, new Label("bufferTime"), bufferTime, caption("s buffered before playing"));
        grid.addRow(3, new Label("bufferTimeMax"), bufferTimeMax, caption("s: live, over it plays 6 % faster; "
                + "0: the default policy"));
        grid.add(new Label("Trust certificate"), 0, 4);
        grid.add(certRow, 1, 4, 2, 1);
        Label optionsTitle = new Label("Options for this URL");
        optionsTitle.getStyleClass().add("caption");
        VBox options = new VBox(6, optionsTitle, grid);
        options.setId("url-options");

        VBox box = new VBox(8, hint, field, problem, options);
        getDialogPane().setContent(box);
        getDialogPane().getButtonTypes().addAll(OPEN, ButtonType.CANCEL);
        getDialogPane().getStyleClass().add("open-url");
        if (owner != null && owner.getScene() != null) {
            getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        Node openButton = getDialogPane().lookupButton(OPEN);
        String[] shownKey = {null};
        Runnable validate = () -> {
            String url = field.getText();
            boolean rtmp = UrlOptions.key(url).isPresent() && MediaAddress.urlProblem(url).isEmpty();
            Optional<String> key = rtmp ? UrlOptions.key(url) : Optional.empty();
            if (key.isPresent() && !key.get().equals(shownKey[0])) {
                shownKey[0] = key.get();
                Optional<UrlOptions> kept = remembered.apply(url.strip());
                if (kept.isPresent() || !edited) {
                    show(kept.orElseGet(defaults));
                }
            }
            boolean wasShown = options.isVisible();
            options.setVisible(rtmp);
            options.setManaged(rtmp);
            boolean rtmps = rtmp && url.strip().toLowerCase(Locale.ROOT).startsWith("rtmps:");
            certRow.setDisable(!rtmps);
            Optional<String> why = MediaAddress.urlProblem(url);
            if (why.isEmpty() && rtmp) {
                why = optionsProblem();
            }
            openButton.setDisable(why.isPresent());
            problem.setText(url.isBlank() ? "" : why.orElse(""));
            if (wasShown != rtmp && getDialogPane().getScene() != null
                    && getDialogPane().getScene().getWindow() != null) {
                getDialogPane().getScene().getWindow().sizeToScene();
            }
        };
        field.textProperty().addListener((o, was, now) -> validate.run());
        for (TextField f : new TextField[] {tries, silence, bufferTime, bufferTimeMax}) {
            f.textProperty().addListener((o, was, now) -> {
                edited |= !filling;
                validate.run();
            });
        }
        show(defaults.get());
        validate.run();
        setResultConverter(b -> {
            if (b != OPEN) {
                return null;
            }
            String url = field.getText().strip();
            return new Choice(url, UrlOptions.key(url).isPresent() ? options().orElse(null) : null);
        });
        setOnHidden(e -> {
            Choice c = getResult();
            if (c != null && !c.url().isEmpty()) {
                onOpen.accept(c.url(), c.options());
            }
        });
        setOnShown(e -> Platform.runLater(() -> {
            field.requestFocus();
            field.selectAll();
        }));
    }

    private void show(UrlOptions o) {
        filling = true;
        try {
            tries.setText(Integer.toString(o.reconnectTries()));
            silence.setText(number(o.silenceTimeout()));
            bufferTime.setText(number(o.bufferTime()));
            bufferTimeMax.setText(number(o.bufferTimeMax()));
            setCertificate(o.trustedCertificate());
        } finally {
            filling = false;
        }
    }

    private void setCertificate(Path p) {
        certificatePath = p;
        certificate.setText(p == null ? "the system's trust store" : p.toString());
    }

    /** The options as typed, or empty when one is not a number in range. */
    private Optional<UrlOptions> options() {
        try {
            return Optional.of(parse());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Optional<String> optionsProblem() {
        try {
            parse();
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private UrlOptions parse() {
        int n;
        try {
            n = Integer.parseInt(tries.getText().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Reconnect tries: a whole number, 0 to " + UrlOptions.MAX_RECONNECT_TRIES);
        }
        return new UrlOptions(n, seconds(silence, "Silence timeout"), certificatePath,
                seconds(bufferTime, "bufferTime"), seconds(bufferTimeMax, "bufferTimeMax"));
    }

    private static double seconds(TextField f, String name) {
        try {
            double v = Double.parseDouble(f.getText().strip());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(name + ": a number of seconds, not \"" + f.getText().strip() + "\"");
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v);
    }

    private static TextField figure(String id, int columns) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(columns);
        return f;
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("caption");
        return l;
    }
}
