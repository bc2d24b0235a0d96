package org.netstreamfx.app.ui.player;

import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.ObjDoubleConsumer;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.playback.PlaybackCore;

/**
 * The buffer settings of a {@link PlayerViewModel} and each rtmp(s) URL's options (url-prefs,
 * issue 12): the player's own bufferTime and bufferTimeMax, those of the URL open now, and
 * remembering a URL's options between opens. The view reaches it through
 * {@link PlayerViewModel#urls()} (the bufferTime fields, the gauges, the settings).
 *
 * <p>Owned by the view model; everything here runs on the FX thread.
 */
public final class UrlOptionsControl {
    private final Supplier<NetStream> stream;
    private final Supplier<MediaAddress> address;
    private UrlOptionsMemory memory = UrlOptionsMemory.NONE;
    private final ReadOnlyObjectWrapper<UrlOptions> urlOptions;
    private final Setting bufferTime;
    private final Setting bufferTimeMax;
    /** The options in use were chosen or recalled for this URL, so changes to them are kept. */
    private boolean rememberOptions;

    /**
     * @param bean    the properties' bean (the view model)
     * @param stream  the stream playing, or null
     * @param address what is open, or null
     */
    UrlOptionsControl(Object bean, Supplier<NetStream> stream, Supplier<MediaAddress> address) {
        this.stream = stream;
        this.address = address;
        urlOptions = new ReadOnlyObjectWrapper<>(bean, "urlOptions");
        bufferTime = new Setting(new ReadOnlyDoubleWrapper(bean, "bufferTime", PlayerViewModel.DEFAULT_BUFFER_TIME),
                PlayerViewModel.DEFAULT_BUFFER_TIME, NetStream::setBufferTime, UrlOptions::bufferTime,
                UrlOptions::withBufferTime);
        bufferTimeMax = new Setting(new ReadOnlyDoubleWrapper(bean, "bufferTimeMax"), 0,
                NetStream::setBufferTimeMax, UrlOptions::bufferTimeMax, UrlOptions::withBufferTimeMax);
    }

    /** Where each rtmp(s) URL's options are kept between opens (the app: its settings). */
    public void setMemory(UrlOptionsMemory m) {
        memory = m == null ? UrlOptionsMemory.NONE : m;
    }

    /**
     * The options an open of the rtmp(s) URL {@code url} uses: those remembered for it, else the
     * defaults ({@link UrlOptions#defaults}) with the player's own buffer settings.
     */
    public UrlOptions optionsFor(String url) {
        return memory.recall(url).orElseGet(this::defaults);
    }

    /** The options remembered for the rtmp(s) URL {@code url}, if any. */
    public Optional<UrlOptions> remembered(String url) {
        return memory.recall(url);
    }

    /** The options of the rtmp(s) URL open now, else the defaults (what a connection is made with). */
    UrlOptions currentOrDefaults() {
        return urlOptions.get() != null ? urlOptions.get() : defaults();
    }

    private UrlOptions defaults() {
        return UrlOptions.defaults(bufferTime.playerValue, bufferTimeMax.playerValue);
    }

    /**
     * The player's own bufferTime, in seconds: that of files, downloads and rtmp(s) URLs without
     * options of their own (what the settings keep as the bufferTime). {@link #bufferTimeProperty()}
     * is this, or the bufferTime of the URL open now.
     */
    public double playerBufferTime() {
        return bufferTime.playerValue;
    }

    /** The player's own bufferTimeMax (as {@link #playerBufferTime()} for bufferTime). */
    public double playerBufferTimeMax() {
        return bufferTimeMax.playerValue;
    }

