package org.netstreamfx.app.ui.player;

import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The playlist beside the picture: the items' names in order, the one playing marked "▶" (and
 * bold), failed ones "(failed)" (and red); double-click (or Enter) plays an item, Delete removes it.
 */
final class PlaylistPanel extends VBox {
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final ListView<Playlist.Entry> list;

    PlaylistPanel(PlayerViewModel vm) {
        getStyleClass().add("playlist-panel");
        setId("playlist-panel");
        Playlist playlist = vm.playlist();
        Label header = new Label();
        header.getStyleClass().add("caption");
        header.textProperty().bind(Bindings.createStringBinding(() -> "Playlist · " + playlist.size()
                + (playlist.size() == 1 ? " item" : " items"), playlist.entries()));
        list = new ListView<>(playlist.entries());
        list.setId("playlist");
        list.setPlaceholder(new Label("Open or drop several files"));
        list.setCellFactory(v -> new ListCell<>() {
            {
                textProperty().addListener((o, was, now) -> mark());
            }

            @Override
            protected void updateItem(Playlist.Entry item, boolean empty) {
                super.updateItem(item, empty);
                textProperty().unbind();
                if (empty || item == null) {
                    setText(null);
                    setTooltip(null);
                } else {
                    textProperty().bind(Bindings.createStringBinding(
                            () -> (playlist.currentEntry() == item ? "▶ " : "") + (getIndex() + 1) + ".  "
                                    + item.title() + (item.failed() ? "  (failed)" : ""),
                            item.failedProperty(), indexProperty(), playlist.currentProperty()));
                    setTooltip(new javafx.scene.control.Tooltip(item.title()));
                }
                mark();
            }

            private void mark() {
                Playlist.Entry item = getItem();
                pseudoClassStateChanged(CURRENT, item != null && playlist.currentEntry() == item);
                pseudoClassStateChanged(FAILED, item != null && item.failed());
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                playSelected(vm);
            }
        });
        list.setOnKeyPressed(e -> {
            int i = list.getSelectionModel().getSelectedIndex();
            if ((e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) && i >= 0) {
                vm.removeAt(i);
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                playSelected(vm);
                e.consume();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(header, list);
        setPrefWidth(240);
        setMinWidth(160);
    }

    ListView<Playlist.Entry> list() {
        return list;
    }

    private void playSelected(PlayerViewModel vm) {
        int i = list.getSelectionModel().getSelectedIndex();
        if (i >= 0) {
            vm.playlists().playAt(i);
        }
    }
}
