package org.netstreamfx.app.ui.player;

import java.util.function.BooleanSupplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.util.Duration;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.net.StatusLevel;

/**
 * The playlist of a {@link PlayerViewModel}: the list, which item plays, the loop modes, A–B
 * repeat, and moving on after an item ends or fails. The view reads the loop mode and the A–B
 * range, and plays an item of the list, through {@link PlayerViewModel#playlists()}.
 *
 * <p>Owned by the view model, which it plays items through; everything here runs on the FX thread.
 */
public final class PlaylistControl {
    /** How often the playhead is read against B while an A–B range is set (a tighter loop than the poll). */
    private static final Duration AB_POLL_INTERVAL = Duration.millis(20);
    /** How long a failed item's notice shows before the list moves on to the next item. */
    public static final Duration SKIP_DELAY = Duration.seconds(1.5);

    private final PlayerViewModel vm;
    private final BooleanSupplier abCheckable;
    private final Playlist playlist = new Playlist();
    private final ReadOnlyObjectWrapper<LoopMode> loopMode;
    private final ABRepeat ab = new ABRepeat();
    private final Timeline abPoll = new Timeline(new KeyFrame(AB_POLL_INTERVAL, e -> checkABRepeat()));
    private final PauseTransition skipTimer = new PauseTransition(SKIP_DELAY);
    /** The playhead when A–B was last checked: a jump happens when it crosses B. */
    private double abLastTime = Double.NaN;
    /** The phase became FAILED during the event being handled. */
    private boolean failedNow;

    /**
     * @param vm          the view model, which plays the items
     * @param abCheckable playing or buffering, and no seek under way (A–B repeat checks only then)
     */
    PlaylistControl(PlayerViewModel vm, BooleanSupplier abCheckable) {
        this.vm = vm;
        this.abCheckable = abCheckable;
        loopMode = new ReadOnlyObjectWrapper<>(vm, "loopMode", LoopMode.OFF);
        abPoll.setCycleCount(Animation.INDEFINITE);
        ab.bProperty().addListener((o, was, now) -> {
            if (Double.isNaN(now.doubleValue())) {
                abPoll.stop();
            } else {
                abPoll.play();
            }
        });
    }

    Playlist playlist() {
        return playlist;
    }

    /** Off, loop one or loop all (R cycles them). */
    public ReadOnlyObjectProperty<LoopMode> loopModeProperty() {
        return loopMode.getReadOnlyProperty();
    }

    /** The A–B range (NaN ends when unset) and its text, "A 0:03.2 – B 0:07.9". */
    public ABRepeat abRepeat() {
        return ab;
    }

    /** A failed item's notice is showing and the next item will play when it ends (tests). */
    boolean skipPending() {
        return skipTimer.getStatus() == Animation.Status.RUNNING;
    }

    // Called on the FX thread by the view model.

    /** Makes item {@code index} the current one (clears its failed mark) and returns what it plays. */
    MediaAddress select(int index) {
        skipTimer.stop();
        playlist.setCurrent(index);
        Playlist.Entry e = playlist.currentEntry();
        e.setFailed(false);
        return e.media();
    }

    /** An open begins; {@code newItem}: a new item (clears A–B), not the same one played again. */
    void opening(boolean newItem) {
        if (newItem) {
            ab.clear();
        }
        abLastTime = Double.NaN;
    }

    /** The item playing is played again after its end or failure: its failed mark goes. */
    void clearCurrentFailed() {
        Playlist.Entry e = playlist.currentEntry();
        if (e != null) {
            e.setFailed(false);
        }
    }

    /** The phase has just become FAILED. */
    void failed() {
        failedNow = true;
    }

    /** Close (Ctrl+W): the list empties. */
    void clear() {
        skipTimer.stop();
        playlist.clear();
        ab.clear();
    }

    void dispose() {
        abPoll.stop();
        skipTimer.stop();
    }

    /** Plays item {@code index} of the playlist (a double-click in the list; clears its failed mark). */
    public void playAt(int index) {
        if (index >= 0 && index < playlist.size()) {
            vm.playItem(index);
        }
    }

    void playNext() {
        int i = playlist.nextIndex(loopMode.get() == LoopMode.ALL);
        if (i >= 0) {
            vm.playItem(i);
        }
    }

