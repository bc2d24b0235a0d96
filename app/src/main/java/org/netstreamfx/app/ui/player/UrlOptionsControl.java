package org.netstreamfx.app.ui.player;

import java.util.Optional;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.playback.PlaybackCore;

/**
 * The buffer settings of a {@link PlayerViewModel} and each rtmp(s) URL's options (url-prefs,
 * issue 12): the player's own bufferTime and bufferTimeMax, those of the URL open now, and
 * remembering a URL's options between opens.
 *
 * <p>Owned by the view model; everything here runs on the FX thread.
 */
final class UrlOptionsControl {
    private UrlOptionsMemory memory = UrlOptionsMemory.NONE;
    private final ReadOnlyObjectWrapper<UrlOptions> urlOptions;
    private final ReadOnlyDoubleWrapper bufferTime;
    private final ReadOnlyDoubleWrapper bufferTimeMax;
    /** The options in use were chosen or recalled for this URL, so changes to them are kept. */
    private boolean rememberOptions;
    /** The bufferTime of files, downloads and URLs without options of their own. */
    private double playerBufferTime = PlayerViewModel.DEFAULT_BUFFER_TIME;
    /** The bufferTimeMax of files, downloads and URLs without options of their own. */
    private double playerBufferTimeMax;

    /** @param bean the properties' bean (the view model) */
    UrlOptionsControl(Object bean) {
        urlOptions = new ReadOnlyObjectWrapper<>(bean, "urlOptions");
        bufferTime = new ReadOnlyDoubleWrapper(bean, "bufferTime", PlayerViewModel.DEFAULT_BUFFER_TIME);
        bufferTimeMax = new ReadOnlyDoubleWrapper(bean, "bufferTimeMax");
    }

    void setMemory(UrlOptionsMemory m) {
        memory = m == null ? UrlOptionsMemory.NONE : m;
    }

    /** Those remembered for {@code url}, else the defaults with the player's own buffer settings. */
    UrlOptions optionsFor(String url) {
        return memory.recall(url).orElseGet(this::defaults);
    }

    Optional<UrlOptions> remembered(String url) {
        return memory.recall(url);
    }

    /** The options of the rtmp(s) URL open now, else the defaults (what a connection is made with). */
    UrlOptions currentOrDefaults() {
        return urlOptions.get() != null ? urlOptions.get() : defaults();
    }

    private UrlOptions defaults() {
        return UrlOptions.defaults(playerBufferTime, playerBufferTimeMax);
    }

    double playerBufferTime() {
        return playerBufferTime;
    }

    double playerBufferTimeMax() {
        return playerBufferTimeMax;
    }

    ReadOnlyObjectProperty<UrlOptions> urlOptions() {
        return urlOptions.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty bufferTime() {
        return bufferTime.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty bufferTimeMax() {
        return bufferTimeMax.getReadOnlyProperty();
    }

    // Called on the FX thread by the view model.

    /** An open of {@code a}: an rtmp(s) URL's {@code chosen} options, or those remembered, or the defaults. */
    void use(MediaAddress a, UrlOptions chosen) {
        if (a == null || a.kind() != MediaAddress.Kind.RTMP) {
            urlOptions.set(null);
            rememberOptions = false;
            bufferTime.set(playerBufferTime);
            bufferTimeMax.set(playerBufferTimeMax);
            return;
        }
        Optional<UrlOptions> recalled = chosen == null ? memory.recall(a.address()) : Optional.of(chosen);
        UrlOptions o = recalled.orElseGet(this::defaults);
        urlOptions.set(o);
        rememberOptions = recalled.isPresent();
        if (rememberOptions) {
            memory.remember(a.address(), o); // also the most recently used now
        }
        bufferTime.set(o.bufferTime());
        bufferTimeMax.set(o.bufferTimeMax());
    }

    /**
     * A new stream gets the buffer settings in use: {@link #use} set them from the URL's options
     * (or the player's own), and the setters keep the options in step.
     */
    void applyTo(NetStream ns) {
        ns.setBufferTime(bufferTime.get());
        ns.setBufferTimeMax(bufferTimeMax.get());
    }

    /** See {@link PlayerViewModel#setBufferTime}; {@code ns} and {@code a}: what plays, or null. */
    boolean setBufferTime(double seconds, NetStream ns, MediaAddress a) {
        if (!(seconds >= 0 && seconds <= PlayerViewModel.MAX_BUFFER_TIME)) {
            return false;
        }
        bufferTime.set(seconds);
        if (ns != null) {
            ns.setBufferTime(seconds);
        }
        UrlOptions o = urlOptions.get();
        if (o != null && o.bufferTime() != seconds) {
            // The bufferTime chosen while an rtmp(s) URL plays is that URL's from now on.
            keep(o.withBufferTime(seconds), a);
        }
        if (o == null || !rememberOptions) {
            playerBufferTime = seconds; // a URL without options of its own follows the player's
        }
        return true;
    }

    /** See {@link PlayerViewModel#setBufferTimeMax}; {@code ns} and {@code a}: what plays, or null. */
    boolean setBufferTimeMax(double seconds, NetStream ns, MediaAddress a) {
        if (!(seconds >= 0 && seconds <= PlayerViewModel.MAX_BUFFER_TIME)) {
            return false;
        }
        bufferTimeMax.set(seconds);
        if (ns != null) {
            ns.setBufferTimeMax(seconds);
        }
        UrlOptions o = urlOptions.get();
        if (o != null && o.bufferTimeMax() != seconds) {
            // As bufferTime: the bufferTimeMax chosen while an rtmp(s) URL plays is that URL's.
            keep(o.withBufferTimeMax(seconds), a);
        }
        if (o == null || !rememberOptions) {
            playerBufferTimeMax = seconds; // a URL without options of its own follows the player's
        }
        return true;
    }

    private void keep(UrlOptions changed, MediaAddress a) {
        urlOptions.set(changed);
        if (rememberOptions) {
            memory.remember(a.address(), changed);
        }
    }

    /** See {@link PlayerViewModel#catchUpThreshold}. */
    double catchUpThreshold() {
        double max = bufferTimeMax.get();
        double bt = bufferTime.get();
        return max > 0 ? max : bt + Math.max(PlaybackCore.DEFAULT_LIVE_SLACK_US / 1e6, bt);
    }
}
