package org.netstreamfx.app.ui.player;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.netstreamfx.app.probe.MediaInfo;
import org.netstreamfx.app.ui.video.Video;
import org.netstreamfx.player.net.NetStream;
import org.netstreamfx.player.media.TrackFormat;
import org.netstreamfx.player.media.TrackKind;
import org.netstreamfx.player.source.SourceDescription;

/**
 * "Stats for nerds": a small monospace panel in the top-left corner of the picture with the
 * figures of what plays (resolution and codecs, fps, dropped frames, bufferLength/bufferTime,
 * the live edge, bit rates, A/V drift, decode errors), read four times a second while shown.
 * Mouse-transparent; toggled with I ({@link PlayerView#toggleStatsOverlay()}). It belongs to the
 * view, not to a stream, so it stays shown (or hidden) across opens. FX thread.
 */
public final class StatsOverlay extends Label {
    /** How often the figures are read while the panel is shown. */
    static final Duration REFRESH = Duration.millis(250);
    /** The widest the panel gets, as a fraction of the picture's width. */
    static final double MAX_WIDTH_FRACTION = 0.45;

    private final PlayerViewModel vm;
    private final Video video;
    private final Timeline refresh;

    public StatsOverlay(PlayerViewModel vm, Video video) {
        this.vm = vm;
        this.video = video;
        setId("stats-overlay");
        getStyleClass().add("stats-overlay");
        setMouseTransparent(true);
        setFocusTraversable(false);
        // As tall as its lines, as wide as its longest line but never over the centre: at most 45 %
        // of the picture's width (longer lines end in "…"; see computeMaxWidth). The StackPane it
        // sits in would otherwise stretch it to its maximum, or squeeze it under its text. The
        // parent asks for the maximum each time it lays its children out, so a resize is followed.
        setMinHeight(Region.USE_PREF_SIZE);
        setMaxHeight(Region.USE_PREF_SIZE);
        StackPane.setAlignment(this, Pos.TOP_LEFT);
        StackPane.setMargin(this, new Insets(8));
        setVisible(false);
        refresh = new Timeline(new KeyFrame(REFRESH, e -> update()));
        refresh.setCycleCount(Animation.INDEFINITE);
        visibleProperty().addListener((o, was, now) -> {
            if (now) {
                update();
                refresh.play();
            } else {
                refresh.stop();
            }
        });
    }

    @Override
    protected double computeMaxWidth(double height) {
        double pref = prefWidth(height);
        return getParent() instanceof Region r ? Math.min(pref, r.getWidth() * MAX_WIDTH_FRACTION) : pref;
    }

    /** Shows or hides the panel. */
    public void toggle() {
        setVisible(!isVisible());
    }

    /** Reads the figures now (the panel does it four times a second while shown). */
    void update() {
        setText(String.join("\n", lines()));
    }

    private List<String> lines() {
        List<String> l = new ArrayList<>();
        SourceDescription d = vm.figures().descriptionProperty().get();
        TrackFormat v = d == null ? null : d.track(TrackKind.VIDEO).orElse(null);
        TrackFormat a = d == null ? null : d.track(TrackKind.AUDIO).orElse(null);
        int w = video.videoWidthProperty().get();
        int h = video.videoHeightProperty().get();
        if (w == 0 && v != null) {
            w = v.width();
            h = v.height();
        }
        l.add(row("Video", v == null ? (w > 0 ? w + "×" + h : "none")
                : w + "×" + h + " " + codec(v) + (v.level().isEmpty() ? "" : " " + v.level())));
        l.add(row("Audio", a == null ? "none" : codec(a) + String.format(Locale.ROOT, " %.1f kHz %d ch",
                a.sampleRateHz() / 1000.0, a.channels())));
        l.add(row("FPS", String.format(Locale.ROOT, "%.1f", vm.figures().fpsProperty().get())
                + (v != null && v.frameRate() > 0 ? String.format(Locale.ROOT, " / %.3g", v.frameRate()) : "")));
        l.add(row("Dropped", vm.figures().droppedFramesProperty().get() + " (late " + vm.figures().lateFramesProperty().get()
                + ", replaced " + vm.figures().replacedFramesProperty().get() + ")"));
        l.add(row("Buffer", String.format(Locale.ROOT, "%.2f / %.2f s", vm.figures().bufferLengthProperty().get(),
                vm.urls().bufferTimeProperty().get())));
        if (vm.liveProperty().get()) {
            // The distance to the newest data received is bufferLength: a live stream reads all that has arrived.
            l.add(row("Live edge", String.format(Locale.ROOT, "\u2212%.2f s (bufferLength)", vm.figures().bufferLengthProperty().get())));
            l.add(row("Catch-up", String.format(Locale.ROOT, "over %.2f s", vm.urls().catchUpThreshold())));
        }
        l.add(row("Bit rate", String.format(Locale.ROOT, "%.0f kbit/s in (last %d s)",
                vm.figures().inputBitsPerSecondProperty().get() / 1000, PlaybackFigures.RATE_WINDOW_S)));
        String declared = declared(v, a);
        if (!declared.isEmpty()) {
            l.add(row("Declared", declared));
        }
        NetStream ns = vm.streamProperty().get();
        if (ns != null && (Math.abs(ns.currentPlaybackRate() - 1) > 1e-9 || Math.abs(vm.speed().playbackRateProperty().get() - 1) > 1e-9)) {
            l.add(row("Speed", String.format(Locale.ROOT, "%.2f× (set %.2f×), %d frames skipped for speed",
                    ns.currentPlaybackRate(), vm.speed().playbackRateProperty().get(), ns.skippedFrames())));
        }
        l.add(row("A/V drift", String.format(Locale.ROOT, "%+.1f ms", vm.figures().avDriftMsProperty().get())));
        l.add(row("Decode err", String.valueOf(vm.figures().decodeErrorsProperty().get())));
        return l;
    }

    /** "H.264 High", "AAC LC", "HE-AAC v2" (an AAC profile's name says AAC already). */
    private static String codec(TrackFormat t) {
        if (t.profile().isEmpty()) {
            return t.codec().displayName();
        }
        String profile = MediaInfo.profileName(t.codec(), t.profile());
        return profile.contains(t.codec().displayName()) ? profile : t.codec().displayName() + " " + profile;
    }

    /** The tracks' declared bit rates, "v 254 + a 64 kbit/s", when the container gives them; "" otherwise. */
    private static String declared(TrackFormat v, TrackFormat a) {
        long vb = v == null ? 0 : v.bitRateBps();
        long ab = a == null ? 0 : a.bitRateBps();
        if (vb <= 0 && ab <= 0) {
            return "";
        }
        return "v " + (vb > 0 ? String.valueOf(Math.round(vb / 1000.0)) : "?") + " + a "
                + (ab > 0 ? String.valueOf(Math.round(ab / 1000.0)) : "?") + " kbit/s";
    }

    private static String row(String name, String value) {
        return String.format(Locale.ROOT, "%-10s %s", name, value);
    }
}
