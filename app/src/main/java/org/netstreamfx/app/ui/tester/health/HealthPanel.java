package org.netstreamfx.app.ui.tester.health;

import java.io.File;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import org.netstreamfx.app.session.SessionEntry;
import org.netstreamfx.player.health.Profiles;

/**
 * The Tester's Health panel: the profile the stream is judged by (a built-in one, or a JSON file)
 * and a traffic light per rule group above, the chart of bit rate and keyframes with the findings
 * on its timeline beside the findings list. Choosing a finding marks its time on the chart and
 * hands its log entry to {@link #setOnFindingChosen} (the Tester selects it in the event log).
 */
public final class HealthPanel extends BorderPane {
    /** What the profile box lists besides the built-in profiles: a user's JSON file. */
    static final String FILE_CHOICE = "File…";
    /** The chart's share of the panel's width; the findings list has the rest. */
    private static final double CHART_SHARE = 0.5;

    private final HealthModel model;
    private final HealthChart chart;
    private final FindingTable table;
    private final ComboBox<String> profiles = new ComboBox<>();
    private final Label problem = new Label();
    private Consumer<SessionEntry> onChosen = e -> { };

    public HealthPanel(HealthModel model) {
        this.model = model;
        getStyleClass().add("health-panel");
        setId("health-panel");
        chart = new HealthChart(model.findings());
        chart.setId("health-chart");
        table = new FindingTable(model);
        model.reportProperty().addListener((o, was, now) -> chart.show(now));
        chart.show(model.reportProperty().get());
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                chart.select(now.timeS());
                onChosen.accept(now.entry());
            }
        });
        setTop(top());
        SplitPane split = new SplitPane(chart, table);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(CHART_SHARE);
        setCenter(split);
    }

    /** Turns the analysis on (the panel is shown): see {@link HealthModel#activate()}. */
    public void activate() {
        model.activate();
    }

    /** Where a chosen finding's log entry goes. */
    public void setOnFindingChosen(Consumer<SessionEntry> c) {
        onChosen = c == null ? e -> { } : c;
    }

    public HealthChart chart() {
        return chart;
    }

    private HBox top() {
        profiles.setId("health-profile");
        profiles.setItems(FXCollections.observableArrayList(Profiles.builtInNames()));
        profiles.getItems().add(FILE_CHOICE);
        showProfile(model.profileProperty().get());
        model.profileProperty().addListener((o, was, now) -> showProfile(now));
        profiles.setOnAction(e -> choose(profiles.getValue()));
        problem.setId("health-problem");
        problem.getStyleClass().add("health-problem");
        problem.textProperty().bind(model.problemProperty());
        problem.setMinWidth(0);
        Label title = new Label("Profile");
        title.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, title, profiles, new TrafficLights(model), problem);
        HBox.setHgrow(problem, Priority.ALWAYS);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(6, 10, 6, 10));
        return row;
    }

    private void choose(String choice) {
        if (choice == null || choice.equals(model.profileProperty().get())) {
            return;
        }
        if (FILE_CHOICE.equals(choice)) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Health profile (JSON)");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON", "*.json"));
            File f = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
            if (f == null || !model.setProfile(f.getPath())) {
                showProfile(model.profileProperty().get());
            }
        } else {
            model.setProfile(choice);
        }
    }

    /** Shows {@code name} in the box; a file's path is listed as an item of its own. */
    private void showProfile(String name) {
        if (!profiles.getItems().contains(name)) {
            profiles.getItems().add(profiles.getItems().size() - 1, name);
        }
        profiles.setValue(name);
    }
}
