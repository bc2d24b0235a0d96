package org.netstreamfx.app.ui.tester;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.util.Duration;
import org.netstreamfx.app.session.EntryFilter;
import org.netstreamfx.app.session.EventLine;
import org.netstreamfx.app.session.EventLines;
import org.netstreamfx.app.session.RecordingClient;
import org.netstreamfx.app.session.SessionEntry;
import org.netstreamfx.app.session.SessionRecorder;
import org.netstreamfx.app.session.StatsSample;
import org.netstreamfx.app.ui.player.PlayerState;
import org.netstreamfx.app.ui.player.PlayerViewModel;
import org.netstreamfx.app.ui.tester.health.HealthModel;
import org.netstreamfx.player.net.NetStatusCode;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.NetStatusListener;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.net.StatusLevel;

/**
 * The tester's view of the stream the Player plays: one {@link SessionRecorder} fed with every
 * NetStatus event of the player (connection and stream), every client callback, a stats sample
 * four times a second, and whatever else is logged through {@link #log()} (the settings'
 * SharedObject events). From it: the filtered event log, the live figures, the buffer chart, and
 * the stream health ({@link HealthModel}: it reads the engine's report on the same tick).
 *
 * <p>Runs on the FX thread; exports write on a thread of their own ("nsfx-tester-io"). Entries
 * recorded on another thread reach the log through {@code Platform.runLater}.
 */
public final class TesterViewModel {
    /** How often a stats sample is taken. */
    static final Duration SAMPLE_INTERVAL = Duration.millis(250);
    /** Points kept for the chart: ten minutes of samples. */
    static final int MAX_CHART_POINTS = 2400;
    /** Entries kept for the table; the recorder keeps more, and exports all it keeps. */
    static final int MAX_LOG_ENTRIES = 20_000;

    private static final Set<String> MARKED = Set.of(NetStatusCode.NETSTREAM_BUFFER_EMPTY.code(),
            NetStatusCode.NETSTREAM_BUFFER_FULL.code(), NetStatusCode.NETSTREAM_BUFFER_FLUSH.code(),
            NetStatusCode.NETSTREAM_SEEK_NOTIFY.code());

