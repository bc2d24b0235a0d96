package org.netstreamfx.app.ui.player;

import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.netstreamfx.player.net.NetStatusCode;
import org.netstreamfx.player.net.NetStatusEvent;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.source.SourceDescription;

/**
 * Where the playback of a {@link PlayerViewModel} stands: its {@link PlayerState} (the phase the
 * engine's events put it in, and whether it is paused), the playhead, the duration and the seek
 * under way. Kept apart so that the rules tying them together (a pause lasts only while playing,
 * the playhead shows the seek target until the latest seek is answered) live in one place.
 *
 * <p>Owned by the view model; everything here runs on the FX thread.
 */
final class TransportState {
    /** A Seek.Notify whose time is this close to the pending seek answers it. */
    private static final double SEEK_MATCH_S = 0.05;

    private final ReadOnlyObjectWrapper<PlayerState> state;
    private final ReadOnlyDoubleWrapper time;
    private final ReadOnlyDoubleWrapper duration;
    private final ReadOnlyBooleanWrapper seeking;
    private PlayerState phase = PlayerState.IDLE;
    private boolean paused;
    private double seekTarget = Double.NaN;

    /** @param bean the properties' bean (the view model) */
    TransportState(Object bean) {
        state = new ReadOnlyObjectWrapper<>(bean, "state", PlayerState.IDLE);
        time = new ReadOnlyDoubleWrapper(bean, "time");
        duration = new ReadOnlyDoubleWrapper(bean, "duration", -1);
        seeking = new ReadOnlyBooleanWrapper(bean, "seeking");
    }

    ReadOnlyObjectProperty<PlayerState> state() {
        return state.getReadOnlyProperty();
    }

    /** The playhead in seconds (the seek target while a seek is under way). */
    ReadOnlyDoubleProperty time() {
        return time.getReadOnlyProperty();
    }

    /** The duration in seconds, -1 while unknown or live. */
    ReadOnlyDoubleProperty duration() {
        return duration.getReadOnlyProperty();
    }

    /** A seek is under way (until its Seek.Notify, InvalidTime or Failed). */
    ReadOnlyBooleanProperty seeking() {
        return seeking.getReadOnlyProperty();
    }

    /** The phase the engine's events put the player in (PLAYING or BUFFERING also while paused). */
    PlayerState phase() {
        return phase;
    }

    /** Playing and not paused (the figures count frames only then). */
    boolean playingUnpaused() {
        return phase == PlayerState.PLAYING && !paused;
    }

    /** Playing or buffering, and no seek under way (A–B repeat checks only then). */
    boolean playingAndNotSeeking() {
        return Double.isNaN(seekTarget) && (phase == PlayerState.PLAYING || phase == PlayerState.BUFFERING);
    }

    // Called on the FX thread by the view model.

    /** The player is now in phase {@code p}; a pause ends with anything but playing or buffering. */
    void setPhase(PlayerState p) {
        phase = p;
        if (p != PlayerState.PLAYING && p != PlayerState.BUFFERING) {
            paused = false;
        }
        updateState();
    }

    /** Pause.Notify (true) or Unpause.Notify (false). */
    void setPaused(boolean p) {
        paused = p;
        updateState();
    }

    private void updateState() {
        boolean canPause = phase == PlayerState.PLAYING || phase == PlayerState.BUFFERING;
        state.set(paused && canPause ? PlayerState.PAUSED : phase);
    }

    /** Play.Start: not paused (the phase that follows shows it), and the duration if the source knows it. */
    void playStarted(SourceDescription d) {
        paused = false;
        readDuration(d);
    }

    /**
     * Seeks {@code ns} to {@code seconds}, clamped to the stream; the playhead shows the target
     * meanwhile. Nothing happens without a stream or a number, or before anything is opened.
     */
    void seek(NetStream ns, double seconds) {
        if (ns == null || Double.isNaN(seconds) || state.get() == PlayerState.IDLE) {
            return;
        }
        double target = Math.max(0, seconds);
        if (duration.get() >= 0) {
            target = Math.min(target, duration.get());
        }
        seekTarget = target;
        seeking.set(true);
        time.set(target);
        ns.seek(target);
    }

    /** Goes to the newest data of {@code ns} if it is {@code live}; resumes it first when paused. */
    void goToLive(NetStream ns, boolean live) {
        if (ns == null || !live) {
            return;
        }
        if (state.get() == PlayerState.PAUSED) {
            ns.togglePause();
        }
        ns.seekToLiveEdge();
    }

    /** Seek.Notify, Seek.InvalidTime or Seek.Failed: the seek ends if {@code e} answers the latest one. */
    void seekAnswered(NetStatusEvent e) {
        // Only the answer to the latest seek ends it: with seeks in quick succession, the
        // answer to an earlier one must not pull the slider back to where that one went.
        boolean answersLatest = !(e.details() instanceof Number t)
                || !e.is(NetStatusCode.NETSTREAM_SEEK_NOTIFY)
                || Double.isNaN(seekTarget) || Math.abs(t.doubleValue() - seekTarget) < SEEK_MATCH_S;
        if (answersLatest) {
            seekTarget = Double.NaN;
            if (e.is(NetStatusCode.NETSTREAM_SEEK_NOTIFY) && e.details() instanceof Number t) {
                time.set(t.doubleValue());
            }
        }
    }

    /** The poll: the playhead from {@code ns}, unless a seek is under way or nothing plays yet. */
    void pollTime(NetStream ns) {
        if (Double.isNaN(seekTarget) && phase != PlayerState.OPENING && phase != PlayerState.CONNECTING) {
            time.set(ns.time());
        }
    }

    /** The poll, after the figures: whether a seek is under way, and the duration while unknown. */
    void pollSeekAndDuration(NetStream ns) {
        seeking.set(!Double.isNaN(seekTarget));
        if (duration.get() < 0) {
            readDuration(ns.description());
        }
    }

    /** The stream's onMetaData: its duration, while the source has given none. */
    void metaData(Map<String, Object> info) {
        if (duration.get() < 0 && info.get("duration") instanceof Number d && d.doubleValue() > 0) {
            duration.set(d.doubleValue());
        }
    }

    private void readDuration(SourceDescription d) {
        if (d != null && d.durationUs() > 0) {
            duration.set(d.durationUs() / 1e6);
        }
    }

    /** A new open or a close: not paused, no seek, the playhead at 0 and the duration unknown. */
    void reset() {
        paused = false;
        seekTarget = Double.NaN;
        time.set(0);
        duration.set(-1);
        seeking.set(false);
    }
}
