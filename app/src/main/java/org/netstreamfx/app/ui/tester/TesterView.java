package org.netstreamfx.app.ui.tester;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.netstreamfx.app.session.SessionEntry;
import org.netstreamfx.app.ui.FitRow;
import org.netstreamfx.app.ui.Icons;
import org.netstreamfx.app.ui.SidePane;
import org.netstreamfx.app.ui.tester.health.HealthPanel;
import org.netstreamfx.player.net.StatusLevel;

/**
 * The tester: a tool bar (level and text filters, stats in the log, copy, export), the live event
 * log over the buffer chart and the Health panel (a tab each), and beside them the live figures and fault injection. It watches the
 * stream the Player plays.
 */
public final class TesterView extends BorderPane {
    private final TesterViewModel vm;
    private final ExportPicker exportPicker;
    private final TableView<SessionEntry> log = new TableView<>();
    /** How long a message stays on the status line before it fades. */
    static final double MESSAGE_SECONDS = 4;
    /** Room kept for the log's vertical scroll bar when its columns' minimums are added up. */
    private static final double VERTICAL_SCROLL_BAR_PX = 20;
    private final Label status = new Label();
    private final javafx.animation.SequentialTransition fade;

    public TesterView(TesterViewModel vm, FaultInjection faults, ExportPicker exportPicker) {
        this.vm = vm;
        this.exportPicker = exportPicker;
        javafx.animation.FadeTransition out = new javafx.animation.FadeTransition(javafx.util.Duration.millis(600), status);
        out.setToValue(0);
        fade = new javafx.animation.SequentialTransition(
                new javafx.animation.PauseTransition(javafx.util.Duration.seconds(MESSAGE_SECONDS)), out);
        getStyleClass().add("tester-view");
        setTop(toolBar());
        buildLog();
        BufferChart chart = new BufferChart(vm.chartPoints(), vm.chartMarks());
        chart.setId("buffer-chart");
        HealthPanel health = new HealthPanel(vm.health());
        health.setOnFindingChosen(this::selectInLog);
        SplitPane split = new SplitPane(log, charts(chart, health));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        setCenter(split);
        Label statsTitle = new Label("Live stats");
        statsTitle.getStyleClass().add("section-title");
        VBox side = new VBox(10, statsTitle, new StatsPanel(vm), new FaultPanel(faults));
        side.getStyleClass().add("tester-side");
        side.setPadding(new Insets(10));
        // Scrolls when the window is too low for it (issue 12, defect 4).
        ScrollPane sideScroll = SidePane.of(side, "tester-side-scroll");
        sideScroll.setPrefViewportWidth(290);
        setRight(sideScroll);
        setBottom(statusLine());
        vm.exportStatusProperty().addListener((o, was, now) -> {
            if (!now.isEmpty()) {
                say(now, now.startsWith("Writing") || now.startsWith("Could not"));
            }
        });
    }