    /** The options of the rtmp(s) URL open now (its bufferTime follows the bufferTime field); null otherwise. */
    public ReadOnlyObjectProperty<UrlOptions> urlOptionsProperty() {
        return urlOptions.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty bufferTimeProperty() {
        return bufferTime.value.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty bufferTimeMaxProperty() {
        return bufferTimeMax.value.getReadOnlyProperty();
    }

    // Called on the FX thread.

    /** An open of {@code a}: an rtmp(s) URL's {@code chosen} options, or those remembered, or the defaults. */
    void use(MediaAddress a, UrlOptions chosen) {
        if (a == null || a.kind() != MediaAddress.Kind.RTMP) {
            urlOptions.set(null);
            rememberOptions = false;
            bufferTime.value.set(bufferTime.playerValue);
            bufferTimeMax.value.set(bufferTimeMax.playerValue);
            return;
        }
        Optional<UrlOptions> recalled = chosen == null ? memory.recall(a.address()) : Optional.of(chosen);
        UrlOptions o = recalled.orElseGet(this::defaults);
        urlOptions.set(o);
        rememberOptions = recalled.isPresent();
        if (rememberOptions) {
            memory.remember(a.address(), o); // also the most recently used now
        }
        bufferTime.value.set(o.bufferTime());
        bufferTimeMax.value.set(o.bufferTimeMax());
    }

    /**
     * A new stream gets the buffer settings in use: {@link #use} set them from the URL's options
     * (or the player's own), and the setters keep the options in step.
     */
    void applyTo(NetStream ns) {
        ns.setBufferTime(bufferTime.value.get());
        ns.setBufferTimeMax(bufferTimeMax.value.get());
    }

    /**
     * Sets bufferTime in seconds, for the stream playing too; while an rtmp(s) URL is open it
     * becomes that URL's. Returns false (and changes nothing) outside 0..MAX_BUFFER_TIME.
     */
    public boolean setBufferTime(double seconds) {
        return bufferTime.set(seconds);
    }

    /**
     * Sets bufferTimeMax in seconds for the stream playing and the next ones (live catch-up: over
     * this much buffer a live stream plays 6 % faster until it is back at bufferTime); 0 is the
     * engine's default live latency policy. As {@link #setBufferTime}: the URL's while one is
     * open, and false (nothing changes) outside 0..MAX_BUFFER_TIME.
     */
    public boolean setBufferTimeMax(double seconds) {
        return bufferTimeMax.set(seconds);
    }

    private void keep(UrlOptions changed) {
        urlOptions.set(changed);
        if (rememberOptions) {
            memory.remember(address.get().address(), changed);
        }
    }

    /**
     * The bufferLength over which a live stream is behind and catches up: bufferTimeMax, or with
     * 0 the default policy's bufferTime + max(1 s, bufferTime) (PlaybackCore.catchUpThresholdUs).
     */
    public double catchUpThreshold() {
        double max = bufferTimeMax.value.get();
        double bt = bufferTime.value.get();
        return max > 0 ? max : bt + Math.max(PlaybackCore.DEFAULT_LIVE_SLACK_US / 1e6, bt);
    }

    /**
     * bufferTime or bufferTimeMax: the value in use, the player's own, and how a NetStream and a
     * URL's options hold it (the two are set by the same rules).
     */
    private final class Setting {
        final ReadOnlyDoubleWrapper value;
        /** The value of files, downloads and URLs without options of their own. */
        double playerValue;
        private final ObjDoubleConsumer<NetStream> toStream;
        private final ToDoubleFunction<UrlOptions> inOptions;
        private final BiFunction<UrlOptions, Double, UrlOptions> withValue;

        Setting(ReadOnlyDoubleWrapper value, double playerValue, ObjDoubleConsumer<NetStream> toStream,
                ToDoubleFunction<UrlOptions> inOptions, BiFunction<UrlOptions, Double, UrlOptions> withValue) {
            this.value = value;
            this.playerValue = playerValue;
            this.toStream = toStream;
            this.inOptions = inOptions;
            this.withValue = withValue;
        }

        boolean set(double seconds) {
            if (!(seconds >= 0 && seconds <= PlayerViewModel.MAX_BUFFER_TIME)) {
                return false;
            }
            value.set(seconds);
            NetStream ns = stream.get();
            if (ns != null) {
                toStream.accept(ns, seconds);
            }
            UrlOptions o = urlOptions.get();
            if (o != null && inOptions.applyAsDouble(o) != seconds) {
                // The value chosen while an rtmp(s) URL plays is that URL's from now on.
                keep(withValue.apply(o, seconds));
            }
            if (o == null || !rememberOptions) {
                playerValue = seconds; // a URL without options of its own follows the player's
            }
            return true;
        }
    }
}
