package org.netstreamfx.app.ui;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/** Rows of named figures in a grid, as the publisher's and the tester's panels show them. FX thread. */
public final class StatRows {
    private StatRows() {
    }

    /**
     * Adds a row: the figure's name ("stat-name") in column 0 and its value ("stat-value", with
     * {@code id}, bound to {@code value}) in column 1.
     *
     * @return the value's label
     */
    public static Label add(GridPane grid, int row, String name, String id, ObservableValue<String> value) {
        Label n = new Label(name);
        n.getStyleClass().add("stat-name");
        Label v = new Label();
        v.setId(id);
        v.getStyleClass().add("stat-value");
        v.textProperty().bind(value);
        grid.add(n, 0, row);
        grid.add(v, 1, row);
        return v;
    }
}