    /** The buffer chart and the Health panel, a tab each (the buffer chart first). */
    private static TabPane charts(BufferChart chart, HealthPanel health) {
        Tab buffer = new Tab("Buffer", chart);
        buffer.setId("tab-buffer");
        Tab healthTab = new Tab("Health", health);
        healthTab.setId("tab-health");
        // The analysis starts when the panel is first shown: no health events in a session before.
        healthTab.selectedProperty().addListener((o, was, now) -> health.activate());
        TabPane tabs = new TabPane(buffer, healthTab);
        tabs.setId("tester-charts");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    /** Selects {@code e} in the event log and scrolls to it, when the filters show it. */
    private void selectInLog(SessionEntry e) {
        if (log.getItems().contains(e)) {
            log.getSelectionModel().select(e);
            log.scrollTo(e);
        }
    }

    /** The rail's icon: a chart line (Material Design "show_chart", Apache License 2.0), styled as {@code .icon}. */
    public static Region icon(double size) {
        return Icons.CHART.node(size);
    }

    public TableView<SessionEntry> log() {
        return log;
    }

    private FitRow toolBar() {
        HBox levels = FitRow.group(8);
        for (StatusLevel level : StatusLevel.values()) {
            String name = level.wireName();
            CheckBox c = new CheckBox(name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1));
            c.setId("level-" + name);
            c.setSelected(vm.filterProperty().get().levels().contains(level));
            c.selectedProperty().addListener((o, was, now) -> vm.setLevelShown(level, now));
            c.setMinWidth(Region.USE_PREF_SIZE);
            levels.getChildren().add(c);
        }
        CheckBox stats = new CheckBox("Stats");
        stats.setId("show-stats");
        stats.selectedProperty().addListener((o, was, now) -> vm.setStatsShown(now));
        CheckBox control = new CheckBox("RTMP control");
        control.setId("show-control");
        control.setTooltip(new javafx.scene.control.Tooltip("Raw RTMP control messages, both ways: StreamBegin, "
                + "StreamEOF, StreamDry, SetBufferLength, Acknowledgement, SetChunkSize, ping…"));
        control.selectedProperty().addListener((o, was, now) -> vm.setControlShown(now));
        TextField text = new TextField();
        text.setId("log-filter");
        text.setPromptText("Filter: code, description, details…");
        text.setPrefColumnCount(18);
        text.textProperty().addListener((o, was, now) -> vm.setFilterText(now));
        Button copy = new Button("Copy event");
        copy.setId("copy-event");
        copy.disableProperty().bind(log.getSelectionModel().selectedItemProperty().isNull());
        copy.setOnAction(e -> copySelectedEvent());
        Button json = new Button("Export JSON lines");
        json.setId("export-jsonl");
        json.setOnAction(e -> exportSession(ExportPicker.Format.JSON_LINES));
        Button csv = new Button("Export CSV");
        csv.setId("export-csv");
        csv.setOnAction(e -> exportSession(ExportPicker.Format.CSV));
        // Groups that wrap onto a second line rather than cut a control (issue 12, defect 4).
        FitRow bar = new FitRow(8, 6, levels, FitRow.group(8, stats, control), FitRow.group(8, text),
                FitRow.alignRight(FitRow.group(8, copy, json, csv)));
        bar.getStyleClass().add("tool-bar");
        bar.setPadding(new Insets(6, 10, 6, 10));
        return bar;
    }

    /**
     * The status line under the log: what an export or a copy did. A message shows at once and
     * fades after {@link #MESSAGE_SECONDS}; one that is still under way or failed stays until the
     * next. It never takes room from the tool bar.
     */
    private HBox statusLine() {
        status.setId("tester-status");
        status.getStyleClass().add("tester-status");
        status.setMaxWidth(Double.MAX_VALUE);
        status.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
        status.setOpacity(0);
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox line = new HBox(status);
        line.getStyleClass().add("tester-status-line");
        line.setPadding(new Insets(3, 10, 3, 10));
        line.setMinHeight(Region.USE_PREF_SIZE);
        return line;
    }

    /** Shows {@code message} on the status line; it fades unless {@code stay}. */
    void say(String message, boolean stay) {
        fade.stop();
        status.setText(message);
        status.setTooltip(new javafx.scene.control.Tooltip(message));
        status.setOpacity(1);
        if (!stay) {
            fade.playFromStart();
        }
    }

