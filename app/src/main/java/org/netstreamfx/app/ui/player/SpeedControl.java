package org.netstreamfx.app.ui.player;

import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import org.netstreamfx.player.net.NetStream;

/**
 * The speed and the frame step of a {@link PlayerViewModel} (NetStream.setPlaybackRate and
 * NetStream.step): the speed chosen holds for the stream playing and the next ones, as in VLC and
 * mpv. The view sets and reads the speed through {@link PlayerViewModel#speed()}.
 *
 * <p>Owned by the view model; everything here runs on the FX thread.
 */
public final class SpeedControl {
    /** The speeds [ and ] step through, as VLC's and mpv's menus offer them. */
    public static final List<Double> SPEEDS = List.of(0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0);
    /** Speeds closer than this are the same step of {@link #SPEEDS}. */
    private static final double SAME_SPEED = 1e-9;
    private static final double NORMAL = 1.0;

    private final Supplier<NetStream> stream;
    private final ReadOnlyDoubleWrapper playbackRate;

    /**
     * @param bean   the property's bean (the view model)
     * @param stream the stream playing, or null
     */
    SpeedControl(Object bean, Supplier<NetStream> stream) {
        this.stream = stream;
        playbackRate = new ReadOnlyDoubleWrapper(bean, "playbackRate", NORMAL);
    }

    /** The speed set (1 unless set); see {@link #setPlaybackRate}. */
    public ReadOnlyDoubleProperty playbackRateProperty() {
        return playbackRate.getReadOnlyProperty();
    }

    // Called on the FX thread by the view model.

    /**
     * Plays recorded media {@code rate} times as fast, sound at its pitch (NetStream's
     * MIN_PLAYBACK_RATE to MAX_PLAYBACK_RATE); kept for the next items. A live stream plays at 1
     * (NetStreamFX.Playback.RateIgnored). False (and nothing changes) outside the range.
     */
    public boolean setPlaybackRate(double rate) {
        if (!(rate >= NetStream.MIN_PLAYBACK_RATE && rate <= NetStream.MAX_PLAYBACK_RATE)) {
            return false;
        }
        playbackRate.set(rate);
        NetStream ns = stream.get();
        if (ns != null) {
            ns.setPlaybackRate(rate);
        }
        return true;
    }

    /** The next speed up in {@link #SPEEDS}. */
    void faster() {
        double r = playbackRate.get();
        SPEEDS.stream().filter(x -> x > r + SAME_SPEED).findFirst().ifPresent(this::setPlaybackRate);
    }

    /** The next speed down in {@link #SPEEDS}. */
    void slower() {
        double r = playbackRate.get();
        SPEEDS.stream().filter(x -> x < r - SAME_SPEED).reduce((a, b) -> b).ifPresent(this::setPlaybackRate);
    }

    void normalSpeed() {
        setPlaybackRate(NORMAL);
    }

    /** A new stream plays at the speed set (a live stream plays at 1 whatever it is). */
    void applyTo(NetStream ns) {
        ns.setPlaybackRate(playbackRate.get());
    }

    /**
     * Shows the frame {@code frames} after or before the one shown, when {@code s} is playing or
     * paused; while playing, it pauses first (as mpv's frame step does).
     */
    void stepFrames(PlayerState s, int frames) {
        NetStream ns = stream.get();
        if (ns == null || (s != PlayerState.PLAYING && s != PlayerState.PAUSED)) {
            return;
        }
        if (s == PlayerState.PLAYING) {
            ns.pause(); // the engine carries commands out in order: the step finds it paused
        }
        ns.step(frames);
    }
}
