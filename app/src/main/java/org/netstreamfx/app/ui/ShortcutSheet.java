package org.netstreamfx.app.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The keyboard shortcut sheet (F1, or ? while no text field is being edited): every row of the
 * action table that has a key or a gesture, menu by menu, as "title … key". A window of its own
 * beside the main one, not modal; Esc or F1 closes it. Rows are labels with the style classes
 * {@code shortcut-title} and {@code shortcut-key} in {@code shortcut-row} grids.
 */
public final class ShortcutSheet {
    private final List<AppAction> actions;
    private Stage stage;

    public ShortcutSheet(List<AppAction> actions) {
        this.actions = actions;
    }

    /** Shows the sheet over {@code owner} (or brings it to the front). */
    public void show(Window owner) {
        if (stage == null) {
            stage = new Stage();
            if (owner != null) {
                stage.initOwner(owner);
            }
            stage.setTitle("Keyboard shortcuts — NetStreamFX");
            Scene scene = new Scene(content(), 560, 620);
            scene.getStylesheets().add(MainWindow.STYLESHEET);
            scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.ESCAPE || AppActions.SHORTCUTS_KEY.match(e)) {
                    stage.hide();
                    e.consume();
                }
            });
            stage.setScene(scene);
        }
        stage.show();
        stage.toFront();
    }

    /** The sheet's window while it is shown, else null. */
    public Stage stage() {
        return stage != null && stage.isShowing() ? stage : null;
    }

    /**
     * The README's shortcut table for {@code actions}: a header, then one row per key or gesture,
     * {@code | Ctrl+O | File ▸ Open file… |}, in table order, with Ctrl as on Linux and Windows. A
     * test checks the README against it, so the docs cannot drift from the menus.
     */
    public static List<String> markdown(List<AppAction> actions) {
        List<String> out = new ArrayList<>(List.of("| key | action |", "| --- | --- |"));
        for (AppAction a : actions) {
            if (a.hasShortcut()) {
                out.add("| " + a.readmeShortcutText().replace("|", "\\|") + " | " + a.menu().title() + " ▸ "
                        + a.title() + " |");
            }
        }
        return out;
    }

    private ScrollPane content() {
        VBox sections = new VBox(14);
        sections.setId("shortcut-sheet");
        sections.getStyleClass().add("shortcut-sheet");
        sections.setPadding(new Insets(16));
        for (AppAction.Menu m : AppAction.Menu.values()) {
            GridPane grid = new GridPane();
            grid.getStyleClass().add("shortcut-rows");
            grid.setHgap(24);
            grid.setVgap(6);
            int row = 0;
            for (AppAction a : actions) {
                if (a.menu() != m || !a.hasShortcut()) {
                    continue;
                }
                Label title = new Label(a.title());
                title.getStyleClass().add("shortcut-title");
                title.setMnemonicParsing(false);
                Label key = new Label(a.shortcutText());
                key.setId("shortcut-" + a.id());
                key.getStyleClass().add("shortcut-key");
                key.setMnemonicParsing(false);
                grid.add(title, 0, row);
                grid.add(key, 1, row);
                row++;
            }
            if (row > 0) {
                Label heading = new Label(m.title());
                heading.getStyleClass().add("section-title");
                sections.getChildren().addAll(heading, grid);
            }
        }
        Label note = new Label("Single keys act in the Player and are typed instead while you edit a text field "
                + "(one you clicked into or reached with Tab). Keys with Ctrl (Cmd on macOS) work in every view, except "
                + "Ctrl+C, which copies the event selected in the Tester's log.");
        note.setWrapText(true);
        note.getStyleClass().add("caption");
        sections.getChildren().add(note);
        sections.setAlignment(Pos.TOP_LEFT);
        ScrollPane scroll = new ScrollPane(sections);
        scroll.setFitToWidth(true);
        return scroll;
    }
}
