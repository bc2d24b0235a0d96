package org.netstreamfx.app.ui.tester.health;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The findings list: time on the stream, severity, rule, what is wrong and what to change, newest
 * first; a clear reads "cleared" in the severity column.
 */
final class FindingTable extends TableView<FindingRow> {
    FindingTable(HealthModel model) {
        super(model.findings());
        setId("health-findings");
        setPlaceholder(new Label("No findings."));
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY);
        // Time, severity and rule never cut; description and advice share the rest.
        getColumns().add(column("Time", 64, 56, f -> String.format(Locale.ROOT, "%.1f s", f.timeS())));
        getColumns().add(column("Severity", 76, 70, f -> f.cleared() ? "cleared" : f.severity()));
        getColumns().add(column("Rule", 140, 130, FindingRow::rule));
        getColumns().add(column("Description", 200, 90, FindingRow::message));
        getColumns().add(column("What to change", 240, 110, FindingRow::advice));
    }

    private static TableColumn<FindingRow, String> column(String title, double width, double least,
                                                          Function<FindingRow, String> text) {
        TableColumn<FindingRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(least);
        c.setSortable(false);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(text.apply(f.getValue())).getReadOnlyProperty());
        return c;
    }
}