    void playPrevious() {
        int i = playlist.previousIndex(loopMode.get() == LoopMode.ALL);
        if (i >= 0) {
            vm.playItem(i);
        } else if (vm.durationProperty().get() > 0 && vm.streamProperty().get() != null) {
            vm.seek(0);
        }
    }

    void cycleLoopMode() {
        loopMode.set(loopMode.get().next());
    }

    void cycleABRepeat() {
        if (!(vm.durationProperty().get() > 0) || vm.streamProperty().get() == null) {
            vm.postNotice(new Notice("NetStreamFX.ABRepeat.Unavailable", StatusLevel.WARNING,
                    "A–B repeat needs a file or a recorded stream with a duration.",
                    "Open a file, then press B at A and again at B."));
            return;
        }
        double time = vm.timeProperty().get();
        if (!ab.press(time)) {
            vm.postNotice(new Notice("NetStreamFX.ABRepeat.TooShort", StatusLevel.WARNING,
                    "B must be at least " + ABRepeat.MIN_SPAN_S + " s away from A.",
                    "Let it play a little further, then press B again."));
            return;
        }
        // Just set B where the playhead is: that is a crossing, so the range starts over from A
        // now (as mpv does); otherwise the check goes on from here.
        abLastTime = ab.complete() ? ab.a() : time;
    }

    /** The title: the item's name, with its place in the list when there is more than one, "clip.mp4 · 3/12". */
    String titleOf(MediaAddress a) {
        if (a == null) {
            return "";
        }
        int i = playlist.current();
        return playlist.size() > 1 && i >= 0 ? a.displayName() + " · " + (i + 1) + "/" + playlist.size()
                : a.displayName();
    }

    /** At Play.Stop: A–B back to A, loop one, the next item, or round the list with loop all. */
    void atEnd() {
        boolean seekable = vm.durationProperty().get() > 0;
        Playlist.Entry e = playlist.currentEntry();
        if (e != null) {
            e.setLive(!seekable);
        }
        if (seekable && ab.complete()) {
            replayFrom(ab.a());
            return;
        }
        if (loopMode.get() == LoopMode.ONE) {
            if (seekable) {
                replayFrom(0);
            }
            return; // live streams never loop
        }
        int next = playlist.nextPlayable(loopMode.get() == LoopMode.ALL);
        if (next < 0) {
            return;
        }
        if (next == playlist.current()) {
            replayFrom(0); // loop all over a list where only this item plays (never live: see nextPlayable)
        } else {
            vm.playItem(next);
        }
    }

    /** Plays the same stream again from {@code seconds}: a seek after Play.Stop plays on (no new open). */
    private void replayFrom(double seconds) {
        vm.seek(seconds);
        abLastTime = seconds;
    }

    /** After an error that failed the item: mark it, and after a short notice play the next one. */
    void afterFailure(NetStatusEvent e) {
        if (!failedNow) {
            return;
        }
        failedNow = false;
        Playlist.Entry failed = playlist.currentEntry();
        if (failed == null || playlist.size() <= 1) {
            return;
        }
        failed.setFailed(true);
        int next = playlist.nextPlayable(loopMode.get() == LoopMode.ALL);
        if (next < 0 || next == playlist.current()) {
            return; // nothing left that has not failed: the list stops here
        }
        Notice shown = vm.noticeProperty().get();
        Notice skipped = new Notice(e.code(), StatusLevel.WARNING,
                shown != null ? shown.description() : e.description(),
                "Skipped " + failed.title() + ": playing " + (next + 1) + "/" + playlist.size() + " next.");
        vm.postNotice(skipped);
        Playlist.Entry then = playlist.entries().get(next);
        skipTimer.setOnFinished(t -> {
            int i = playlist.entries().indexOf(then); // the list may have changed meanwhile
            if (i >= 0) {
                vm.playItem(i);
                vm.postNotice(skipped); // the open cleared it: it stays its time (a warning hides itself)
            }
        });
        skipTimer.playFromStart();
    }

    /** Jumps back to A when the playhead crosses B (from the poll and the A–B timer). */
    void checkABRepeat() {
        NetStream ns = vm.streamProperty().get();
        if (ns == null || !ab.complete() || !abCheckable.getAsBoolean()) {
            return;
        }
        double now = ns.time();
        double before = Double.isNaN(abLastTime) ? now : abLastTime;
        abLastTime = now;
        if (ab.crossedB(before, now)) {
            replayFrom(ab.a());
        }
    }
}
