package org.netstreamfx.app.ui.player;

import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;
import org.netstreamfx.player.net.NetStream;

/**
 * Reads what the engine keeps about the stream a {@link PlayerViewModel} plays, ten times a second
 * (a Timeline, so on the FX thread): the playhead, the figures, whether a seek is under way and
 * the duration; it also moves a recording's elapsed time on and checks A–B repeat.
 *
 * <p>Owned by the view model, which starts it and stops it at dispose.
 */
final class FigurePoll {
    /** How often the figures are read. */
    static final Duration INTERVAL = Duration.millis(100);

    private final Supplier<NetStream> stream;
    private final TransportState transport;
    private final PlaybackFigures figures;
    private final PlaylistControl playlists;
    private final PlayerRecording recording;
    private final Timeline timeline = new Timeline(new KeyFrame(INTERVAL, e -> poll()));

    FigurePoll(Supplier<NetStream> stream, TransportState transport, PlaybackFigures figures,
            PlaylistControl playlists, PlayerRecording recording) {
        this.stream = stream;
        this.transport = transport;
        this.figures = figures;
        this.playlists = playlists;
        this.recording = recording;
        timeline.setCycleCount(Animation.INDEFINITE);
    }

    /** How many polls {@code seconds} hold. */
    static int pollsIn(int seconds) {
        return (int) (seconds * 1000 / INTERVAL.toMillis());
    }

    void start() {
        timeline.play();
    }

    void stop() {
        timeline.stop();
    }

    private void poll() {
        recording.tick();
        NetStream ns = stream.get();
        if (ns == null || transport.phase() == PlayerState.IDLE) {
            return;
        }
        transport.pollTime(ns);
        playlists.checkABRepeat();
        figures.poll(ns, transport.playingUnpaused());
        transport.pollSeekAndDuration(ns);
        figures.readDescriptionIfNew(ns.description());
    }
}
