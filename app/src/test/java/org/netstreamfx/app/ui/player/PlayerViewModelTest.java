package org.netstreamfx.app.ui.player;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netstreamfx.app.ui.Fx;
import org.netstreamfx.app.ui.TestMedia;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.StatusLevel;
import org.netstreamfx.player.sink.NullAudioSink;
import org.testfx.api.FxToolkit;

/** The player's view-model on the FX toolkit (headless Monocle), driven only through its commands. */
class PlayerViewModelTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private PlayerViewModel vm;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void create() {
        vm = Fx.call(() -> new PlayerViewModel(Platform::runLater, NullAudioSink::new, new RecentItems()));
    }

    @AfterEach
    void dispose() {
        Fx.run(vm::dispose);
    }

    @Test
    void openPlaysThenPauseSeekAndResumeEachReportTheirEvent() {
        Path clip = TestMedia.clip();
        Fx.run(() -> vm.open(clip.toString()));
        assertEquals(PlayerState.OPENING, Fx.call(() -> vm.stateProperty().get()), "at once after open()");
        waitForState(PlayerState.PLAYING);
        assertEquals(List.of("NetConnection.Connect.Success", "NetStream.Play.Start", "NetStream.Buffer.Full"),
                Fx.call(() -> codes().subList(0, 3)));
        assertEquals("clip-12s.mp4", Fx.call(() -> vm.titleProperty().get()));
        assertEquals(12.0, Fx.call(() -> vm.durationProperty().get()), 0.1);
        assertEquals(List.of(clip.toString()), Fx.call(() -> List.copyOf(vm.recent().items())));
        Fx.waitUntil("the playhead to move", WAIT, () -> vm.timeProperty().get() > 0.3, this::codes);

        Fx.run(vm::togglePause);
        waitForEvent("NetStream.Pause.Notify");
        assertEquals(PlayerState.PAUSED, Fx.call(() -> vm.stateProperty().get()));

        Fx.run(() -> vm.seek(6.0));
        assertEquals(6.0, Fx.call(() -> vm.timeProperty().get()), 1e-9, "the slider shows the target at once");
        waitForEvent("NetStream.Seek.Notify");
        NetStatusEvent seek = Fx.call(() -> last("NetStream.Seek.Notify"));
        assertEquals(6.0, ((Number) seek.details()).doubleValue(), 0.05);
        assertEquals(PlayerState.PAUSED, Fx.call(() -> vm.stateProperty().get()), "a seek does not resume");

        Fx.run(vm::togglePause);
        waitForEvent("NetStream.Unpause.Notify");
        waitForState(PlayerState.PLAYING);
        Fx.waitUntil("playing on from 6 s", WAIT, () -> vm.timeProperty().get() > 6.2, () -> vm.timeProperty().get());
        assertTrue(Fx.call(() -> vm.figures().bytesLoadedProperty().get()) > 0);
        assertEquals(1.0, Fx.call(() -> vm.figures().loadedFractionProperty().get()), 1e-9, "a local file is loaded whole");
        assertEquals(null, Fx.call(() -> vm.noticeProperty().get()), "nothing went wrong");
    }

    @Test
    void seekByMovesFromThePlayheadAndStaysInsideTheStream() {
        Fx.run(() -> vm.open(TestMedia.clip().toString()));
        waitForState(PlayerState.PLAYING);
        Fx.run(() -> vm.seek(3.0));
        waitForEvent("NetStream.Seek.Notify");
        Fx.run(() -> vm.seekBy(-PlayerViewModel.SEEK_STEP));
        assertEquals(0.0, Fx.call(() -> vm.timeProperty().get()), 1e-9, "clamped at the start");
        Fx.run(() -> vm.seek(500));
        assertEquals(12.0, Fx.call(() -> vm.timeProperty().get()), 0.1, "clamped at the duration");
    }

    @Test
    void aMissingFileBecomesAnErrorNoticeWithWhatToDo() {
        Fx.run(() -> vm.open("/no/such/dir/missing.mp4"));
        waitForState(PlayerState.FAILED);
        Notice n = Fx.call(() -> vm.noticeProperty().get());
        assertNotNull(n);
        assertEquals("NetStream.Play.StreamNotFound", n.code());
        assertEquals(StatusLevel.ERROR, n.level());
        assertEquals("Check the file path or the URL, then open it again.", n.advice());
        assertTrue(n.text().startsWith("NetStream.Play.StreamNotFound: "), n.text());

        Fx.run(vm::dismissNotice);
        assertEquals(null, Fx.call(() -> vm.noticeProperty().get()));
        Fx.run(() -> vm.open(TestMedia.clip().toString()));
        waitForState(PlayerState.PLAYING);
    }

    @Test
    void anUnreachableHttpServerGetsNetworkAdvice() {
        Fx.run(() -> vm.open("http://127.0.0.1:1/missing.mp4"));
        waitForState(PlayerState.FAILED);
        Notice n = Fx.call(() -> vm.noticeProperty().get());
        assertTrue(List.of("NetStream.Play.Failed", "NetStream.Play.StreamNotFound").contains(n.code()), n.code());
        assertTrue(n.advice().contains("server"), n.advice());
    }

    @Test
    void anRtmpServerThatCannotBeReachedIsAConnectFailedNotice() {
        Fx.run(() -> vm.open("rtmp://127.0.0.1:1/live/cam"));
        waitForState(PlayerState.FAILED);
        assertEquals("NetConnection.Connect.Failed", Fx.call(() -> vm.noticeProperty().get().code()));
        assertTrue(Fx.call(() -> codes().contains("NetConnection.Connect.Failed")));
    }

    @Test
    void bufferTimeVolumeAndMuteReachTheStream() {
        Fx.run(() -> vm.open(TestMedia.clip().toString()));
        waitForState(PlayerState.PLAYING);
        assertFalse(Fx.call(() -> vm.urls().setBufferTime(-1)));
        assertFalse(Fx.call(() -> vm.urls().setBufferTime(PlayerViewModel.MAX_BUFFER_TIME + 1)));
        assertFalse(Fx.call(() -> vm.urls().setBufferTime(Double.NaN)));
        assertTrue(Fx.call(() -> vm.urls().setBufferTime(2.5)));
        assertEquals(2.5, Fx.call(() -> vm.streamProperty().get().bufferTime()));
        assertEquals(2.5, Fx.call(() -> vm.urls().bufferTimeProperty().get()));

        Fx.run(() -> vm.setVolume(0.4));
        assertEquals(0.4, Fx.call(() -> vm.streamProperty().get().volume()), 1e-9);
        Fx.run(vm::toggleMute);
        assertTrue(Fx.call(() -> vm.mutedProperty().get()));
        assertEquals(0.0, Fx.call(() -> vm.streamProperty().get().volume()));
        Fx.run(vm::toggleMute);
        assertEquals(0.4, Fx.call(() -> vm.streamProperty().get().volume()), 1e-9);
    }

    @Test
    void theEndIsEndedAndPlayAgainStartsOver() {
        Fx.run(() -> vm.open(TestMedia.clip().toString()));
        waitForState(PlayerState.PLAYING);
        Fx.run(() -> vm.seek(11.5));
        waitForState(PlayerState.ENDED);
        assertTrue(Fx.call(() -> codes().contains("NetStream.Play.Stop")));
        Fx.run(vm::togglePause);
        waitForState(PlayerState.PLAYING);
    }

    private void waitForState(PlayerState s) {
        Fx.waitUntil("state " + s, WAIT, () -> vm.stateProperty().get() == s,
                () -> vm.stateProperty().get() + " after " + codes() + ", notice " + vm.noticeProperty().get());
    }

    private void waitForEvent(String code) {
        Fx.waitUntil(code, WAIT, () -> codes().contains(code), this::codes);
    }

    private List<String> codes() {
        return vm.events().stream().map(NetStatusEvent::code).toList();
    }

    private NetStatusEvent last(String code) {
        List<NetStatusEvent> all = vm.events().stream().filter(e -> e.code().equals(code)).toList();
        return all.get(all.size() - 1);
    }

    /** Issue 12 #6: every Play.Start (a replay, a reconnect on the same stream) counts dropped frames from 0. */
    @Test
    void droppedFramesAreLatePlusReplacedAndEachPlayStartsFromZero() {
        javafx.beans.property.SimpleLongProperty replaced = new javafx.beans.property.SimpleLongProperty();
        Fx.run(() -> vm.countReplacedFrames(replaced));
        Path clip = TestMedia.clip();
        Fx.run(() -> vm.open(clip.toString()));
        waitForState(PlayerState.PLAYING);
        Fx.run(() -> replaced.set(40));
        assertEquals(40, Fx.call(() -> vm.figures().replacedFramesProperty().get()));
        assertEquals(Fx.call(() -> vm.figures().lateFramesProperty().get() + 40), Fx.call(() -> vm.figures().droppedFramesProperty().get()));
        long starts = Fx.call(() -> codes().stream().filter("NetStream.Play.Start"::equals).count());
        // The same picture's count goes on (as on an engine reconnect of the same stream).
        Fx.run(() -> vm.open(clip.toString()));
        Fx.waitUntil("a new Play.Start", WAIT,
                () -> codes().stream().filter("NetStream.Play.Start"::equals).count() > starts, this::codes);
        assertEquals(0, Fx.call(() -> vm.figures().replacedFramesProperty().get()));
        Fx.run(() -> replaced.set(43));
        assertEquals(3, Fx.call(() -> vm.figures().replacedFramesProperty().get()));
        assertTrue(Fx.call(() -> vm.figures().droppedFramesProperty().get()) < 40);
    }
}