    private final PlayerViewModel player;
    private final HealthModel health;
    private final SessionRecorder recorder = new SessionRecorder(System.nanoTime());
    private final EventLines lines = new EventLines();
    private final Timeline sampler;
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "nsfx-tester-io");
        t.setDaemon(true);
        return t;
    });
    private final ObservableList<SessionEntry> entries = FXCollections.observableArrayList();
    private final FilteredList<SessionEntry> shown = new FilteredList<>(entries, e -> EntryFilter.events().matches(e));
    private final ObservableList<ChartPoint> points = FXCollections.observableArrayList();
    private final ObservableList<ChartMark> marks = FXCollections.observableArrayList();
    private final ObservableList<SessionEntry> shownView = FXCollections.unmodifiableObservableList(shown);
    private final ObservableList<ChartPoint> pointsView = FXCollections.unmodifiableObservableList(points);
    private final ObservableList<ChartMark> marksView = FXCollections.unmodifiableObservableList(marks);
    private long lastBytes = -1;
    private long lastBytesNanos;

    private final ReadOnlyObjectWrapper<EntryFilter> filter = new ReadOnlyObjectWrapper<>(this, "filter", EntryFilter.events());
    private final ReadOnlyDoubleWrapper fps = new ReadOnlyDoubleWrapper(this, "fps");
    private final ReadOnlyDoubleWrapper inputKbps = new ReadOnlyDoubleWrapper(this, "inputKbps");
    private final ReadOnlyLongWrapper droppedFrames = new ReadOnlyLongWrapper(this, "droppedFrames");
    private final ReadOnlyDoubleWrapper bufferLength = new ReadOnlyDoubleWrapper(this, "bufferLength");
    private final ReadOnlyDoubleWrapper bufferTime = new ReadOnlyDoubleWrapper(this, "bufferTime");
    private final ReadOnlyLongWrapper bytesLoaded = new ReadOnlyLongWrapper(this, "bytesLoaded");
    private final ReadOnlyDoubleWrapper avDriftMs = new ReadOnlyDoubleWrapper(this, "avDriftMs");
    private final ReadOnlyStringWrapper exportStatus = new ReadOnlyStringWrapper(this, "exportStatus", "");

    public TesterViewModel(PlayerViewModel player) {
        this.player = player;
        this.health = new HealthModel(player.streamProperty());
        recorder.addEntryListener(this::onRecorded);
        for (NetStatusEvent e : player.events()) {
            recorder.onNetStatus(e);
        }
        player.events().addListener((ListChangeListener<NetStatusEvent>) c -> {
            while (c.next()) {
                if (c.wasAdded()) {
                    c.getAddedSubList().forEach(recorder::onNetStatus);
                }
            }
        });
        player.addRtmpControlListener(e -> recorder.control(e.name(), EventLine.controlData(e), e.nanoTime()));
        player.streamProperty().addListener((o, was, now) -> recordCallbacksOf(now));
        recordCallbacksOf(player.streamProperty().get());
        sampler = new Timeline(new KeyFrame(SAMPLE_INTERVAL, e -> sample()));
        sampler.setCycleCount(Animation.INDEFINITE);
        sampler.play();
    }

    // Commands.

    /** Shows or hides the entries at {@code level}. */
    public void setLevelShown(StatusLevel level, boolean show) {
        Set<StatusLevel> levels = filter.get().levels().isEmpty() ? EnumSet.noneOf(StatusLevel.class)
                : EnumSet.copyOf(filter.get().levels());
        if (show) {
            levels.add(level);
        } else {
            levels.remove(level);
        }
        setFilter(filter.get().withLevels(levels));
    }

    /** Shows only entries containing {@code text} (case-insensitive; "" shows all). */
    public void setFilterText(String text) {
        setFilter(filter.get().withText(text));
    }

    /** Shows the stats samples in the log too. */
    public void setStatsShown(boolean show) {
        setFilter(filter.get().withStats(show));
    }

    /** Shows the raw RTMP control events (StreamBegin, SetBufferLength, acknowledgements, …) too. */
    public void setControlShown(boolean show) {
        setFilter(filter.get().withControl(show));
    }

    /** The entry as one line of text (secrets masked), for the clipboard. */
    public String copyAsText(SessionEntry entry) {
        return recorder.copyAsText(entry);
    }

    /** What the entry carries beyond its code, as JSON: details, callback data or stats fields. */
    public String detailsText(SessionEntry entry) {
        Object payload = entry.line().payload();
        return payload == null ? "" : lines.json(payload);
    }

    /** Writes the whole session as JSON lines to {@code file}, off the FX thread. */
    public CompletableFuture<Path> exportJsonLines(Path file) {
        return export(file, "JSON lines", () -> recorder.export().jsonLinesTo(file));
    }

    /** Writes the whole session as CSV to {@code file}, off the FX thread. */
    public CompletableFuture<Path> exportCsv(Path file) {
        return export(file, "CSV", () -> recorder.export().csvTo(file));
    }

    /** Stops sampling and the export thread. */
    public void dispose() {
        sampler.stop();
        io.shutdown();
    }

    // Properties.

    private final javafx.beans.binding.BooleanBinding empty = javafx.beans.binding.Bindings.isEmpty(entries);

    /** True while the session has recorded nothing at all: nothing to export. */
    public javafx.beans.binding.BooleanExpression emptyProperty() {
        return empty;
    }

    /** The entries the log shows, oldest first. */
    public ObservableList<SessionEntry> shownEntries() {
        return shownView;
    }

    /** Every buffer sample of the session, oldest first (at most MAX_CHART_POINTS). */
    public ObservableList<ChartPoint> chartPoints() {
        return pointsView;
    }

    /** Buffer.Empty/Full/Flush and Seek.Notify, oldest first. */
    public ObservableList<ChartMark> chartMarks() {
        return marksView;
    }

    public ReadOnlyObjectProperty<EntryFilter> filterProperty() {
        return filter.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty fpsProperty() {
        return fps.getReadOnlyProperty();
    }

    /** All bytes arriving (video, audio and container), kbit/s, from the bytesLoaded deltas. */
    public ReadOnlyDoubleProperty inputKbpsProperty() {
        return inputKbps.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty droppedFramesProperty() {
        return droppedFrames.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty bufferLengthProperty() {
        return bufferLength.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty bufferTimeProperty() {
        return bufferTime.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty bytesLoadedProperty() {
        return bytesLoaded.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty avDriftMsProperty() {
        return avDriftMs.getReadOnlyProperty();
    }

    /** What the last export did, "" before any. */
    public ReadOnlyStringProperty exportStatusProperty() {
        return exportStatus.getReadOnlyProperty();
    }

    /** Where other NetStatus events (SharedObject flushes) enter this session's log; any thread. */
    public NetStatusListener log() {
        return recorder;
    }

    public SessionRecorder recorder() {
        return recorder;
    }

    public PlayerViewModel player() {
        return player;
    }

    /** The stream health analysis the Health panel shows: profile, lights, findings, report. */
    public HealthModel health() {
        return health;
    }

    // FX thread.

    private void setFilter(EntryFilter f) {
        filter.set(f);
        shown.setPredicate(f::matches);
    }

    private void recordCallbacksOf(NetStream ns) {
        if (ns != null && !(ns.client() instanceof RecordingClient)) {
            ns.setClient(new RecordingClient(recorder, ns.client()));
        }
        lastBytes = -1;
    }

    private void sample() {
        NetStream ns = player.streamProperty().get();
        PlayerState s = player.stateProperty().get();
        if (ns != null && (s == PlayerState.PLAYING || s == PlayerState.BUFFERING || s == PlayerState.PAUSED)) {
            recorder.stats(StatsSample.of(ns, StatsSample.UNKNOWN), System.nanoTime());
            health.poll(ns);
        }
    }

    private void onRecorded(SessionEntry e) {
        if (Platform.isFxApplicationThread()) {
            add(e);
        } else {
            Platform.runLater(() -> add(e));
        }
    }

    private void add(SessionEntry e) {
        entries.add(e);
        if (entries.size() > MAX_LOG_ENTRIES) {
            entries.remove(0, entries.size() - MAX_LOG_ENTRIES);
        }
        e.stats().ifPresent(sample -> showSample(e, sample));
        health.entry(e);
        if (e.kind() == EventLine.Kind.STATUS && MARKED.contains(e.line().code())) {
            marks.add(new ChartMark(e.t(), e.line().code()));
            if (marks.size() > MAX_CHART_POINTS) {
                marks.remove(0);
            }
        }
    }

    private void showSample(SessionEntry e, StatsSample sample) {
        fps.set(sample.fps());
        droppedFrames.set(sample.droppedFrames());
        bufferLength.set(sample.bufferLength());
        bufferTime.set(sample.bufferTime());
        bytesLoaded.set(sample.bytesLoaded());
        avDriftMs.set(sample.avDriftMs());
        if (lastBytes >= 0 && sample.bytesLoaded() >= lastBytes && e.nanos() > lastBytesNanos) {
            inputKbps.set((sample.bytesLoaded() - lastBytes) * 8.0 / 1000.0 / ((e.nanos() - lastBytesNanos) / 1e9));
        }
        lastBytes = sample.bytesLoaded();
        lastBytesNanos = e.nanos();
        points.add(new ChartPoint(e.t(), sample.bufferLength(), sample.bufferTime()));
        if (points.size() > MAX_CHART_POINTS) {
            points.remove(0, points.size() - MAX_CHART_POINTS);
        }
    }

    private CompletableFuture<Path> export(Path file, String format, IoAction write) {
        CompletableFuture<Path> done = new CompletableFuture<>();
        exportStatus.set("Writing " + format + " to " + file.getFileName() + "…");
        io.execute(() -> {
            try {
                write.run();
                Platform.runLater(() -> {
                    exportStatus.set("Wrote " + format + " to " + file);
                    done.complete(file);
                });
            } catch (IOException | RuntimeException ex) {
                Platform.runLater(() -> {
                    exportStatus.set("Could not write " + file + ": " + ex.getMessage());
                    done.completeExceptionally(ex);
                });
            }
        });
        return done;
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}