    private void buildLog() {
        log.setId("event-log");
        log.setItems(vm.shownEntries());
        log.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        log.setPlaceholder(new Label("No events yet: open something in the Player."));
        // Time, Code and Level never cut: each is at least as wide as its longest usual text.
        TableColumn<SessionEntry, String> time = column("Time", 80, e -> String.format(Locale.ROOT, "%.3f", e.t()));
        time.setMinWidth(fit("00000.000"));
        time.setStyle("-fx-alignment: CENTER-RIGHT;");
        TableColumn<SessionEntry, String> code = column("Code", 270,
                e -> Objects.requireNonNullElse(e.line().code(), e.line().type()));
        code.setMinWidth(fit("NetStreamFX.Connect.Reconnecting"));
        TableColumn<SessionEntry, String> level = column("Level", 72, TesterView::levelText);
        level.setMinWidth(fit("warning"));
        log.getColumns().add(time);
        log.getColumns().add(code);
        log.getColumns().add(level);
        // Never narrower than their titles: at the window's minimum the log scrolls sideways instead.
        TableColumn<SessionEntry, String> description = column("Description", 240, e -> e.line().description());
        description.setMinWidth(fit("Description"));
        TableColumn<SessionEntry, String> details = column("Details", 260, vm::detailsText);
        details.setMinWidth(fit("Details"));
        log.getColumns().add(description);
        log.getColumns().add(details);
        // The columns share the log's width while their minimums fit in it; in a narrower window
        // each keeps its width and the log scrolls sideways (the constrained policy has no scroll
        // bar: the last columns were out of reach; issue 12, defect 4).
        log.widthProperty().addListener((o, was, now) -> {
            double least = VERTICAL_SCROLL_BAR_PX;
            for (TableColumn<SessionEntry, ?> c : log.getColumns()) {
                least += c.getMinWidth();
            }
            var policy = least <= now.doubleValue() ? TableView.CONSTRAINED_RESIZE_POLICY
                    : TableView.UNCONSTRAINED_RESIZE_POLICY;
            if (log.getColumnResizePolicy() != policy) {
                log.setColumnResizePolicy(policy);
            }
        });
        log.setOnKeyPressed(e -> {
            if (new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN).match(e)) {
                copySelectedEvent();
            }
        });
        // Follow the newest entry unless the user scrolled or selected one.
        log.getItems().addListener((javafx.collections.ListChangeListener<SessionEntry>) c -> {
            if (log.getSelectionModel().isEmpty() && !log.getItems().isEmpty()) {
                log.scrollTo(log.getItems().size() - 1);
            }
        });
    }

    /**
     * What the Level column shows: a status event's level; "control" for a raw RTMP control event;
     * nothing for a callback or a stats sample, which have no level of their own (the level filter
     * still counts callbacks and control events as "status", see {@link SessionEntry#level()}).
     */
    static String levelText(SessionEntry e) {
        return switch (e.kind()) {
            case STATUS -> e.line().level();
            case CONTROL -> "control";
            case CALLBACK, STATS -> "";
        };
    }

    /** A column width that shows {@code text} whole in the app's 13 px font, with the cell's padding and a margin. */
    private static double fit(String text) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(javafx.scene.text.Font.font("DejaVu Sans", 13));
        return Math.ceil(t.getLayoutBounds().getWidth() * 1.08 + 20);
    }

    private static TableColumn<SessionEntry, String> column(String title, double width,
                                                            Function<SessionEntry, String> text) {
        TableColumn<SessionEntry, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(text.apply(f.getValue())).getReadOnlyProperty());
        return c;
    }

    /** Copies the event selected in the log as one line of text (Copy event, Ctrl+C in the log). */
    public void copySelectedEvent() {
        SessionEntry e = log.getSelectionModel().getSelectedItem();
        if (e != null) {
            ClipboardContent content = new ClipboardContent();
            content.putString(vm.copyAsText(e));
            Clipboard.getSystemClipboard().setContent(content);
            String code = Objects.requireNonNullElse(e.line().code(), e.line().type());
            say(String.format(Locale.ROOT, "Copied %s at %.3f s to the clipboard.", code, e.t()), false);
        }
    }

    /** Asks where to write the session in {@code format}, and writes it there (Export JSON lines / CSV). */
    public void exportSession(ExportPicker.Format format) {
        exportPicker.pick(getScene() == null ? null : getScene().getWindow(), format).ifPresent(file -> {
            if (format == ExportPicker.Format.JSON_LINES) {
                vm.exportJsonLines(file);
            } else {
                vm.exportCsv(file);
            }
        });
    }
}
