package org.netstreamfx.app.ui.tester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netstreamfx.app.session.SessionEntry;
import org.netstreamfx.app.ui.Fx;
import org.netstreamfx.app.ui.TestMedia;
import org.netstreamfx.app.ui.player.PlayerState;
import org.netstreamfx.app.ui.player.PlayerViewModel;
import org.netstreamfx.app.ui.player.RecentItems;
import org.netstreamfx.player.net.NetStatusCode;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.StatusLevel;
import org.netstreamfx.player.sink.NullAudioSink;
import org.testfx.api.FxToolkit;

/** The tester's view-model on the FX toolkit (headless Monocle), watching a real player. */
class TesterViewModelTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private PlayerViewModel player;
    private TesterViewModel vm;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void create() {
        player = Fx.call(() -> new PlayerViewModel(Platform::runLater, NullAudioSink::new, new RecentItems()));
        vm = Fx.call(() -> new TesterViewModel(player));
    }

    @AfterEach
    void dispose() {
        Fx.run(() -> {
            vm.dispose();
            player.dispose();
        });
    }

    @Test
    void theLogFollowsThePlayerAndFiltersByLevelAndText() {
        Fx.run(() -> player.open(TestMedia.clip().toString()));
        Fx.waitUntil("Buffer.Full in the log", WAIT, () -> shownCodes().contains("NetStream.Buffer.Full"),
                this::shownCodes);
        Fx.waitUntil("onMetaData in the log", WAIT, () -> shownCodes().contains("onMetaData"), this::shownCodes);
        assertEquals(List.of("NetConnection.Connect.Success", "NetStream.Play.Start"),
                Fx.call(() -> shownCodes().subList(0, 2)));
        assertFalse(Fx.call(() -> shownCodes().contains("stats")), "stats only on demand");

        Fx.run(() -> vm.setFilterText("buffer"));
        assertEquals(List.of("NetStream.Buffer.Full"), Fx.call(() -> shownCodes().stream().distinct().toList()));
        Fx.run(() -> vm.setFilterText(""));

        Fx.run(() -> vm.log().onNetStatus(NetStatusEvent.of(NetStatusCode.SHAREDOBJECT_FLUSH_FAILED,
                "Could not write", "/nowhere/settings.sol", System.nanoTime())));
        Fx.waitUntil("Flush.Failed in the log", WAIT, () -> shownCodes().contains("SharedObject.Flush.Failed"),
                this::shownCodes);
        Fx.run(() -> vm.setLevelShown(StatusLevel.STATUS, false));
        assertEquals(List.of("SharedObject.Flush.Failed"), Fx.call(this::shownCodes), "errors only");
        Fx.run(() -> vm.setLevelShown(StatusLevel.ERROR, false));
        assertEquals(List.of(), Fx.call(this::shownCodes));
        Fx.run(() -> {
            vm.setLevelShown(StatusLevel.STATUS, true);
            vm.setLevelShown(StatusLevel.ERROR, true);
            vm.setStatsShown(true);
        });
        Fx.waitUntil("stats in the log on demand", WAIT, () -> shownCodes().contains("stats"), this::shownCodes);
    }

    @Test
    void theChartGainsPointsAsPlaybackRunsAndMarksSeeks() {
        Fx.run(() -> player.open(TestMedia.clip().toString()));
        Fx.waitUntil("playing", WAIT, () -> player.stateProperty().get() == PlayerState.PLAYING, this::shownCodes);
        Fx.waitUntil("3 chart points", WAIT, () -> vm.chartPoints().size() >= 3, this::shownCodes);
        int before = Fx.call(() -> vm.chartPoints().size());
        Fx.waitUntil("more chart points", WAIT, () -> vm.chartPoints().size() >= before + 3, this::shownCodes);
        ChartPoint last = Fx.call(() -> vm.chartPoints().get(vm.chartPoints().size() - 1));
        assertEquals(PlayerViewModel.DEFAULT_BUFFER_TIME, last.bufferTime(), 1e-9);
        assertTrue(Fx.call(() -> vm.chartMarks().stream().anyMatch(m -> m.label().equals("Buffer.Full"))));
        assertTrue(Fx.call(() -> vm.fpsProperty().get() > 0 || vm.bytesLoadedProperty().get() > 0));

        Fx.run(() -> player.seek(6.0));
        Fx.waitUntil("the seek marked", WAIT,
                () -> vm.chartMarks().stream().anyMatch(m -> m.label().equals("Seek.Notify")), this::shownCodes);
    }

    @Test
    void exportWritesJsonLinesThatMatchTheRecorderAndCsv(@TempDir Path dir) throws Exception {
        Fx.run(() -> player.open(TestMedia.clip().toString()));
        Fx.waitUntil("a few stats samples", WAIT, () -> vm.chartPoints().size() >= 4, this::shownCodes);
        Fx.run(player::togglePause);
        Fx.waitUntil("Pause.Notify", WAIT, () -> shownCodes().contains("NetStream.Pause.Notify"), this::shownCodes);

        Path jsonl = dir.resolve("session.jsonl");
        Fx.call(() -> vm.exportJsonLines(jsonl)).get(10, TimeUnit.SECONDS);
        List<String> lines = Files.readAllLines(jsonl, StandardCharsets.UTF_8);
        List<SessionEntry> recorded = vm.recorder().entries();
        // Samples go on after the export: the file holds the recorder's entries up to then, in order.
        assertTrue(lines.size() <= recorded.size() && lines.size() >= 8, lines.size() + " lines");
        ObjectMapper json = new ObjectMapper();
        List<String> types = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode node = json.readTree(lines.get(i));
            assertEquals(recorded.get(i).t(), node.get("t").asDouble(), 1e-9);
            assertEquals(recorded.get(i).line().type(), node.get("type").asText());
            if (node.has("code")) {
                assertEquals(recorded.get(i).line().code(), node.get("code").asText());
            }
            types.add(node.get("type").asText());
        }
        assertTrue(types.containsAll(List.of("status", "onMetaData", "stats")), types.toString());
        assertTrue(Fx.call(() -> vm.exportStatusProperty().get()).startsWith("Wrote JSON lines"));

        Path csv = dir.resolve("session.csv");
        Fx.call(() -> vm.exportCsv(csv)).get(10, TimeUnit.SECONDS);
        List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(org.netstreamfx.app.session.SessionExport.CSV_HEADER, rows.get(0));
        assertTrue(rows.get(0).startsWith("t,type,code,level,description,data,time,bufferLength,"), rows.get(0));
        assertTrue(rows.stream().anyMatch(r -> r.contains("NetStream.Pause.Notify")));
    }

    @Test
    void copyAsTextNamesTheEvent() {
        Fx.run(() -> player.open(TestMedia.clip().toString()));
        Fx.waitUntil("Play.Start", WAIT, () -> shownCodes().contains("NetStream.Play.Start"), this::shownCodes);
        String text = Fx.call(() -> vm.copyAsText(vm.shownEntries().stream()
                .filter(e -> "NetStream.Play.Start".equals(e.line().code())).findFirst().orElseThrow()));
        assertTrue(text.contains("status") && text.contains("NetStream.Play.Start"), text);
    }

    private List<String> shownCodes() {
        return vm.shownEntries().stream()
                .map(e -> e.line().code() != null ? e.line().code() : e.line().type()).toList();
    }
}
