package org.netstreamfx.app.ui.tester;

import java.util.function.LongPredicate;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Fault injection: bandwidth, latency and drop-after fields, the proxy on/off, drop now. */
final class FaultPanel extends VBox {
    FaultPanel(FaultInjection faults) {
        super(8);
        getStyleClass().add("fault-panel");
        Label title = new Label("Fault injection");
        title.getStyleClass().add("section-title");
        GridPane fields = new GridPane();
        fields.setHgap(8);
        fields.setVgap(4);
        field(fields, 0, "Bandwidth (kbit/s)", "fault-bandwidth", faults.bandwidthKbpsProperty(),
                faults::setBandwidthKbps);
        field(fields, 1, "Latency each way (ms)", "fault-latency", faults.latencyMsProperty(), faults::setLatencyMs);
        field(fields, 2, "Drop after (s)", "fault-drop-after", faults.dropAfterSecondsProperty(),
                faults::setDropAfterSeconds);
        ToggleButton on = new ToggleButton("Play through proxy");
        on.setId("fault-toggle");
        on.selectedProperty().addListener((o, was, now) -> {
            if (now && !faults.activeProperty().get()) {
                faults.start();
            } else if (!now && faults.activeProperty().get()) {
                faults.stop();
            }
        });
        faults.activeProperty().addListener((o, was, now) -> on.setSelected(now));
        Button drop = new Button("Drop now");
        drop.setId("fault-drop-now");
        drop.disableProperty().bind(faults.activeProperty().not());
        drop.setOnAction(e -> faults.dropNow());
        Label status = new Label();
        status.setId("fault-status");
        status.setWrapText(true);
        status.getStyleClass().add("fault-status");
        status.textProperty().bind(faults.statusProperty());
        Label hint = new Label("0 turns a fault off. Faults apply at once while the proxy runs.");
        hint.setWrapText(true);
        hint.getStyleClass().add("fault-hint");
        getChildren().addAll(title, fields, hint, new HBox(8, on, drop), status);
    }

    private static void field(GridPane grid, int row, String name, String id, ReadOnlyLongProperty value,
                              LongPredicate set) {
        TextField f = new TextField(Long.toString(value.get()));
        f.setId(id);
        f.setPrefColumnCount(6);
        Runnable commit = () -> {
            try {
                if (!set.test(Long.parseLong(f.getText().trim()))) {
                    f.setText(Long.toString(value.get()));
                }
            } catch (NumberFormatException e) {
                f.setText(Long.toString(value.get()));
            }
        };
        f.setOnAction(e -> commit.run());
        f.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commit.run();
            }
        });
        grid.add(new Label(name), 0, row);
        grid.add(f, 1, row);
    }
}
